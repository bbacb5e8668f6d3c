// The fine-tuning memory calculator in Chromium: the method, rank and targets move the numbers, bad
// input gets a message, a shared link reproduces the state, and it fits a 360 px screen, axe-clean
// in both themes.
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

const PAGE = '/llm/fine-tuning/';
const TAG = 'fine-tuning-memory';

describeInBrowser('fine-tuning memory', ({ browser, url }) => {
  it('starts at 8B LoRA rank 16 (41.9M trainable, 16.7 GB of states) and follows the method and rank', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Trainable parameters')).toBe('41.9M');
    expect(await readout(widget, 'Model states')).toBe('16.7 GB');
    await setField(widget, 'method', 'qlora');
    await expect.poll(() => readout(widget, 'Model states')).toBe('6.37 GB');
    expect(page.url()).toContain('ft.method=qlora');
    await setField(widget, 'rank', '32');
    await expect.poll(() => readout(widget, 'Trainable parameters')).toBe('83.9M');
    await setField(widget, 'targets', 'qv');
    await expect.poll(() => readout(widget, 'Trainable parameters')).toBe('13.6M');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'rank', '0');
    await expect
      .poll(() => widget.locator('[data-problem-for="rank"]').textContent())
      .toBe('LoRA rank (r) must be between 1 and 1024.');
    await setField(widget, 'rank', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="rank"]').textContent())
      .toBe('LoRA rank (r) must be a number.');
    expect(await readout(widget, 'Model states')).toBe('16.7 GB');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link: 70B QLoRA, 42.8 GB of states and about 51.7 GB in all', async () => {
    const { widget, close } = await openWidget(browser(), `${url(PAGE)}?ft.model=llama-3.1-70b&ft.method=qlora`, TAG);
    expect(await widget.locator('select[name="method"]').inputValue()).toBe('qlora');
    expect(await readout(widget, 'Model states')).toBe('42.8 GB');
    expect(await readout(widget, 'Total')).toBe('51.7 GB');
    await close();
  });

  it(
    'fits a 360 px screen, presets included, and is axe-clean in both themes',
    async () => {
      const check = await presetOnNarrowScreen(browser(), url(PAGE), TAG, '8B QLoRA on an L4', (widget) =>
        expect.poll(() => readout(widget, 'Total')).toBe('10.2 GB'),
      );
      expect(check).toEqual({ fits: true, axe: [], errors: [] });
    },
    NARROW_CHECK_TIMEOUT,
  );
});
