// The A/B test planner and analyzer in Chromium: inputs change the numbers in all three parts,
// bad input shows a message, and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { sampleSizePerVariant } from '../../../src/lib/experiments/sample-size.ts';
import { twoProportionZTest } from '../../../src/lib/experiments/z-test.ts';
import { simulatePeeking } from '../../../src/lib/experiments/peeking.ts';
import { fmtInt, fmtPercent } from '../../../src/widgets/kit/format.ts';
import { fmtInterval, fmtP, fmtPoints } from '../../../src/widgets/ab-test/view.ts';

const PAGE = '/lifecycle/experiments/';
const TAG = 'ab-test-planner';
const problem = (name: string) => `[data-problem-for="${name}"]`;

describeInBrowser('A/B test planner and analyzer', ({ browser, url }) => {
  it('plans at build time, then recomputes users and days as the inputs change', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Users per arm')).toBe(fmtInt(sampleSizePerVariant({ baseline: 0.05, mde: 0.005 })));
    expect(await readout(widget, 'Users per arm')).toBe('31,234');
    expect(await readout(widget, 'Days needed')).toBe('7');
    // Analyzer and simulator inputs are hidden in the planner.
    expect(await widget.locator('input[name="nA"]').first().isVisible()).toBe(false);

    await setField(widget, 'mde', '0.0025');
    const half = sampleSizePerVariant({ baseline: 0.05, mde: 0.0025 });
    await expect.poll(() => readout(widget, 'Users per arm')).toBe(fmtInt(half));
    await setField(widget, 'mdeKind', 'rel');
    await setField(widget, 'mde', '0.2');
    await setField(widget, 'power', '0.9');
    await setField(widget, 'traffic', '2000');
    const n = sampleSizePerVariant({ baseline: 0.05, mde: 0.2, relative: true, power: 0.9 });
    await expect.poll(() => readout(widget, 'Users per arm')).toBe(fmtInt(n));
    expect(await readout(widget, 'Total users')).toBe(fmtInt(2 * n));
    expect(await readout(widget, 'Days needed')).toBe(fmtInt(Math.ceil((2 * n) / 2000)));
    expect(page.url()).toContain('ab.mdeKind=rel');
    expect(page.url()).toContain('ab.power=0.9');
    // The power slider moves with the number box.
    expect(await widget.locator('input[type=range][name="power"]').inputValue()).toBe('0.9');
    expect(errors).toEqual([]);
    await close();
  });

  it('analyzes counts: rates, interval, p-value and verdict from the library', async () => {
    const { widget, errors, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'mode', 'analyze');
    await expect.poll(() => widget.locator('input[name="nA"]').first().isVisible()).toBe(true);
    expect(await widget.locator('input[name="mde"]').first().isVisible()).toBe(false);
    await expect.poll(() => readout(widget, 'p-value (two-sided)')).toBe('0.0583');
    await setField(widget, 'nA', '1000');
    await setField(widget, 'xA', '200');
    await setField(widget, 'nB', '1000');
    await setField(widget, 'xB', '250');
    const t = twoProportionZTest({ successesA: 200, trialsA: 1000, successesB: 250, trialsB: 1000 });
    await expect.poll(() => readout(widget, 'p-value (two-sided)')).toBe(fmtP(t.pValue));
    expect(await readout(widget, 'Absolute lift')).toBe(fmtPoints(t.difference));
    expect(await readout(widget, '95% CI of the lift')).toBe(fmtInterval(t.ciLow, t.ciHigh));
    expect(await widget.locator('.widget-verdict').textContent()).toContain('Significant at α = 0.05');
    // The broken-split preset raises the sample ratio mismatch alarm.
    await widget.locator('button[data-preset]', { hasText: 'Broken split (SRM)' }).click();
    await expect.poll(() => widget.locator('.ab-srm').textContent()).toContain('Sample ratio mismatch.');
    expect(await readout(widget, 'SRM p-value (50/50)')).toBe('9.5e-6');
    expect(await widget.locator('input[type=number][name="nA"]').inputValue()).toBe('50700');
    expect(errors).toEqual([]);
    await close();
  });

  it('gives each preset whole: nothing of the presets before it lingers in the controls or the link (probe C6)', async () => {
    const { widget, page, errors, close } = await openWidget(browser(), url(PAGE), TAG);
    await widget.locator('button[data-preset]', { hasText: 'Small startup traffic' }).click();
    await expect.poll(() => page.url()).toContain('ab.traffic=800');
    await widget.locator('button[data-preset]', { hasText: 'A peeking trap' }).click();
    await expect.poll(() => page.url()).toContain('ab.mode=peek');
    await widget.locator('button[data-preset]', { hasText: 'A clear winner' }).click();
    await expect.poll(() => page.url()).toContain('ab.mode=analyze');
    // Only the analysis preset's own values differ from the defaults.
    expect(new URL(page.url()).search).toBe('?ab.mode=analyze&ab.nA=20000&ab.xA=1000&ab.nB=20000&ab.xB=1160');
    await setField(widget, 'mode', 'plan');
    expect(await widget.locator('input[type=number][name="traffic"]').inputValue()).toBe('10000');
    expect(await readout(widget, 'Users per arm')).toBe('31,234');
    expect(errors).toEqual([]);
    await close();
  });

  it('simulates peeking, seeded and reproducible', async () => {
    const { widget, errors, close } = await openWidget(browser(), url(PAGE), TAG);
    await widget.locator('button[data-preset]', { hasText: 'A peeking trap' }).click();
    const trap = simulatePeeking({
      days: 30,
      visitorsPerDay: 500,
      baseline: 0.05,
      experiments: 1000,
      alpha: 0.05,
      seed: 1,
    });
    await expect
      .poll(() => readout(widget, 'False winners, daily peeking'))
      .toBe(fmtPercent(trap.naiveFalsePositiveRate, 1));
    expect(await readout(widget, 'False winners, one look')).toBe(fmtPercent(trap.fixedHorizonFalsePositiveRate, 1));
    await setField(widget, 'seed', '7');
    const seven = simulatePeeking({
      days: 30,
      visitorsPerDay: 500,
      baseline: 0.05,
      experiments: 1000,
      alpha: 0.05,
      seed: 7,
    });
    await expect
      .poll(() => readout(widget, 'False winners, daily peeking'))
      .toBe(fmtPercent(seven.naiveFalsePositiveRate, 1));
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const before = await readout(widget, 'Users per arm');
    await setField(widget, 'p0', '');
    await expect
      .poll(() => widget.locator(problem('p0')).first().textContent())
      .toBe('Baseline conversion rate must be a number.');
    expect(await widget.locator('input[type=number][name="p0"]').getAttribute('aria-invalid')).not.toBeNull();
    expect(await readout(widget, 'Users per arm')).toBe(before);
    await setField(widget, 'p0', '1.5');
    await expect
      .poll(() => widget.locator(problem('p0')).first().textContent())
      .toBe('Baseline conversion rate must be between 0 and 1.');
    await setField(widget, 'p0', '0');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Sample size: baseline is 0; it must be strictly between 0 and 1.');
    await setField(widget, 'p0', '0.05');
    await setField(widget, 'alpha', '1');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Sample size: alpha is 1; it must be strictly between 0 and 1.');
    await setField(widget, 'alpha', '0.05');
    await setField(widget, 'power', '2');
    await expect
      .poll(() => widget.locator(problem('power')).first().textContent())
      .toBe('Power (1 − β) must be between 0 and 1.');

    await setField(widget, 'mode', 'analyze');
    await setField(widget, 'nB', '0');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Visitors in B is 0: a conversion rate needs at least one visitor.');
    await setField(widget, 'nB', '500');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Conversions in B (560) exceed visitors in B (500): each visitor converts at most once.');
    await setField(widget, 'xA', '12.5');
    await expect
      .poll(() => widget.locator(problem('xA')).first().textContent())
      .toBe('Conversions in A must be a whole number.');

    await setField(widget, 'mode', 'peek');
    await setField(widget, 'vpd', '100000');
    await expect.poll(() => widget.locator('.widget-error').textContent()).toContain('the widget stops at 2 million');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and copies it', async () => {
    const shared = `${url(PAGE)}?ab.mode=analyze&ab.nA=20000&ab.xA=1000&ab.nB=20000&ab.xB=1160&ab.alpha=0.01`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('select[name="mode"]').inputValue()).toBe('analyze');
    expect(await widget.locator('input[type=number][name="xB"]').inputValue()).toBe('1160');
    expect(await widget.locator('input[name="xB"]').first().isVisible()).toBe(true);
    const t = twoProportionZTest({ successesA: 1000, trialsA: 20000, successesB: 1160, trialsB: 20000, alpha: 0.01 });
    expect(await readout(widget, 'p-value (two-sided)')).toBe(fmtP(t.pValue));
    expect(await readout(widget, '99% CI of the lift')).toBe(fmtInterval(t.ciLow, t.ciHigh));
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });

  it('warns about a malformed link and falls back to defaults', async () => {
    const { widget, close } = await openWidget(browser(), `${url(PAGE)}?ab.mode=nope&ab.p0=abc&ab.days=0.5`, TAG);
    const notice = await widget.locator('[data-notice]').textContent();
    expect(notice).toContain('Part must be one of');
    expect(notice).toContain('Baseline conversion rate must be a number.');
    expect(notice).toContain('Days (one look a day) must be a whole number.');
    expect(await readout(widget, 'Users per arm')).toBe('31,234');
    await close();
  });
});
