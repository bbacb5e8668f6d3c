/**
 * Lighthouse scores (mobile) for each page type: the median of three runs with the default
 * (simulated) throttling, whose total blocking time on a long chapter varied from 118 to 542 ms
 * between three runs of one build on this machine, and the median total blocking time of three
 * runs with the CPU really slowed 4x (devtools throttling), which varies much less (1,608 and
 * 1,781 ms on that chapter, the same build).
 */
import lighthouse from 'lighthouse';
import { chromePath } from '../chrome.ts';
import { BROWSER_ARGS, ORIGIN, PAGE_TYPES } from './config.ts';

const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;

type Run = (path: string, devtools: boolean) => Promise<Result>;
type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

async function withLighthouse<T>(use: (run: Run) => Promise<T>): Promise<T> {
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...BROWSER_ARGS] });
  const run: Run = async (path, devtools) =>
    (await lighthouse(
      ORIGIN + path,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      devtools ? { extends: 'lighthouse:default', settings: { throttlingMethod: 'devtools' } } : undefined,
    ))!.lhr;
  try {
    return await use(run);
  } finally {
    chrome.kill();
  }
}

const blockingTime = (lhr: Result) => lhr.audits['total-blocking-time']?.numericValue ?? 0;

export function lighthouseScores() {
  return withLighthouse(async (run) => {
    const out: Record<string, Record<string, number>> = {};
    for (const [label, path] of Object.entries(PAGE_TYPES)) {
      const runs: Result[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await run(path, false));
      const observed: number[] = [];
      for (let i = 0; i < RUNS; i++) observed.push(blockingTime(await run(path, true)));
      const score = (id: string) => median(runs.map((lhr) => Math.round((lhr.categories[id]?.score ?? 0) * 100)));
      const audit = (id: string) => median(runs.map((lhr) => lhr.audits[id]?.numericValue ?? 0));
      out[label] = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        'LCP ms': Math.round(audit('largest-contentful-paint')),
        'TBT ms': Math.round(audit('total-blocking-time')),
        CLS: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
        'TBT 4x ms': Math.round(median(observed)),
      };
    }
    return out;
  });
}

/**
 * Every widget page, one run each with the default throttling and one with the CPU slowed 4x:
 * the total blocking time target (under 100 ms) is for every widget page, not only the two above.
 */
export function lighthouseWidgetPages(paths: string[]) {
  return withLighthouse(async (run) => {
    const out: Record<string, Record<string, number>> = {};
    for (const path of paths) {
      const lhr = await run(path, false);
      out[path] = {
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        'TBT ms': Math.round(blockingTime(lhr)),
        'TBT 4x ms': Math.round(blockingTime(await run(path, true))),
      };
    }
    return out;
  });
}
