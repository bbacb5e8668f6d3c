/**
 * `npm run bench`: a report, not a test. Measures the build (time, peak memory, growth with 4x the
 * content), page weight per page type against budgets, Lighthouse scores (mobile, default throttling),
 * search (index size, time to first results) and the cost of the widgets' core computations.
 * Writes bench-results/latest.json and bench-results/latest.md. Needs Chromium (CHROME_PATH or
 * /usr/bin/chromium). Takes a few minutes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import { serve } from './serve.ts';
import { chromePath } from '../tests/e2e/browser.ts';
import { rocAuc } from '../src/lib/metrics/roc.ts';
import { psi } from '../src/lib/drift/psi.ts';
import { histogram, quantileEdges } from '../src/lib/drift/histogram.ts';
import { simulateDynamicBatching } from '../src/lib/systems/batching.ts';
import { mulberry32 } from '../src/lib/random.ts';

const PORT = 4480;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const work = join(tmpdir(), 'guide-bench');
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const PAGE_TYPES: Record<string, string> = {
  landing: '/',
  'text chapter': '/practice/dos-and-donts/',
  'chapter with one diagram': '/lifecycle/design-loop/',
  'chapter with five diagrams': '/reference/blueprints/',
  'chapter with widgets': '/lifecycle/evaluation/',
};
const BUDGET = { textChapterOwnJsGzipKB: 3, widgetExtraJsGzipKB: 30, performance: 95 };

// ---------- build ----------
function buildIn(root: string, outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  const cache = `${outDir}-cache`;
  rmSync(cache, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [join(process.cwd(), 'scripts/bench-build.ts')], {
    cwd: root,
    env: { ...process.env, OUT_DIR: outDir, CACHE_DIR: cache, BASE_PATH: '/', SITE_URL: ORIGIN },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed in ${root}:\n${result.stderr}\n${result.stdout}`);
  const line = result.stdout.trim().split('\n').pop()!;
  const pages = filesUnder(outDir).filter((f) => f.endsWith('.html')).length;
  return { ...(JSON.parse(line) as { seconds: number; peakMB: number }), pages };
}

/** Every file below `dir`, as full paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((full) => statSync(full).isFile());
}

const dirBytes = (dir: string) => filesUnder(dir).reduce((sum, file) => sum + statSync(file).size, 0);

/**
 * A copy of the project with every chapter present four times (links still point at the originals).
 * It lives inside the project so it resolves packages from the real node_modules: a symlinked
 * node_modules confuses Vite's path handling.
 */
function makeFourfoldCopy(): string {
  const root = join(process.cwd(), 'bench-results/tmp/fourfold');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync('.')) {
    if (['node_modules', 'dist', '.git', 'bench-results', 'test-results'].includes(name)) continue;
    cpSync(name, join(root, name), { recursive: true });
  }
  const chapters = filesUnder(join(root, 'content/docs')).filter(
    (f) => f.endsWith('.mdx') && !/\/(index|404)\.mdx$/.test(f),
  );
  for (const file of chapters) {
    for (const copy of [2, 3, 4]) {
      const text = readFileSync(file, 'utf8').replace(/^title: (.*)$/m, `title: $1 (copy ${copy})`);
      writeFileSync(file.replace(/\.mdx$/, `-copy-${copy}.mdx`), text);
    }
  }
  return root;
}

// ---------- page weight ----------
type Kind = 'html' | 'css' | 'js' | 'font' | 'other';
const kindOf = (path: string): Kind =>
  /\.html$|\/$/.test(path)
    ? 'html'
    : /\.css$/.test(path)
      ? 'css'
      : /\.m?js$/.test(path)
        ? 'js'
        : /\.(woff2?|ttf)$/.test(path)
          ? 'font'
          : 'other';

async function pageWeights(dist: string) {
  const browser = await chromium.launch({ executablePath: chromePath, args: BROWSER_ARGS });
  const weights: Record<string, Record<Kind, { raw: number; gzip: number }>> = {};
  const ownScripts: Record<string, { name: string; gzip: number }[]> = {};
  const ours = ownModuleNames();
  const measure = async (
    label: string,
    path: string,
    action?: (page: import('playwright-core').Page) => Promise<void>,
  ) => {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const files = new Set<string>();
    page.on('requestfinished', (req) => {
      const url = new URL(req.url());
      if (url.origin === ORIGIN) files.add(url.pathname);
    });
    await page.goto(ORIGIN + path, { waitUntil: 'networkidle' });
    if (action) await action(page);
    const totals = Object.fromEntries(
      (['html', 'css', 'js', 'font', 'other'] as Kind[]).map((k) => [k, { raw: 0, gzip: 0 }]),
    ) as Record<Kind, { raw: number; gzip: number }>;
    for (const p of files) {
      const file = join(dist, p.endsWith('/') ? `${p}index.html` : p);
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      const t = totals[kindOf(p)];
      t.raw += bytes.length;
      const gzip = gzipSync(bytes).length;
      t.gzip += gzip;
      if (kindOf(p) === 'js' && ours.has(moduleName(p))) (ownScripts[label] ??= []).push({ name: moduleName(p), gzip });
    }
    weights[label] = totals;
    await page.close();
  };
  for (const [label, path] of Object.entries(PAGE_TYPES)) await measure(label, path);
  for (const path of widgetPages(dist)) await measure(`widget page ${path}`, path);
  await measure('search (results shown)', '/lifecycle/design-loop/', async (page) => {
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input').fill('drift');
    await page.locator('#starlight__search .pagefind-ui__result').first().waitFor();
    await page.waitForLoadState('networkidle');
  });
  await browser.close();
  return { weights, ownScripts };
}

/**
 * Names of this project's modules ("MarkRead", "store", "chart"...). A built script named after one
 * (MarkRead.astro_astro_type_script...js, store.B3x.js) is ours; the rest is Starlight, Expressive
 * Code, Pagefind or the bundler's runtime.
 */
function ownModuleNames(): Set<string> {
  const names = new Set(
    filesUnder('src')
      .filter((f) => /\.(ts|astro)$/.test(f))
      .map((f) => moduleName(f)),
  );
  names.delete('index'); // too generic: bundles of other packages are called that too
  return names;
}

/** "src/study/progress/MarkRead.astro" and "/_astro/MarkRead.astro_astro_type_script_index_0_lang.H4.js" -> "MarkRead". */
const moduleName = (path: string) => path.split('/').pop()!.split('.')[0];

/** Every page that embeds a widget, as a URL path ("/lifecycle/evaluation/"). */
function widgetPages(dist: string): string[] {
  return filesUnder(dist)
    .filter((f) => f.endsWith('/index.html') && readFileSync(f, 'utf8').includes('class="widget not-content"'))
    .map((f) => `/${relative(dist, f).replace(/index\.html$/, '')}`)
    .sort();
}

// ---------- search ----------
async function searchTimings() {
  const browser = await chromium.launch({ executablePath: chromePath, args: BROWSER_ARGS });
  const out: Record<string, number> = {};
  for (const query of ['PSI threshold', 'point-in-time join', 'ZeRO stage 2']) {
    const page = await browser.newPage();
    await page.goto(`${ORIGIN}/lifecycle/`, { waitUntil: 'networkidle' });
    await page.locator('button[data-open-modal]').first().click();
    const started = Date.now();
    await page.locator('#starlight__search input').fill(query);
    await page.locator('#starlight__search .pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    out[query] = Date.now() - started;
    await page.close();
  }
  await browser.close();
  return out;
}

// ---------- lighthouse ----------
async function lighthouseScores() {
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...BROWSER_ARGS] });
  const out: Record<string, Record<string, number>> = {};
  try {
    for (const [label, path] of Object.entries(PAGE_TYPES)) {
      const result = await lighthouse(ORIGIN + path, { port: chrome.port, output: 'json', logLevel: 'error' });
      const lhr = result!.lhr;
      out[label] = {
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
        'best-practices': Math.round((lhr.categories['best-practices'].score ?? 0) * 100),
        seo: Math.round((lhr.categories.seo.score ?? 0) * 100),
        'LCP ms': Math.round(lhr.audits['largest-contentful-paint'].numericValue ?? 0),
        'TBT ms': Math.round(lhr.audits['total-blocking-time'].numericValue ?? 0),
        CLS: Math.round((lhr.audits['cumulative-layout-shift'].numericValue ?? 0) * 1000) / 1000,
      };
    }
  } finally {
    chrome.kill();
  }
  return out;
}

// ---------- widget cores ----------
function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(fn: () => void, runs = 3) {
  return median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    }),
  );
}
function coreTimings() {
  const out: Record<string, Record<string, number>> = {
    'ROC AUC': {},
    'PSI (10 quantile bins)': {},
    'batching simulation': {},
  };
  for (const n of [1e3, 1e4, 1e5, 1e6]) {
    const random = mulberry32(n);
    const y = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const scores = y.map((label) => random() + label * 0.3);
    const reference = Array.from({ length: n }, () => random());
    const current = Array.from({ length: n }, () => random() * 1.1);
    out['ROC AUC'][String(n)] = time(() => rocAuc(y, scores));
    out['PSI (10 quantile bins)'][String(n)] = time(() => {
      const edges = quantileEdges(reference, 10);
      psi(histogram(reference, edges), histogram(current, edges));
    });
    out['batching simulation'][String(n)] = time(() =>
      simulateDynamicBatching({
        arrivalRatePerSec: 800,
        maxBatchSize: 16,
        maxQueueDelayMs: 5,
        fixedLatencyMs: 8,
        perItemLatencyMs: 0.5,
        instances: 2,
        requests: n,
        seed: 1,
      }),
    );
  }
  return out;
}

// ---------- report ----------
const kb = (b: number) => Math.round((b / 1024) * 10) / 10;

interface Report {
  date: string;
  machine: string;
  build: Record<string, { seconds: number; peakMB: number; pages: number }>;
  growth: { timeRatio: number; pageRatio: number };
  weights: Record<string, Record<Kind, { raw: number; gzip: number }>>;
  budgets: { name: string; value: string; met: boolean }[];
  lighthouse: Record<string, Record<string, number>>;
  search: { indexBytes: number; firstResultMs: Record<string, number> };
  cores: Record<string, Record<string, number>>;
}

function markdown(r: Report): string {
  const lines: string[] = [];
  lines.push(`# Benchmark results`, '', `Measured ${r.date} on ${r.machine}.`, '');
  lines.push('## Build', '', '| site | pages | wall time (s) | peak memory (MB) |', '| --- | ---: | ---: | ---: |');
  for (const [name, b] of Object.entries(r.build))
    lines.push(`| ${name} | ${b.pages} | ${b.seconds.toFixed(1)} | ${Math.round(b.peakMB)} |`);
  lines.push(
    '',
    `Growth: 4x the content took ${r.growth.timeRatio.toFixed(2)}x the time for ${r.growth.pageRatio.toFixed(2)}x the pages.`,
    '',
  );
  lines.push(
    '## Page weight (KB, raw / gzip)',
    '',
    '| page type | HTML | CSS | JS | fonts | other |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, w] of Object.entries(r.weights)) {
    const cell = (k: Kind) => `${kb(w[k].raw)} / ${kb(w[k].gzip)}`;
    lines.push(`| ${name} | ${cell('html')} | ${cell('css')} | ${cell('js')} | ${cell('font')} | ${cell('other')} |`);
  }
  lines.push('', 'Budgets:', '');
  for (const b of r.budgets) lines.push(`- ${b.met ? 'met' : '**not met**'}: ${b.name} (${b.value})`);
  lines.push(
    '',
    '## Lighthouse (mobile, default throttling)',
    '',
    '| page type | performance | accessibility | best practices | SEO | LCP (ms) | TBT (ms) | CLS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, s] of Object.entries(r.lighthouse))
    lines.push(
      `| ${name} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${s['LCP ms']} | ${s['TBT ms']} | ${s.CLS} |`,
    );
  lines.push(
    '',
    '## Search',
    '',
    `Pagefind index: ${kb(r.search.indexBytes)} KB on disk.`,
    '',
    '| query | time to first result (ms) |',
    '| --- | ---: |',
  );
  for (const [q, ms] of Object.entries(r.search.firstResultMs)) lines.push(`| ${q} | ${ms} |`);
  lines.push(
    '',
    '## Widget cores (median of 3 runs, ms)',
    '',
    '| computation | n = 10^3 | 10^4 | 10^5 | 10^6 |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const [name, t] of Object.entries(r.cores))
    lines.push(
      `| ${name} | ${Object.values(t)
        .map((v) => v.toFixed(2))
        .join(' | ')} |`,
    );
  return lines.join('\n') + '\n';
}

if (!chromePath) throw new Error('npm run bench needs Chromium: install it or set CHROME_PATH');
mkdirSync(work, { recursive: true });
console.log('Building the site...');
const oneX = buildIn(process.cwd(), join(work, 'dist-1x'));
console.log('Building the site with 4x the content...');
const fourfold = makeFourfoldCopy();
const fourX = buildIn(fourfold, join(work, 'dist-4x'));
rmSync(fourfold, { recursive: true, force: true });

const dist = join(work, 'dist-1x');
const server = await serve({ dir: dist, base: '/', port: PORT });
console.log('Measuring page weight, search and Lighthouse...');
const { weights, ownScripts } = await pageWeights(dist);
const firstResultMs = await searchTimings();
const lighthouseResults = await lighthouseScores();
server.close();
console.log('Timing widget cores...');
const cores = coreTimings();

const js = (name: string) => weights[name].js.gzip;
const ownJs = (name: string) => (ownScripts[name] ?? []).reduce((sum, s) => sum + s.gzip, 0);
const budgets = [
  {
    name: `text chapters ship no JavaScript beyond Starlight's own, except reading progress and the diagram check (at most ${BUDGET.textChapterOwnJsGzipKB} KB gzip; the study-features issue asks for "mark as read" on every chapter)`,
    value: `${kb(ownJs('text chapter'))} KB of our own: ${(ownScripts['text chapter'] ?? []).map((s) => `${s.name} ${kb(s.gzip)}`).join(', ')}`,
    met: ownJs('text chapter') <= BUDGET.textChapterOwnJsGzipKB * 1024,
  },
  ...Object.keys(weights)
    .filter((name) => name.startsWith('widget page '))
    .map((name) => ({
      name: `${name.slice('widget page '.length)} adds at most ${BUDGET.widgetExtraJsGzipKB} KB gzip of JavaScript`,
      value: `+${kb(js(name) - js('text chapter'))} KB`,
      met: js(name) - js('text chapter') <= BUDGET.widgetExtraJsGzipKB * 1024,
    })),
  ...Object.entries(lighthouseResults).flatMap(([name, s]) => [
    {
      name: `${name}: Lighthouse performance >= ${BUDGET.performance}`,
      value: String(s.performance),
      met: s.performance >= BUDGET.performance,
    },
    {
      name: `${name}: accessibility, best practices and SEO = 100`,
      value: `${s.accessibility} / ${s['best-practices']} / ${s.seo}`,
      met: s.accessibility === 100 && s['best-practices'] === 100 && s.seo === 100,
    },
  ]),
];

const report: Report = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${relative('/', chromePath)}`,
  build: { site: oneX, 'site with 4x content': fourX },
  growth: { timeRatio: fourX.seconds / oneX.seconds, pageRatio: fourX.pages / oneX.pages },
  weights,
  budgets,
  lighthouse: lighthouseResults,
  search: { indexBytes: dirBytes(join(dist, 'pagefind')), firstResultMs },
  cores,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(report, null, 2) + '\n');
writeFileSync('bench-results/latest.md', markdown(report));
console.log(markdown(report));
