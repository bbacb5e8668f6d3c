/** Page weight per page type and per widget page, split into our own scripts and everyone else's. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromePath } from '../chrome.ts';
import { filesUnder } from './build.ts';
import { BROWSER_ARGS, ORIGIN, PAGE_TYPES } from './config.ts';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'other';
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

export async function pageWeights(dist: string) {
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
    const add = (address: string) => {
      const url = new URL(address);
      if (url.origin === ORIGIN) files.add(url.pathname);
    };
    page.on('requestfinished', (req) => add(req.url()));
    // A worker's script is fetched by the worker, not the page, so the page's requests miss it;
    // Vite bundles each worker into one file.
    page.on('worker', (worker) => add(worker.url()));
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
  for (const path of widgetPages(dist)) {
    await measure(`widget page ${path}`, path);
    // A widget fetches its view and maths when the reader reaches for it: weigh that too.
    await measure(`widget page ${path} (in use)`, path, async (page) => {
      for (const widget of await page.locator('section.widget').all()) {
        await widget.hover();
        // The page is idle already, so waiting for network idle would not wait for what the hover
        // started: wait until the widget says its code (and worker) is ready.
        await widget.evaluate(async (section) => {
          let host = section.parentElement;
          while (host && !host.localName.includes('-')) host = host.parentElement;
          if (!host) return;
          await customElements.whenDefined(host.localName);
          await (host as unknown as { ready(warmUp: boolean): Promise<unknown> }).ready(true);
        });
      }
      await page.waitForLoadState('networkidle');
    });
  }
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
  // Stands in for Starlight's table of contents module (827 bytes gzip against its 963; see
  // astro.config.mjs): the page ships it instead of Starlight's, so it counts as Starlight's.
  names.delete('toc');
  return names;
}

/**
 * "src/study/progress/MarkRead.astro" and "/_astro/MarkRead.astro_astro_type_script_index_0_lang.H4.js"
 * -> "MarkRead"; a bundled widget worker, "/_astro/worker-B57mHfPZ.js", -> "worker".
 */
const moduleName = (path: string) =>
  path
    .split('/')
    .pop()!
    .split('.')[0]
    .replace(/^worker-[\w-]+$/, 'worker');

/** Every page that embeds a widget, as a URL path ("/lifecycle/evaluation/"). */
export function widgetPages(dist: string): string[] {
  return filesUnder(dist)
    .filter((f) => f.endsWith('/index.html') && readFileSync(f, 'utf8').includes('class="widget not-content"'))
    .map((f) => `/${relative(dist, f).replace(/index\.html$/, '')}`)
    .sort();
}
