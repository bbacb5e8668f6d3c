// The fairness explorer in Chromium: thresholds and policies change the numbers, bad input shows
// a message, and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { groupScores } from '../../../src/lib/datasets/groups.ts';
import { policyThresholds, predictWithThresholds, thresholdSweep } from '../../../src/lib/fairness/policies.ts';
import {
  demographicParityRatio,
  equalOpportunityDifference,
  predictiveParityDifference,
} from '../../../src/lib/fairness/disparity.ts';
import { PRESET_GROUPS, PRESET_SEED } from '../../../src/widgets/fairness/view.ts';

const PAGE = '/fairness/metrics/';
const TAG = 'fairness-explorer';

function expected(data: string, thresholds: Record<string, number>) {
  const d = groupScores(PRESET_GROUPS[data], PRESET_SEED);
  const yPred = predictWithThresholds(d.scores, d.groups, thresholds);
  return {
    ratio: demographicParityRatio(d.yTrue, yPred, d.groups).toFixed(3),
    tprGap: equalOpportunityDifference(d.yTrue, yPred, d.groups).toFixed(3),
    ppvGap: predictiveParityDifference(d.yTrue, yPred, d.groups).toFixed(3),
  };
}
const RATIO = 'Selection-rate ratio (DP ratio)';
const TPR_GAP = 'TPR gap (equal opportunity)';

describeInBrowser('fairness explorer', ({ browser, url }) => {
  it('renders at build time, then recomputes when the threshold moves', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, RATIO)).toBe(expected('different', { A: 0.5, B: 0.5 }).ratio);
    await setField(widget, 't', '0.65');
    await expect.poll(() => readout(widget, RATIO)).toBe(expected('different', { A: 0.65, B: 0.65 }).ratio);
    expect(await readout(widget, TPR_GAP)).toBe(expected('different', { A: 0.65, B: 0.65 }).tprGap);
    expect(page.url()).toContain('fa.t=0.65');
    // Per-group thresholds.
    await widget.locator('input[type=checkbox][name="perGroup"]').check();
    await expect.poll(() => widget.locator('input[type=number][name="tA"]').isVisible()).toBe(true);
    expect(await widget.locator('input[type=number][name="t"]').isVisible()).toBe(false);
    await setField(widget, 'tA', '0.6');
    await setField(widget, 'tB', '0.4');
    await expect.poll(() => readout(widget, RATIO)).toBe(expected('different', { A: 0.6, B: 0.4 }).ratio);
    expect(await readout(widget, 'PPV gap (predictive parity)')).toBe(expected('different', { A: 0.6, B: 0.4 }).ppvGap);
    expect(page.url()).toContain('fa.perGroup=1');
    expect(errors).toEqual([]);
    await close();
  });

  it('policy buttons apply their thresholds, and each breaks another criterion', async () => {
    const { widget, close, page } = await openWidget(browser(), url(PAGE), TAG);
    const sweep = thresholdSweep(groupScores(PRESET_GROUPS.different, PRESET_SEED));
    const dp = policyThresholds('demographicParity', sweep);
    await widget.locator('button[data-action="policy"][data-value="demographicParity"]').click();
    await expect.poll(() => widget.locator('input[type=number][name="tA"]').inputValue()).toBe(String(dp.A));
    expect(await widget.locator('input[type=number][name="tB"]').inputValue()).toBe(String(dp.B));
    expect(await widget.locator('input[type=checkbox][name="perGroup"]').isChecked()).toBe(true);
    expect(await readout(widget, RATIO)).toBe(expected('different', dp).ratio);
    expect(Number(await readout(widget, TPR_GAP))).toBeGreaterThan(0.1);
    expect(page.url()).toContain(`fa.tA=${dp.A}`);
    const eo = policyThresholds('equalOpportunity', sweep);
    await widget.locator('button[data-action="policy"][data-value="equalOpportunity"]').click();
    await expect.poll(() => readout(widget, TPR_GAP)).toBe(expected('different', eo).tprGap);
    expect(await readout(widget, 'Four-fifths rule')).toBe('fails');
    const unaware = policyThresholds('groupUnaware', sweep);
    await widget.locator('button[data-action="policy"][data-value="groupUnaware"]').click();
    await expect.poll(() => widget.locator('input[type=number][name="t"]').inputValue()).toBe(String(unaware.A));
    expect(await widget.locator('input[type=checkbox][name="perGroup"]').isChecked()).toBe(false);
    await close();
  });

  it('answers bad input with a message, and a group with no positives with a clear TPR', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 't', '1.5');
    await expect
      .poll(() => widget.locator('[data-problem-for="t"]').first().textContent())
      .toBe('Threshold (every group) must be between 0 and 1.');
    await setField(widget, 'data', 'pasted');
    await expect.poll(() => widget.locator('textarea[name="csv"]').isVisible()).toBe(true);
    // The example has a group C with no positive labels.
    await expect.poll(() => widget.locator('table.fa-groups').textContent()).toContain('n/a: no positives');
    await widget.locator('button[data-action="policy"][data-value="equalOpportunity"]').click();
    await expect
      .poll(() => widget.locator('[data-notice]').textContent())
      .toBe(
        'Equal opportunity thresholds: group "C" has no positive labels, so its true positive rate is 0/0 at every threshold.',
      );
    await setField(widget, 'csv', '0.9,1,A\n0.2,0,A');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Your data has one group ("A"); fairness metrics compare at least two.');
    await setField(widget, 'csv', '0.9,1,A\n0.2,maybe,B');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 2: the label must be 0 or 1, not "maybe".');
    await setField(widget, 'csv', '0.9,1,A\n0.2,0,B\n0.7,1,B');
    await widget.locator('input[type=checkbox][name="perGroup"]').check();
    await expect.poll(() => widget.locator('textarea[name="tg"]').isVisible()).toBe(true);
    await setField(widget, 'tg', 'Q=0.4');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Per-group thresholds, line 1: there is no group "Q" in the data.');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and copies it', async () => {
    const shared = `${url(PAGE)}?fa.data=biased&fa.perGroup=1&fa.tA=0.49&fa.tB=0.29`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('select[name="data"]').inputValue()).toBe('biased');
    expect(await widget.locator('input[type=number][name="tB"]').inputValue()).toBe('0.29');
    expect(await readout(widget, RATIO)).toBe(expected('biased', { A: 0.49, B: 0.29 }).ratio);
    expect(await readout(widget, TPR_GAP)).toBe(expected('biased', { A: 0.49, B: 0.29 }).tprGap);
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });
});
