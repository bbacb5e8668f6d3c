// The calibration explorer in Chromium: inputs change the numbers, bad input shows a message,
// and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { syntheticProbabilities } from '../../../src/lib/datasets/probabilities.ts';
import { expectedCalibrationError } from '../../../src/lib/metrics/calibration.ts';
import { brierScore, logLoss } from '../../../src/lib/metrics/probabilistic.ts';

const PAGE = '/lifecycle/evaluation/';
const TAG = 'calibration-explorer';
// The widget's datasets, recomputed here to know the exact expected numbers.
const well = syntheticProbabilities({ n: 2000, temperature: 1, seed: 12 });
const over = syntheticProbabilities({ n: 2000, temperature: 0.5, seed: 17 });
const under = syntheticProbabilities({ n: 2000, temperature: 2, seed: 19 });
const ece = (d: typeof well, bins: number) => expectedCalibrationError(d.yTrue, d.probs, bins).toFixed(3);

describeInBrowser('calibration explorer', ({ browser, url }) => {
  it('renders its first state at build time, then recomputes when the data and bins change', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'ECE (10 bins)')).toBe(ece(well, 10));
    expect(await readout(widget, 'Log loss')).toBe(logLoss(well.yTrue, well.probs).toFixed(3));
    await setField(widget, 'data', 'over');
    await expect.poll(() => readout(widget, 'ECE (10 bins)')).toBe(ece(over, 10));
    expect(await readout(widget, 'Brier score')).toBe(brierScore(over.yTrue, over.probs).toFixed(3));
    expect(await widget.locator('.widget-verdict strong').textContent()).toBe('Over-confident');
    await setField(widget, 'bins', '5');
    await expect.poll(() => readout(widget, 'ECE (5 bins)')).toBe(ece(over, 5));
    expect(await widget.locator('circle.marker').count()).toBe(5);
    expect(await widget.locator('input[type=range][name="bins"]').inputValue()).toBe('5');
    expect(page.url()).toContain('ca.data=over');
    expect(page.url()).toContain('ca.bins=5');
    // A preset is one click away.
    await widget.getByRole('button', { name: 'Under-confident' }).click();
    await expect.poll(() => readout(widget, 'ECE (10 bins)')).toBe(ece(under, 10));
    expect(await widget.locator('select[name="data"]').inputValue()).toBe('under');
    expect(await widget.locator('.widget-verdict strong').textContent()).toBe('Under-confident');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const before = await readout(widget, 'ECE (10 bins)');
    await setField(widget, 'bins', '25');
    await expect
      .poll(() => widget.locator('[data-problem-for="bins"]').first().textContent())
      .toBe('Number of bins must be between 2 and 20.');
    await setField(widget, 'bins', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="bins"]').first().textContent())
      .toBe('Number of bins must be a number.');
    expect(await readout(widget, 'ECE (10 bins)')).toBe(before);
    await setField(widget, 'bins', '10');

    expect(await widget.locator('textarea[name="csv"]').isVisible()).toBe(false);
    await setField(widget, 'data', 'custom');
    expect(await widget.locator('textarea[name="csv"]').isVisible()).toBe(true);
    await setField(widget, 'csv', '0.2,0\n1.2,1');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 2: the probability 1.2 is outside 0 to 1; a probability must be between 0 and 1.');
    await setField(widget, 'csv', '0.2,0\n0.7,yes');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 2: the label must be 0 or 1, not "yes".');
    await setField(widget, 'csv', '0.7,1');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toContain('One prediction cannot show calibration');
    await setField(widget, 'csv', '');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Paste at least one row of prob,label.');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and copies it', async () => {
    const csv = '0,0\n0.1,0\n0.2,0\n0.3,0\n0.4,1\n0.65,1\n0.7,1\n0.8,1\n0.9,1';
    const shared = `${url(PAGE)}?ca.data=custom&ca.bins=3&ca.csv=${encodeURIComponent(csv)}`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('select[name="data"]').inputValue()).toBe('custom');
    expect(await widget.locator('textarea[name="csv"]').inputValue()).toBe(csv);
    expect(await widget.locator('input[type=number][name="bins"]').inputValue()).toBe('3');
    // The calibrationCurve doc example: bins of 4, 2 and 3 predictions, ECE 0.2389.
    expect(await readout(widget, 'ECE (3 bins)')).toBe('0.239');
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('ca.csv')).toBe(csv);
    expect(copied.searchParams.get('ca.bins')).toBe('3');
    await close();
  });
});
