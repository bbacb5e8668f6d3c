import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_WORKER, serviceWorker, unusedDiagramScripts } from '../../src/integrations/service-worker.ts';

describe('the service worker build step', () => {
  const dist = mkdtempSync(join(tmpdir(), 'sw-test-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const files = [
    'index.html',
    'lifecycle/evaluation/index.html',
    '_astro/page.abc123.js',
    '_astro/katex.abc123.css',
    '_astro/KaTeX_Main.abc123.woff2',
    '_astro/KaTeX_Main.abc123.ttf',
    'pagefind/pagefind.js',
    'pagefind/index/en_1.pf_index',
    'pagefind/pagefind-component-ui.js',
    'og/lifecycle/evaluation.png',
    'manifest.webmanifest',
    'icons/icon-192.png',
  ];
  for (const file of files) {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), file);
  }

  it('precaches pages, code, fonts and the search index by URLs relative to itself', async () => {
    const logs: string[] = [];
    const hook = serviceWorker().hooks['astro:build:done'] as (options: unknown) => Promise<void>;
    await hook({ dir: pathToFileURL(`${dist}/`), logger: { info: (m: string) => logs.push(m), warn: () => {} } });
    const worker = readFileSync(join(dist, SERVICE_WORKER), 'utf8');
    const urls = [...worker.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]).sort();
    // Relative URLs resolve against sw.js, so one build works at / and under /<repo>/.
    expect(urls).toEqual([
      '_astro/KaTeX_Main.abc123.woff2',
      '_astro/katex.abc123.css',
      '_astro/page.abc123.js',
      'icons/icon-192.png',
      'index.html',
      'lifecycle/evaluation/index.html',
      'manifest.webmanifest',
      'pagefind/index/en_1.pf_index',
      'pagefind/pagefind.js',
    ]);
    expect(logs).toEqual(['sw.js precaches 9 files (0.0 MB)']);
    // A waiting worker activates when the page's "Reload" button asks.
    expect(worker).toContain('SKIP_WAITING');
  }, 60_000); // Workbox bundles the worker with Rollup: seconds, not milliseconds

  it('leaves out the client diagram renderer when no page draws a diagram in the browser, but not a chunk shared with other code', () => {
    const site = mkdtempSync(join(tmpdir(), 'sw-diagrams-'));
    const scripts: Record<string, string> = {
      'page.a1.js': 'import{x}from"./shared.b2.js";const d=()=>import("./client-diagrams.c3.js");',
      'shared.b2.js': 'export const x=1;',
      'client-diagrams.c3.js': 'import"./mermaid.d4.js";import{x}from"./shared.b2.js";',
      'mermaid.d4.js': 'const f=()=>import(`./flowchart.e5.js`);',
      'flowchart.e5.js': 'import{x}from"./shared.b2.js";',
    };
    mkdirSync(join(site, '_astro'));
    for (const [name, text] of Object.entries(scripts)) writeFileSync(join(site, '_astro', name), text);
    const withoutClientDiagram = '<figure class="diagram"><svg></svg></figure>';
    expect(unusedDiagramScripts(site, [withoutClientDiagram]).sort()).toEqual([
      '_astro/client-diagrams.c3.js',
      '_astro/flowchart.e5.js',
      '_astro/mermaid.d4.js',
    ]);
    // One page with a diagram drawn in the browser needs all of it.
    expect(unusedDiagramScripts(site, [withoutClientDiagram, '<figure class="diagram diagram-client">'])).toEqual([]);
    rmSync(site, { recursive: true, force: true });
  });
});
