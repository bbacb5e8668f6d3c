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

export async function lighthouseScores() {
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...BROWSER_ARGS] });
  const run = async (path: string, devtools: boolean) =>
    (await lighthouse(
      ORIGIN + path,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      devtools ? { extends: 'lighthouse:default', settings: { throttlingMethod: 'devtools' } } : undefined,
    ))!.lhr;
  const out: Record<string, Record<string, number>> = {};
  try {
    for (const [label, path] of Object.entries(PAGE_TYPES)) {
      const runs: Awaited<ReturnType<typeof run>>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await run(path, false));
      const observed: number[] = [];
      for (let i = 0; i < RUNS; i++)
        observed.push((await run(path, true)).audits['total-blocking-time'].numericValue ?? 0);
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
  } finally {
    chrome.kill();
  }
  return out;
}
