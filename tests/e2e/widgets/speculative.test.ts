// The speculative decoding calculator in Chromium: inputs move the numbers, bad input gets a
// message, a shared link reproduces the state, and it fits a 360 px screen, axe-clean in both themes.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import {
  noBadNumbers,
  openWidget,
  presetOnNarrowScreen,
  readout,
  setField,
  widgetText,
  NARROW_CHECK_TIMEOUT,
} from './widget-page.ts';

const PAGE = '/llm/serving/';
const TAG = 'speculative-decoding';

describeInBrowser('speculative decoding', ({ browser, url }) => {
  it('starts at α 0.8, γ 4 (E 3.36, 2.80×) and follows the acceptance rate and the batch', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Tokens per target pass (E)')).toBe('3.36');
    expect(await readout(widget, 'Speedup')).toBe('2.80×');
    await setField(widget, 'alpha', '0.5');
    await expect.poll(() => readout(widget, 'Speedup')).toBe('1.61×');
    expect(await readout(widget, 'Best draft length')).toBe('3 (1.63×)');
    expect(page.url()).toContain('sd.alpha=0.5');
    await setField(widget, 'batch', '128');
    await expect.poll(() => readout(widget, 'Speedup')).toBe('0.59×');
    expect(await widgetText(widget)).toContain('slower than plain decoding');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'alpha', '1.5');
    await expect
      .poll(() => widget.locator('[data-problem-for="alpha"]').textContent())
      .toBe('Acceptance rate per draft token (α) must be between 0 and 1.');
    await setField(widget, 'draft', '2.5');
    await expect
      .poll(() => widget.locator('[data-problem-for="draft"]').textContent())
      .toBe('Draft tokens per step (γ) must be a whole number.');
    expect(await readout(widget, 'Speedup')).toBe('2.80×');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link: α 0.5 with 8 draft tokens is 1.43×', async () => {
    const { widget, close } = await openWidget(browser(), `${url(PAGE)}?sd.alpha=0.5&sd.draft=8`, TAG);
    expect(await widget.locator('input[type=number][name="draft"]').inputValue()).toBe('8');
    expect(await readout(widget, 'Speedup')).toBe('1.43×');
    await close();
  });

  it(
    'fits a 360 px screen, presets included, and is axe-clean in both themes',
    async () => {
      const check = await presetOnNarrowScreen(browser(), url(PAGE), TAG, 'α 0.8 at batch 64', (widget) =>
        expect.poll(() => readout(widget, 'Speedup')).toBe('1.92×'),
      );
      expect(check).toEqual({ fits: true, axe: [], errors: [] });
    },
    NARROW_CHECK_TIMEOUT,
  );
});
