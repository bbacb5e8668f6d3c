import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Browser tests: the built site (dist/, built for E2E_BASE) served locally, driven in Chromium.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    // One timeout for every expect.poll: a busy 2-core machine can take seconds to answer an input.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
    // Most of a browser test is waiting on Chromium, so three files run side by side on two cores
    // (vitest starts the files that took longest last time first: the crawl).
    maxWorkers: 3,
    // A worker runs its files one after another in one process, so they share one browser
    // (browser.ts): about 2 CPU-seconds less per file than a new process and a new browser each.
    isolate: false,
  },
});
