/** Lighthouse scores (mobile, default throttling) for each page type. */
import lighthouse from 'lighthouse';
import { chromePath } from '../chrome.ts';
import { BROWSER_ARGS, ORIGIN, PAGE_TYPES } from './config.ts';

export async function lighthouseScores() {
  const { launch } = await import('chrome-launcher');
  const chrome = await launch({ chromePath, chromeFlags: ['--headless=new', ...BROWSER_ARGS] });
  const out: Record<string, Record<string, number>> = {};
  try {
    for (const [label, path] of Object.entries(PAGE_TYPES)) {
      const result = await lighthouse(ORIGIN + path, { port: chrome.port, output: 'json', logLevel: 'error' });
      const lhr = result!.lhr;
      out[label] = {
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
        'best-practices': Math.round((lhr.categories['best-practices'].score ?? 0) * 100),
        seo: Math.round((lhr.categories.seo.score ?? 0) * 100),
        'LCP ms': Math.round(lhr.audits['largest-contentful-paint'].numericValue ?? 0),
        'TBT ms': Math.round(lhr.audits['total-blocking-time'].numericValue ?? 0),
        CLS: Math.round((lhr.audits['cumulative-layout-shift'].numericValue ?? 0) * 1000) / 1000,
      };
    }
  } finally {
    chrome.kill();
  }
  return out;
}
