// The static against continuous batching simulator in Chromium: inputs move the numbers, bad input
// gets a message, a shared link reproduces the state, and it fits a 360 px screen, axe-clean in
// both themes.
import { expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { describeInBrowser } from '../browser.ts';
import {
  noBadNumbers,
  openWidget,
  presetOnNarrowScreen,
  setField,
  widgetText,
  NARROW_CHECK_TIMEOUT,
} from './widget-page.ts';

const PAGE = '/llm/serving/';
const TAG = 'llm-batching';
const caption = (widget: Locator) => widget.locator('caption').first().textContent();

describeInBrowser('llm batching', ({ browser, url }) => {
  it('serves 4 requests/s both ways, then shows static batching falling behind at 8', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await caption(widget)).toBe('2,000 requests at 4.0 a second, served both ways');
    expect(await widgetText(widget)).toContain('Both keep up');
    await setField(widget, 'rate', '8');
    await expect.poll(() => caption(widget)).toBe('2,000 requests at 8.0 a second, served both ways');
    expect(await widgetText(widget)).toContain('Static batching cannot keep up');
    expect(page.url()).toContain('cb.rate=8');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'rate', '0');
    await expect
      .poll(() => widget.locator('[data-problem-for="rate"]').textContent())
      .toBe('Arrival rate (requests/s) must be between 0.1 and 200.');
    await setField(widget, 'maxBatch', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="maxBatch"]').textContent())
      .toBe('Max sequences per batch must be a number.');
    expect(await caption(widget)).toBe('2,000 requests at 4.0 a second, served both ways');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link, seed included', async () => {
    const shared = `${url(PAGE)}?cb.rate=2&cb.seed=7&cb.requests=500`;
    const first = await openWidget(browser(), shared, TAG);
    expect(await caption(first.widget)).toBe('500 requests at 2.0 a second, served both ways');
    const text = await first.widget.locator('table').first().textContent();
    await first.close();
    const second = await openWidget(browser(), shared, TAG);
    expect(await second.widget.locator('table').first().textContent()).toBe(text);
    await second.close();
  });

  it(
    'fits a 360 px screen, presets included, and is axe-clean in both themes',
    async () => {
      const check = await presetOnNarrowScreen(browser(), url(PAGE), TAG, 'Light load', (widget) =>
        expect.poll(() => caption(widget)).toBe('2,000 requests at 2.0 a second, served both ways'),
      );
      expect(check).toEqual({ fits: true, axe: [], errors: [] });
    },
    NARROW_CHECK_TIMEOUT,
  );
});
