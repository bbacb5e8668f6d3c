/**
 * `npm run bench`: a report, not a test. Measures the build (time, peak memory, growth with 4x the
 * content), page weight per page type against budgets, Lighthouse scores (mobile, default throttling),
 * search (index size, time to first results) and the cost of the widgets' core computations, one file
 * per measurement in this folder. Writes bench-results/latest.json and bench-results/latest.md.
 * Needs Chromium (CHROME_PATH or /usr/bin/chromium). Takes a few minutes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromePath } from '../chrome.ts';
import { serve } from '../serve.ts';
import { buildIn, dirBytes, makeFourfoldCopy } from './build.ts';
import { BUDGET, ORIGIN, PORT } from './config.ts';
import { coreTimings } from './cores.ts';
import { llmCoreTimings } from './llm-cores.ts';
import { lighthouseScores, lighthouseWidgetPages } from './lighthouse.ts';
import { kb, markdown, type Report } from './report.ts';
import { searchTimings } from './search.ts';
import { pageWeights, widgetPages } from './weights.ts';
import { widgetLatencies } from './widget-latency.ts';

const work = mkdtempSync(join(tmpdir(), 'guide-bench-'));
if (!chromePath) throw new Error('npm run bench needs Chromium: install it or set CHROME_PATH');
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
const widgetPageResults = await lighthouseWidgetPages(widgetPages(dist));
console.log('Timing every widget from input to output...');
const widgets = await widgetLatencies(dist, ORIGIN);
server.close();
console.log('Timing widget cores...');
const cores = coreTimings();
const llmCores = await llmCoreTimings();

const js = (name: string) => weights[name].js.gzip;
const ownJs = (name: string) => (ownScripts[name] ?? []).reduce((sum, s) => sum + s.gzip, 0);
const budgets = [
  {
    name: `text chapters ship no JavaScript beyond Starlight's own, except reading progress and the search guard (at most ${BUDGET.textChapterOwnJsGzipKB} KB gzip: both are on every page)`,
    value: `${kb(ownJs('text chapter'))} KB of our own: ${(ownScripts['text chapter'] ?? []).map((s) => `${s.name} ${kb(s.gzip)}`).join(', ')}`,
    met: ownJs('text chapter') <= BUDGET.textChapterOwnJsGzipKB * 1024,
  },
  ...Object.keys(weights)
    .filter((name) => name.startsWith('widget page ') && !name.endsWith('(in use)'))
    .map((name) => ({
      name: `${name.slice('widget page '.length)} adds at most ${BUDGET.widgetExtraJsGzipKB} KB gzip of JavaScript`,
      value: `+${kb(js(name) - js('text chapter'))} KB on load, +${kb(js(`${name} (in use)`) - js('text chapter'))} KB once every widget is in use`,
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
  {
    name: `every widget page: Lighthouse total blocking time under ${BUDGET.widgetPageBlockingMs} ms (one run each)`,
    value: `highest ${Math.max(...Object.values(widgetPageResults).map((s) => s['TBT ms']))} ms on ${Object.keys(widgetPageResults).length} pages`,
    met: Object.values(widgetPageResults).every((s) => s['TBT ms'] < BUDGET.widgetPageBlockingMs),
  },
];

// Lighthouse's scores move with the browser's version as well as the CPU.
const browserVersion = /Chromium [\d.]+/.exec(
  execFileSync(chromePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
)?.[0];

const report: Report = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} x ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${browserVersion ?? relative('/', chromePath)}`,
  build: { site: oneX, 'site with 4x content': fourX },
  growth: { timeRatio: fourX.seconds / oneX.seconds, pageRatio: fourX.pages / oneX.pages },
  weights,
  budgets,
  lighthouse: lighthouseResults,
  widgetPages: widgetPageResults,
  search: { indexBytes: dirBytes(join(dist, 'pagefind')), firstResultMs },
  cores,
  widgets,
  llmCores,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', JSON.stringify(report, null, 2) + '\n');
writeFileSync('bench-results/latest.md', markdown(report));
console.log(markdown(report));
