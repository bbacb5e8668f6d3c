/** Builds for the bench: one build in a child process (time and peak memory), and a 4x content copy. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORIGIN } from './config.ts';

/** Builds the project at `root` into `outDir` in a child process: wall time, peak memory, pages. */
export function buildIn(root: string, outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  const cache = `${outDir}-cache`;
  rmSync(cache, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [join(process.cwd(), 'scripts/bench/build-worker.ts')], {
    cwd: root,
    env: { ...process.env, OUT_DIR: outDir, CACHE_DIR: cache, BASE_PATH: '/', SITE_URL: ORIGIN },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed in ${root}:\n${result.stderr}\n${result.stdout}`);
  const line = result.stdout.trim().split('\n').pop()!;
  const pages = filesUnder(outDir).filter((f) => f.endsWith('.html')).length;
  return { ...(JSON.parse(line) as { seconds: number; peakMB: number }), pages };
}

/** Every file below `dir`, as full paths. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((full) => statSync(full).isFile());
}

export const dirBytes = (dir: string) => filesUnder(dir).reduce((sum, file) => sum + statSync(file).size, 0);

/**
 * A copy of the project with every chapter present four times (links still point at the originals).
 * It lives inside the project so it resolves packages from the real node_modules: a symlinked
 * node_modules confuses Vite's path handling.
 */
export function makeFourfoldCopy(): string {
  const root = join(process.cwd(), 'bench-results/tmp/fourfold');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync('.')) {
    if (['node_modules', 'dist', '.git', 'bench-results', 'test-results'].includes(name)) continue;
    cpSync(name, join(root, name), { recursive: true });
  }
  const chapters = filesUnder(join(root, 'content/docs')).filter(
    (f) => f.endsWith('.mdx') && !/\/(index|404)\.mdx$/.test(f),
  );
  for (const file of chapters) {
    for (const copy of [2, 3, 4]) {
      const text = readFileSync(file, 'utf8').replace(/^title: (.*)$/m, `title: $1 (copy ${copy})`);
      writeFileSync(file.replace(/\.mdx$/, `-copy-${copy}.mdx`), text);
    }
  }
  return root;
}
