import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Content integration tests: every chapter compiled and checked, worked answers and the formulas
// page against their rules. A step of its own in npm test, beside the unit tests.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: { alias: { '~': fileURLToPath(new URL('../../src', import.meta.url)) } },
  test: {
    include: ['tests/content/**/*.test.ts'],
    testTimeout: 300_000,
  },
});
