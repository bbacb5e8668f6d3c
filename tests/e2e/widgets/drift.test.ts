// The drift detector in Chromium: inputs change the numbers, bad input shows a message,
// and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { driftScenario, type DriftScenarioName } from '../../../src/lib/datasets/drift-scenarios.ts';
import { binSamples, type Binning } from '../../../src/lib/drift/two-sample.ts';
import { psi } from '../../../src/lib/drift/psi.ts';
import { ksTest } from '../../../src/lib/drift/ks.ts';
import { chiSquareTwoSample } from '../../../src/lib/drift/two-sample.ts';
import { fmtP } from '../../../src/widgets/kit/format.ts';

const PAGE = '/monitoring/drift/';
const TAG = 'drift-detector';

/** PSI and KS p-value of a numeric scenario, recomputed from src/lib. */
function expected(
  name: DriftScenarioName,
  n: number,
  bins = 10,
  binning: Binning = 'quantile',
  seed = 2,
  strength = 1,
) {
  const w = driftScenario(name, { n, seed, strength });
  if (w.kind !== 'numeric') throw new Error('numeric expected');
  const b = binSamples(w.reference, w.current, bins, binning);
  return { psi: psi(b.reference, b.current).toFixed(3), ksP: fmtP(ksTest(w.reference, w.current).pValue) };
}

describeInBrowser('drift detector', ({ browser, url }) => {
  it('renders its first state at build time, then recomputes as the inputs change', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'PSI')).toBe(expected('mean', 1000).psi);
    expect(await readout(widget, 'KS p-value')).toBe(expected('mean', 1000).ksP);
    await setField(widget, 'bins', '5');
    await expect.poll(() => readout(widget, 'PSI')).toBe(expected('mean', 1000, 5).psi);
    await setField(widget, 'binning', 'equal');
    await expect.poll(() => readout(widget, 'PSI')).toBe(expected('mean', 1000, 5, 'equal').psi);
    await setField(widget, 'scenario', 'variance');
    await setField(widget, 'n', '3000');
    await expect.poll(() => readout(widget, 'PSI')).toBe(expected('variance', 3000, 5, 'equal').psi);
    expect(await readout(widget, 'KS p-value')).toBe(expected('variance', 3000, 5, 'equal').ksP);
    // The comparison at 10x the rows uses the same generator.
    expect(await widget.locator('table.dr-tenfold tbody tr').nth(1).textContent()).toContain(
      expected('variance', 30000, 5, 'equal').psi,
    );
    expect(page.url()).toContain('dr.bins=5');
    expect(page.url()).toContain('dr.scenario=variance');
    expect(await widget.locator('input[type=range][name="bins"]').inputValue()).toBe('5');
    // Generator settings hide for pasted samples, bin settings for categories.
    await setField(widget, 'scenario', 'pasted');
    await expect.poll(() => widget.locator('textarea[name="ref"]').isVisible()).toBe(true);
    expect(await widget.locator('input[type=number][name="n"]').isVisible()).toBe(false);
    await setField(widget, 'scenario', 'category');
    await expect.poll(() => widget.locator('select[name="binning"]').isVisible()).toBe(false);
    expect(await readout(widget, 'KL(current ‖ reference)')).toBe('∞');
    expect(errors).toEqual([]);
    await close();
  });

  it('presets set a whole scenario', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await widget.locator('button[data-preset]', { hasText: 'Tiny shift, 100,000 rows' }).click();
    await expect.poll(() => readout(widget, 'PSI')).toBe(expected('mean', 100000, 10, 'quantile', 2, 0.1).psi);
    expect(await readout(widget, 'PSI band')).toBe('Stable');
    expect(await widget.locator('input[type=number][name="n"]').inputValue()).toBe('100000');
    expect(await widget.locator('.widget-verdict').textContent()).toContain('Stable, though detectable.');
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const before = await readout(widget, 'PSI');
    await setField(widget, 'bins', '25');
    await expect
      .poll(() => widget.locator('[data-problem-for="bins"]').first().textContent())
      .toBe('Number of bins must be between 3 and 20.');
    await setField(widget, 'n', '2.5');
    await expect
      .poll(() => widget.locator('[data-problem-for="n"]').first().textContent())
      .toBe('Rows per window must be a whole number.');
    expect(await readout(widget, 'PSI')).toBe(before);

    await setField(widget, 'scenario', 'pasted');
    await setField(widget, 'ref', '1, 2, abc');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Reference sample: "abc" (value 3) is not a number.');
    await setField(widget, 'ref', '4, 4, 4');
    await setField(widget, 'cur', '4\n4');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe(
        'Binning: every value falls in one bin, so there is no distribution to compare; the samples need more distinct values.',
      );
    // Pasted samples that work: numbers from src/lib again.
    await setField(widget, 'ref', '1, 2, 3, 4, 5, 6, 7, 8');
    await setField(widget, 'cur', '3\n4\n5\n6\n7\n8\n9\n10');
    const b = binSamples([1, 2, 3, 4, 5, 6, 7, 8], [3, 4, 5, 6, 7, 8, 9, 10], 10, 'quantile');
    await expect.poll(() => readout(widget, 'PSI')).toBe(psi(b.reference, b.current).toFixed(3));
    expect(await readout(widget, 'χ² p-value')).toBe(fmtP(chiSquareTwoSample(b.reference, b.current).pValue));
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and copies it', async () => {
    const shared = `${url(PAGE)}?dr.scenario=seasonal&dr.n=500&dr.bins=8&dr.binning=equal`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('select[name="scenario"]').inputValue()).toBe('seasonal');
    expect(await widget.locator('input[type=number][name="n"]').inputValue()).toBe('500');
    expect(await readout(widget, 'PSI')).toBe(expected('seasonal', 500, 8, 'equal').psi);
    expect(await readout(widget, 'KS p-value')).toBe(expected('seasonal', 500, 8, 'equal').ksP);
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });

  it('warns about a malformed link and falls back to defaults', async () => {
    const { widget, close } = await openWidget(browser(), `${url(PAGE)}?dr.bins=99&dr.scenario=nope`, TAG);
    const notice = await widget.locator('[data-notice]').textContent();
    expect(notice).toContain('Number of bins must be between 3 and 20.');
    expect(notice).toContain('Scenario must be one of');
    expect(await readout(widget, 'PSI')).toBe(expected('mean', 1000).psi);
    await close();
  });
});
