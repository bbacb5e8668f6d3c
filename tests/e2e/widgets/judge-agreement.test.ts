// The judge agreement calculator in Chromium: pasted labels and pairwise verdicts move the numbers,
// bad lines get a message, a shared link reproduces pasted data, and it fits a 360 px screen,
// axe-clean in both themes.
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

const PAGE = '/llm/evaluation/';
const TAG = 'judge-agreement';

describeInBrowser('judge agreement', ({ browser, url }) => {
  it('starts at the chapter’s 200 answers (κ 0.525) and follows pasted labels and pairs', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, "Cohen's kappa")).toBe('0.525');
    expect(await readout(widget, 'Reading')).toBe('moderate');
    await setField(widget, 'labels', 'judge,human\n1,1\n2,2\n3,1\n1,1\n2,3');
    await expect.poll(() => readout(widget, "Cohen's kappa")).toBe('0.375');
    expect(page.url()).toContain('ja.l=');
    await setField(widget, 'mode', 'pairs');
    await expect.poll(() => readout(widget, 'Flip rate')).toBe('17.0%');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'labels', 'pass,pass\npass,fail\nbad');
    await expect.poll(() => widget.locator('.widget-error').textContent()).toBe('Line 3 needs 2 values (judge,human).');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    // "undefined" here is the word of the message, so the NaN check runs before it.
    await setField(widget, 'labels', 'pass,pass,10');
    await expect.poll(() => widget.locator('.widget-error').textContent()).toContain("Cohen's kappa is undefined");
    await close();
  });

  it('reproduces a shared link with pasted verdicts', async () => {
    const query = new URLSearchParams({ 'ja.mode': 'pairs', 'ja.p': 'A,A\nB,A\ntie,B\nA,tie' });
    const { widget, close } = await openWidget(browser(), `${url(PAGE)}?${query}`, TAG);
    expect(await widget.locator('textarea[name="pairs"]').inputValue()).toBe('A,A\nB,A\ntie,B\nA,tie');
    expect(await readout(widget, 'Flip rate')).toBe('75.0%');
    await close();
  });

  it(
    'fits a 360 px screen, presets included, and is axe-clean in both themes',
    async () => {
      const check = await presetOnNarrowScreen(browser(), url(PAGE), TAG, '400 pairs, both orders', (widget) =>
        expect.poll(() => readout(widget, 'Flip rate')).toBe('17.0%'),
      );
      expect(check).toEqual({ fits: true, axe: [], errors: [] });
    },
    NARROW_CHECK_TIMEOUT,
  );
});
