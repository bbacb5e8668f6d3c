/**
 * `npm test`: every check the project enforces, in order, stopping at the first failure.
 *   1. types (astro check), formatting (Prettier), lint (ESLint, no warnings)
 *   2. unit tests (vitest): pure logic, the Markdown pipeline, content integrity
 *   3. production builds at the domain root and under a non-root base path, each with the
 *      built-site link and anchor check
 *   4. browser tests (Chromium) against that build, served locally under the base
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const E2E_BASE = '/ml-guide/';
const results = new Map<string, { passed: number; failed: number; skipped: number }>();

function run(title: string, command: string, env: Record<string, string> = {}) {
  console.log(`\n=== ${title}\n$ ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n✗ ${title} failed after ${seconds}s`);
    summary();
    process.exit(1);
  }
  console.log(`✓ ${title} (${seconds}s)`);
}

/** Runs a vitest config and records its counts from the JSON report. */
function vitest(title: string, config: string) {
  const report = `test-results/${title.replace(/\W+/g, '-')}.json`;
  rmSync(report, { force: true });
  run(title, `vitest run --config ${config} --reporter=default --reporter=json --outputFile.json=${report}`);
  const json = JSON.parse(readFileSync(report, 'utf8'));
  results.set(title, {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
  });
}

function summary() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const [title, r] of results) {
    console.log(`  ${title}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
}

run('types', 'astro check');
run('formatting', 'prettier --check .');
run('lint', 'eslint --max-warnings=0 .');
vitest('unit tests', 'tests/vitest.config.ts');
run('content check (every chapter compiled, every diagram parsed)', 'node scripts/check-content.ts');
run('build at the domain root with link check', 'astro build', {
  BASE_PATH: '/',
  OUT_DIR: join(tmpdir(), 'guide-root-build'),
  CACHE_DIR: join(tmpdir(), 'guide-root-cache'),
});
run(`build under ${E2E_BASE} with link check`, 'astro build', {
  BASE_PATH: E2E_BASE,
  SITE_URL: 'https://example.github.io',
});
vitest('browser tests', 'tests/e2e/vitest.config.ts');
console.log('\nAll checks passed.');
summary();
