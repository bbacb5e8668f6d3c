import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { fileURLToPath } from 'node:url';

/**
 * Vitest starts the files that took longest in its last run first; without a last run (a fresh
 * clone: CI) it goes by file size, which put the crawl, by far the longest to run and the smallest
 * file, last: two to three minutes at the end with the crawl's two page flows alone. It starts first.
 */
class CrawlFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const crawl = (file: TestSpecification) => file.moduleId.includes('/tests/e2e/crawl/');
    return [...sorted.filter(crawl), ...sorted.filter((file) => !crawl(file))];
  }
}

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
    // Most of a browser test is waiting on Chromium, so three files run side by side on two cores.
    maxWorkers: 3,
    sequence: { sequencer: CrawlFirst },
    // A worker runs its files one after another in one process, so they share one browser
    // (browser.ts): about 2 CPU-seconds less per file than a new process and a new browser each.
    isolate: false,
  },
});
