// The funnel-cost calculator in Chromium: editing stages and N changes the numbers, bad input shows
// a message, and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { funnelCost } from '../../../src/lib/systems/funnel.ts';
import { parseStages } from '../../../src/widgets/funnel-cost/view.ts';

const PAGE = '/lifecycle/funnel/';
const TAG = 'funnel-cost';
const CHAPTER =
  'ANN retrieval,2000,5e-7,0\nfeature fetch,2000,0,10\nlight scorer (trees),300,0.002,0\nheavy ranker (GPU),20,0.04,2';
const SMALL = 'embedding retrieval,200,0.001,3\nranker,20,0.005,0';

describeInBrowser('funnel-cost calculator', ({ browser, url }) => {
  it('renders the chapter example at build time, then recomputes when the stages change', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Compute per request')).toBe('21.0 ms');
    expect(await readout(widget, 'Latency per request')).toBe('33.0 ms');
    expect(await readout(widget, 'Savings factor')).toBe('19,048×');
    const wider = CHAPTER.replace('light scorer (trees),300', 'light scorer (trees),1000');
    await setField(widget, 'stages', wider);
    const cost = funnelCost({ candidates: 10_000_000, stages: parseStages(wider) });
    await expect.poll(() => readout(widget, 'Compute per request')).toBe(`${cost.totalComputeMs.toFixed(1)} ms`);
    expect(await readout(widget, 'Compute per request')).toBe('49.0 ms');
    expect(await readout(widget, 'Busy cores at 2,000/s')).toBe('98');
    expect(page.url()).toContain('fu.stages=');
    await setField(widget, 'qps', '500');
    await expect.poll(() => readout(widget, 'Busy cores at 500/s')).toBe('25');
    // The other widget on the page (NDCG) is untouched.
    expect(await page.locator('ndcg-calculator .widget-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const before = await readout(widget, 'Compute per request');
    await setField(widget, 'n', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="n"]').first().textContent())
      .toBe('Candidates entering the funnel (N) must be a number.');
    expect(await readout(widget, 'Compute per request')).toBe(before);
    await setField(widget, 'n', '1000');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe(
        'Funnel cost: stage 1 (ANN retrieval) keeps 2000 items but only scores 1000; keep must not exceed the items coming in.',
      );
    await setField(widget, 'n', '10000000');
    await setField(widget, 'stages', 'retrieval,2000,1e-6\nranker,many,0.04');
    await expect.poll(() => widget.locator('.widget-error').textContent()).toBe('Line 2: keep "many" is not a number.');
    await setField(widget, 'stages', '');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Paste at least one row of name,keep,costPerItemMs.');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly', async () => {
    const shared = `${url(PAGE)}?fu.stages=${encodeURIComponent(SMALL)}&fu.n=2000&fu.qps=500`;
    const { widget, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('textarea[name="stages"]').inputValue()).toBe(SMALL);
    expect(await widget.locator('input[type=number][name="n"]').inputValue()).toBe('2000');
    expect(await readout(widget, 'Savings factor')).toBe('3.3×');
    expect(await readout(widget, 'Brute-force compute')).toBe('10.0 ms');
    expect(await widget.locator('.widget-verdict').textContent()).toContain('The funnel is not worth it here.');
    await close();
  });
});
