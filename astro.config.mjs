// Site wiring only: behaviour lives in src/markdown and src/integrations.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './src/markdown/pipeline.ts';
import { checkLinks } from './src/integrations/check-links.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { normalizeBase } from './src/site/paths.ts';
import { sidebar } from './src/config/sidebar.ts';

const base = normalizeBase(process.env.BASE_PATH);
const READING_PROGRESS = [
  '/src/site/paths.ts',
  '/src/client/store.ts',
  '/src/study/progress/read-state.ts',
  '/src/study/progress/store.ts',
];
const site = process.env.SITE_URL || 'http://localhost:4321';
const repoUrl = process.env.REPO_URL;

export default defineConfig({
  site,
  base,
  // Separate output and cache folders let tests and benchmarks build side by side.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  vite: {
    resolve: {
      alias: [
        // Starlight's table of contents element, replaced by one that starts without scanning the
        // whole page (see the file). If Starlight moves it, this stops matching and its own is used.
        {
          find: /^.*\/components-internals\/TableOfContents\/starlight-toc(\.[jt]s)?$/,
          replacement: fileURLToPath(new URL('./src/components/starlight/toc.ts', import.meta.url)),
        },
      ],
    },
    build: {
      rollupOptions: {
        output: {
          // Reading progress runs on every page (the footer's script): its modules travel as one
          // chunk instead of four, which keeps a text chapter's own JavaScript under 3 KB gzip.
          manualChunks: (id) => (READING_PROGRESS.some((path) => id.includes(path)) ? 'store' : undefined),
        },
      },
    },
  },
  markdown: {
    processor: unified({ remarkPlugins: remarkPlugins(), rehypePlugins: rehypePlugins(base) }),
  },
  integrations: [
    starlight({
      title: 'ML System Design Guide',
      description:
        'A free, searchable study guide for ML system design and MLOps interviews: chapters, live metric widgets and practice prompts.',
      favicon: '/favicon.svg',
      logo: { src: './src/assets/logo.svg', replacesTitle: false },
      social: repoUrl ? [{ icon: 'github', label: 'Source on GitHub', href: repoUrl }] : [],
      customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
      markdown: { processedDirs: ['./content/docs'] },
      components: {
        MarkdownContent: './src/components/starlight/MarkdownContent.astro',
        Footer: './src/components/starlight/Footer.astro',
        // Guarded against blocked or full storage (Starlight's own throw there).
        ThemeProvider: './src/components/starlight/ThemeProvider.astro',
        ThemeSelect: './src/components/starlight/ThemeSelect.astro',
        // Says so when the index cannot load, instead of spinning forever.
        Search: './src/components/starlight/GuardedSearch.astro',
        // The web app manifest and the service worker's registration.
        Head: './src/components/starlight/Head.astro',
      },
      routeMiddleware: './src/route-data.ts',
      lastUpdated: false,
      pagination: true,
      sidebar,
    }),
    checkLinks(),
    // After Starlight's Pagefind index, which the service worker precaches.
    serviceWorker(),
  ],
});
