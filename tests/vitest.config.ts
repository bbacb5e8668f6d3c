import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests. Browser tests (tests/e2e/) and content tests (tests/content/) have their own configs.
const PIPELINE = ['tests/markdown/**/*.test.ts'];

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: { '~': fileURLToPath(new URL('../src', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'pure',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/content/**', ...PIPELINE],
          // Pure modules with no global state: reusing workers across files saves about 40%.
          isolate: false,
        },
      },
      {
        // Mermaid's parser leaves browser-like globals behind that break Prism in a shared worker.
        extends: true,
        test: { name: 'pipeline', include: PIPELINE },
      },
    ],
  },
});
