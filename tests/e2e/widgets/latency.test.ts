// The latency-percentile widget in Chromium: inputs change the percentiles, the inputs shown follow
// the source, bad pasted data shows a message, and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { latencySummary } from '../../../src/lib/systems/latency.ts';
import {
  bimodalLatencies,
  fanOutSlowShare,
  logNormalLatencies,
  shareAbove,
} from '../../../src/lib/systems/latency-samples.ts';

const PAGE = '/monitoring/what-to-monitor/';
const TAG = 'latency-percentiles';
const ms = (v: number) => (v >= 1000 ? `${Math.round(v).toLocaleString('en-US')} ms` : `${v.toFixed(1)} ms`);

describeInBrowser('latency percentiles', ({ browser, url }) => {
  it('renders its first state at build time, then recomputes when the tail weight moves', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    const first = latencySummary(logNormalLatencies({ n: 10_000, medianMs: 40, sigma: 0.8, seed: 1 }));
    expect(await readout(widget, 'p99')).toBe(ms(first.p99));
    expect(await readout(widget, 'Mean')).toBe(ms(first.mean));
    await setField(widget, 'sigma', '1.2');
    const heavier = latencySummary(logNormalLatencies({ n: 10_000, medianMs: 40, sigma: 1.2, seed: 1 }));
    await expect.poll(() => readout(widget, 'p99')).toBe(ms(heavier.p99));
    expect(await readout(widget, 'Mean')).toBe(ms(heavier.mean));
    expect(page.url()).toContain('lp.sigma=1.2');
    expect(await widget.locator('input[type=range][name="sigma"]').inputValue()).toBe('1.2');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows only the inputs of the chosen source', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    expect(await widget.locator('textarea[name="data"]').isVisible()).toBe(false);
    expect(await widget.locator('input[type=number][name="median"]').isVisible()).toBe(true);
    await setField(widget, 'source', 'bimodal');
    await expect.poll(() => widget.locator('input[type=number][name="miss"]').isVisible()).toBe(true);
    expect(await widget.locator('input[type=number][name="median"]').isVisible()).toBe(false);
    const values = bimodalLatencies({ n: 10_000, hitMs: 40, missMs: 1500, missShare: 0.02, seed: 1 });
    await expect.poll(() => readout(widget, 'p99')).toBe(ms(latencySummary(values).p99));
    await setField(widget, 'source', 'pasted');
    await expect.poll(() => widget.locator('textarea[name="data"]').isVisible()).toBe(true);
    expect(await widget.locator('input[type=number][name="n"]').isVisible()).toBe(false);
    await setField(widget, 'data', '12, 15, 11, 80, 14');
    await expect.poll(() => readout(widget, 'p95')).toBe('67.0 ms');
    expect(await readout(widget, 'p99')).toBe('77.4 ms');
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'slo', '0');
    await expect
      .poll(() => widget.locator('[data-problem-for="slo"]').first().textContent())
      .toBe('Latency SLO (ms) must be between 5 and 100000.');
    await setField(widget, 'source', 'pasted');
    await setField(widget, 'data', '12\nfast\n14');
    await expect.poll(() => widget.locator('.widget-error').textContent()).toBe('Value 2 ("fast") is not a number.');
    await setField(widget, 'data', '12,-3');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Value 2 is -3 ms; a latency cannot be negative.');
    await setField(widget, 'data', '');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Paste at least one latency in milliseconds.');
    await setField(widget, 'source', 'uniform');
    await setField(widget, 'min', '90');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe(
        'The slowest request (80.0 ms) is faster than the fastest (90.0 ms); make the slowest at least the fastest.',
      );
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly', async () => {
    const shared = `${url(PAGE)}?lp.source=bimodal&lp.fanOut=30&lp.slo=100`;
    const { widget, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('select[name="source"]').inputValue()).toBe('bimodal');
    const values = bimodalLatencies({ n: 10_000, hitMs: 40, missMs: 1500, missShare: 0.02, seed: 1 });
    const slow = shareAbove(values, 100);
    expect(await readout(widget, 'Pages slower (fan-out 30)')).toBe(`${(fanOutSlowShare(slow, 30) * 100).toFixed(1)}%`);
    expect(await readout(widget, 'Slower than SLO')).toBe(`${(slow * 100).toFixed(2)}%`);
    expect(await widget.locator('input[type=number][name="hit"]').isVisible()).toBe(true);
    await close();
  });
});
