/**
 * Build step: after the site (and Starlight's Pagefind index) is written, Workbox's generateSW
 * writes sw.js, a service worker that precaches every page, style, script, font and the search
 * index, so the guide works offline after one visit. URLs in its manifest are relative to sw.js,
 * so the same build works at / and under /<repo>/. Registration and the "new version" notice live
 * in src/components/starlight/Head.astro.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';

export const SERVICE_WORKER = 'sw.js';

/** What a reader needs offline; social cards (og/) are for link previews, never for reading. */
export const PRECACHE = {
  globPatterns: ['**/*.{html,css,js,svg,png,woff2,json,webmanifest}', 'pagefind/**/*'],
  globIgnores: ['og/**', SERVICE_WORKER, 'pagefind/pagefind-component-ui.*', 'pagefind/pagefind-modular-ui.*'],
};

/** The script that draws the rare diagrams the build cannot (src/markdown/client-diagrams.ts). */
const CLIENT_DIAGRAMS = /^client-diagrams\.[\w-]+\.js$/;

/**
 * The scripts in `_astro/` reached only through the client diagram renderer (mermaid and its
 * layout engines, about 5 MB), when no built page has a diagram drawn in the browser: a reader
 * never fetches them, so the worker does not download them either. A chunk that any other script
 * imports is kept.
 */
export function unusedDiagramScripts(out: string, pages: string[]): string[] {
  const dir = join(out, '_astro');
  if (!existsSync(dir)) return [];
  const scripts = readdirSync(dir).filter((file) => file.endsWith('.js'));
  const entry = scripts.find((file) => CLIENT_DIAGRAMS.test(file));
  if (!entry || pages.some((html) => /class="[^"]*\bdiagram-client\b/.test(html))) return [];
  // Static and dynamic imports only: Vite's preload lists name a dynamic import's own imports, which
  // the walk reaches through that import anyway.
  const importsOf = (file: string) =>
    [
      ...readFileSync(join(dir, file), 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]\.\/([\w.-]+\.js)["'`]/g),
    ].map((m) => m[1]);
  const reach = (starts: string[], stop?: string) => {
    const seen = new Set(starts);
    for (const file of seen) for (const next of importsOf(file)) if (next !== stop) seen.add(next);
    return seen;
  };
  const diagramOnly = reach([entry]);
  const elsewhere = reach(
    scripts.filter((file) => !diagramOnly.has(file)),
    entry,
  );
  return [...diagramOnly].filter((file) => !elsewhere.has(file)).map((file) => `_astro/${file}`);
}

/** Every built page's HTML. */
function builtPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

export function serviceWorker(): AstroIntegration {
  return {
    name: 'guide:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          ...PRECACHE,
          globIgnores: [...PRECACHE.globIgnores, ...unusedDiagramScripts(out, builtPages(out))],
          globDirectory: out,
          swDest: join(out, SERVICE_WORKER),
          // The largest script (mermaid's layout engine) is about 1.5 MB, when a page needs it.
          maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
          // Hashed file names change with their content, so they need no revision of their own.
          dontCacheBustURLsMatching: /^_astro\//,
          // Widget state and Pagefind's cache-buster travel in the query; the file is the same.
          ignoreURLParametersMatching: [/.*/],
          cleanupOutdatedCaches: true,
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: 'production',
          // A new version waits until the reader accepts the "reload" notice (it sends SKIP_WAITING).
          skipWaiting: false,
          // The first worker takes over the page that installed it, so that page's widgets can
          // fetch their code offline too (nothing else changes: the cache holds this very build).
          clientsClaim: true,
        });
        for (const warning of warnings) logger.warn(warning);
        logger.info(`${SERVICE_WORKER} precaches ${count} files (${(size / 1024 / 1024).toFixed(1)} MB)`);
      },
    },
  };
}
