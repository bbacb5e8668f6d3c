/**
 * `npm test`: every check the project enforces, in three stages; a stage runs its independent
 * steps side by side, and the run stops after the first stage with a failure.
 *   1. types (astro check), formatting (Prettier), lint (ESLint, no warnings), unit tests (vitest)
 *      and the content tests (every chapter compiled, every formula and diagram checked)
 *   2. production builds at the domain root and under a non-root base path, each with the
 *      built-site link and anchor check
 *   3. browser tests (Chromium) against the second build, served locally under the base
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const E2E_BASE = '/ml-guide/';
const results = new Map<string, { passed: number; failed: number; skipped: number }>();
const scratch = mkdtempSync(join(tmpdir(), 'guide-test-'));
const started = Date.now();

interface Step {
  title: string;
  command: string;
  env?: Record<string, string>;
  /** A vitest JSON report to read the counts from. */
  report?: string;
}

/** Runs one step, its output prefixed when it shares the terminal; resolves to its exit code. */
function run({ title, command, env = {} }: Step, shared: boolean): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, env: { ...process.env, ...env, FORCE_COLOR: '0' } });
    const tag = shared ? `[${title}] ` : '';
    const forward = (chunk: Buffer, out: NodeJS.WriteStream) => {
      const text = chunk.toString();
      out.write(shared ? text.replace(/^(?=.)/gm, tag) : text);
    };
    child.stdout.on('data', (chunk: Buffer) => forward(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => forward(chunk, process.stderr));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** A vitest step that records its counts from a JSON report. */
function vitest(title: string, config: string): Step {
  const report = join(scratch, `${title.replace(/\W+/g, '-')}.json`);
  return {
    title,
    command: `vitest run --config ${config} --reporter=default --reporter=json --outputFile.json=${report}`,
    report,
  };
}

async function stage(steps: Step[]) {
  console.log(`\n=== ${steps.map((s) => s.title).join(' | ')}`);
  const stageStart = Date.now();
  const codes = await Promise.all(
    steps.map(async (step) => {
      const stepStart = Date.now();
      const code = await run(step, steps.length > 1);
      const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
      console.log(`${code === 0 ? '✓' : '✗'} ${step.title} (${seconds}s)`);
      if (step.report) {
        try {
          const json = JSON.parse(readFileSync(step.report, 'utf8'));
          results.set(step.title, {
            passed: json.numPassedTests,
            failed: json.numFailedTests,
            skipped: json.numPendingTests + json.numTodoTests,
          });
        } catch {
          // no report: the step failed before testing anything, and its exit code says so
        }
      }
      return code;
    }),
  );
  console.log(`  stage took ${((Date.now() - stageStart) / 1000).toFixed(1)}s`);
  if (codes.some((code) => code !== 0)) finish(1);
}

function finish(code: number): never {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const [title, r] of results) {
    console.log(`  ${title}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
    passed += r.passed;
    failed += r.failed;
    skipped += r.skipped;
  }
  console.log(`\nnpm test took ${((Date.now() - started) / 60_000).toFixed(1)} minutes.`);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}

await stage([
  { title: 'types', command: 'astro check' },
  { title: 'formatting', command: 'prettier --check .' },
  { title: 'lint', command: 'eslint --max-warnings=0 .' },
  vitest('unit tests', 'tests/vitest.config.ts'),
  vitest('content tests', 'tests/content/vitest.config.ts'),
]);
await stage([
  {
    title: 'build at the domain root',
    command: 'astro build',
    env: { BASE_PATH: '/', OUT_DIR: join(scratch, 'root-build'), CACHE_DIR: join(scratch, 'root-cache') },
  },
  {
    title: `build under ${E2E_BASE}`,
    command: 'astro build',
    env: { BASE_PATH: E2E_BASE, SITE_URL: 'https://example.github.io' },
  },
]);
await stage([vitest('browser tests', 'tests/e2e/vitest.config.ts')]);
console.log('\nAll checks passed.');
finish(0);
