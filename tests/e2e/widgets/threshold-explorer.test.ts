// The threshold explorer in Chromium: inputs change the numbers, bad input shows a message,
// and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { classificationMetrics } from '../../../src/lib/metrics/classification.ts';
import { confusionAtThreshold } from '../../../src/lib/metrics/confusion.ts';
import { syntheticScores } from '../../../src/lib/datasets/binary.ts';

const PAGE = '/lifecycle/problem-setup/';
const TAG = 'threshold-explorer';
// The widget's "balanced" dataset, recomputed here to know the exact expected numbers.
const balanced = syntheticScores({ n: 1000, positiveRate: 0.5, separation: 2.5, seed: 11 });
const expectedAt = (t: number) => classificationMetrics(confusionAtThreshold(balanced.yTrue, balanced.scores, t));

describeInBrowser('threshold explorer', ({ browser, url }) => {
  it('renders its first state at build time, then recomputes when the threshold moves', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Precision')).toBe(expectedAt(0.5).precision.toFixed(3));
    await setField(widget, 't', '0.8');
    await expect.poll(() => readout(widget, 'Precision')).toBe(expectedAt(0.8).precision.toFixed(3));
    expect(await readout(widget, 'Recall (TPR)')).toBe(expectedAt(0.8).recall.toFixed(3));
    expect(expectedAt(0.8).precision).toBeGreaterThan(expectedAt(0.5).precision);
    expect(page.url()).toContain('te.t=0.8');
    // The slider moves with the number box.
    expect(await widget.locator('input[type=range][name="t"]').inputValue()).toBe('0.8');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const before = await readout(widget, 'Precision');
    // A number box holds no letters: typing "abc" leaves it empty, which is what the widget sees.
    await setField(widget, 't', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="t"]').first().textContent())
      .toBe('Threshold must be a number.');
    expect(await widget.locator('input[type=number][name="t"]').getAttribute('aria-invalid')).not.toBeNull();
    expect(await readout(widget, 'Precision')).toBe(before);
    await setField(widget, 't', '-0.5');
    await expect
      .poll(() => widget.locator('[data-problem-for="t"]').first().textContent())
      .toBe('Threshold must be between 0 and 1.');

    await setField(widget, 'data', 'custom');
    await setField(widget, 'csv', '0.9,1\n0.4,yes');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 2: the label must be 0 or 1, not "yes".');
    await setField(widget, 'csv', '0.9,1\n0.8,1');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Your data needs at least one row labelled 1 and one labelled 0: curves compare the two classes.');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and copies it', async () => {
    const shared = `${url(PAGE)}?te.data=fraud&te.t=0.3&te.costFn=50`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('select[name="data"]').inputValue()).toBe('fraud');
    expect(await widget.locator('input[type=number][name="t"]').inputValue()).toBe('0.3');
    const fraud = syntheticScores({ n: 5000, positiveRate: 0.01, separation: 3, seed: 23 });
    const m = classificationMetrics(confusionAtThreshold(fraud.yTrue, fraud.scores, 0.3));
    expect(await readout(widget, 'Precision')).toBe(m.precision.toFixed(3));
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });

  it('warns about a malformed link and falls back to defaults', async () => {
    const { widget, close } = await openWidget(browser(), `${url(PAGE)}?te.t=oops&te.data=nope`, TAG);
    const notice = await widget.locator('[data-notice]').textContent();
    expect(notice).toContain('Threshold must be a number.');
    expect(notice).toContain('Dataset must be one of');
    expect(await readout(widget, 'Precision')).toBe(expectedAt(0.5).precision.toFixed(3));
    await close();
  });
});
