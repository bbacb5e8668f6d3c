/**
 * Build step: after the site (and Starlight's Pagefind index) is written, Workbox's generateSW
 * writes sw.js, a service worker that precaches every page, style, script, font and the search
 * index, so the guide works offline after one visit. URLs in its manifest are relative to sw.js,
 * so the same build works at / and under /<repo>/. Registration and the "new version" notice live
 * in src/components/starlight/Head.astro.
 */
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

export function serviceWorker(): AstroIntegration {
  return {
    name: 'guide:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          ...PRECACHE,
          globDirectory: out,
          swDest: join(out, SERVICE_WORKER),
          // The largest script (mermaid's layout engine) is about 1.5 MB.
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
