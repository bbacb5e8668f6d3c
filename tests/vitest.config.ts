import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests (pure logic and the Markdown pipeline). Browser tests have their own config.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: { alias: { '~': fileURLToPath(new URL('../src', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
});
