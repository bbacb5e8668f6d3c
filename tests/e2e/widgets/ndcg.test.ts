// The NDCG calculator in Chromium: inputs change the numbers, bad input shows a message,
// and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { dcg, ndcg } from '../../../src/lib/metrics/ranking.ts';
import { precisionAtK } from '../../../src/lib/metrics/retrieval.ts';

const PAGE = '/lifecycle/evaluation/';
const TAG = 'ndcg-calculator';
// The chapter's worked example, as the widget's default (relevance in score order).
const REL = [3, 2, 0, 3, 1, 2];
const SCORES = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5];

describeInBrowser('NDCG calculator', ({ browser, url }) => {
  it('renders its first state at build time, then recomputes when the list, k and the gain change', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'NDCG@5')).toBe(ndcg(REL, SCORES, 5).toFixed(3));
    expect(await readout(widget, 'NDCG@5')).toBe('0.832');
    // Item D (relevance 3) moves above item C: the chapter's swap.
    await setField(widget, 'items', '3,0.95,A\n2,0.90,B\n0,0.80,C\n3,0.85,D\n1,0.60,E\n2,0.50,F');
    await expect.poll(() => readout(widget, 'NDCG@5')).toBe('0.861');
    await setField(widget, 'k', '3');
    const swapped = [3, 2, 0, 3, 1, 2];
    const swappedScores = [0.95, 0.9, 0.8, 0.85, 0.6, 0.5];
    await expect.poll(() => readout(widget, 'NDCG@3')).toBe(ndcg(swapped, swappedScores, 3).toFixed(3));
    expect(await readout(widget, 'Ideal DCG@3')).toBe(dcg(swapped, swapped, 3).toFixed(3));
    expect(await readout(widget, 'P@3')).toBe(precisionAtK([1, 1, 1, 0, 1, 1], 3).toFixed(3));
    await setField(widget, 'gain', 'exponential');
    await expect
      .poll(() => readout(widget, 'NDCG@3'))
      .toBe(ndcg(swapped, swappedScores, 3, { gain: 'exponential' }).toFixed(3));
    // The table marks the cut-off after rank 3.
    expect(await widget.locator('tr.nd-cut th').textContent()).toBe('4');
    expect(await widget.locator('input[type=range][name="k"]').inputValue()).toBe('3');
    expect(page.url()).toContain('nd.k=3');
    expect(page.url()).toContain('nd.gain=exponential');
    await widget.getByRole('button', { name: 'Best item at position 5' }).click();
    await expect.poll(() => readout(widget, 'NDCG@5')).toBe('0.609');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const before = await readout(widget, 'NDCG@5');
    await setField(widget, 'k', '25');
    await expect
      .poll(() => widget.locator('[data-problem-for="k"]').first().textContent())
      .toBe('Cut-off k must be between 1 and 20.');
    await setField(widget, 'k', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="k"]').first().textContent())
      .toBe('Cut-off k must be a number.');
    expect(await readout(widget, 'NDCG@5')).toBe(before);
    await setField(widget, 'k', '5');

    await setField(widget, 'items', '3,0.9\nhigh,0.5');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 2: the relevance "high" is not a number.');
    await setField(widget, 'items', '3,0.9\n-1,0.5');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 2: the relevance is -1; grades must be 0 or more (NDCG needs relevance >= 0).');
    await setField(widget, 'items', '0,0.9\n0,0.5');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toContain('Recall@k is undefined: the list has no relevant items. NDCG@5 is undefined');
    await setField(widget, 'items', '');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Paste at least one row of relevance,score.');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly: the scikit-learn example with k beyond the list', async () => {
    const items = '10,0.1\n0,0.2\n0,0.3\n1,4\n5,70';
    const shared = `${url(PAGE)}?nd.items=${encodeURIComponent(items)}&nd.k=20`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('textarea[name="items"]').inputValue()).toBe(items);
    // sklearn.metrics.ndcg_score / dcg_score docstrings: 0.6956940443813076 and 9.49945...
    expect(await readout(widget, 'NDCG@20')).toBe('0.696');
    expect(await readout(widget, 'DCG@20')).toBe('9.499');
    expect(await widgetText(widget)).toContain('k = 20 is more than the 5 items in the list');
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });

  it('also works on the funnel page', async () => {
    const { widget, errors, close } = await openWidget(browser(), url('/lifecycle/funnel/'), TAG);
    expect(await readout(widget, 'NDCG@5')).toBe('0.832');
    await widget.getByRole('button', { name: 'Best item at position 5' }).click();
    await setField(widget, 'k', '3');
    await expect.poll(() => widgetText(widget)).toContain('below the cut-off, so it adds nothing to DCG@3');
    expect(errors).toEqual([]);
    await close();
  });
});
