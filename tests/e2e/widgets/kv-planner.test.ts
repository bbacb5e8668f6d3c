// The KV cache planner in Chromium: inputs move the numbers, the MHA comparison and a typed-in
// model, bad input gets a message, a shared link reproduces the serving chapter's capacity plan,
// and it fits a 360 px screen, axe-clean in both themes.
import { expect, it } from 'vitest';
import { axeInBothThemes, describeInBrowser } from '../browser.ts';
import {
  fitsWidth,
  noBadNumbers,
  openWidget,
  readout,
  setField,
  widgetText,
  NARROW_CHECK_TIMEOUT,
} from './widget-page.ts';

const PAGE = '/llm/inference/';
const TAG = 'kv-cache-planner';

describeInBrowser('kv cache planner', ({ browser, url }) => {
  it('starts at the chapter table (13 sequences of 32k) and recomputes as the batch, precision and MHA toggle change', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'KV cache per token')).toBe('131,072 B (128 KiB)');
    expect(await readout(widget, 'Sequences that fit')).toBe('13');
    await setField(widget, 'batch', '14');
    await expect.poll(() => widget.locator('.widget-verdict').textContent()).toContain('Does not fit.');
    await setField(widget, 'kv', 'fp8');
    await expect.poll(() => readout(widget, 'KV cache per token')).toBe('65,536 B (64 KiB)');
    await expect.poll(() => readout(widget, 'Sequences that fit')).toBe('26');
    expect(page.url()).toContain('kv.kv=fp8');
    await widget.locator('input[type=checkbox][name="mha"]').check();
    await expect.poll(() => widgetText(widget)).toContain('4× as much');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'context', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="context"]').textContent())
      .toBe('Tokens per sequence (prompt + output) must be a number.');
    expect(await readout(widget, 'Sequences that fit')).toBe('13');
    await setField(widget, 'gpus', '0');
    await expect
      .poll(() => widget.locator('[data-problem-for="gpus"]').textContent())
      .toBe('GPUs (model sharded over them) must be between 1 and 64.');
    await setField(widget, 'model', 'custom');
    await setField(widget, 'heads', '30');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toContain('must be a multiple of key/value heads');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link: the 70B capacity plan on one H200 fits 156 sequences of 2,200 tokens', async () => {
    const shared = `${url(PAGE)}?kv.model=llama-3.1-70b&kv.weights=fp8&kv.kv=fp8&kv.context=2200&kv.batch=128&kv.gpu=h200-sxm`;
    const { widget, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('select[name="model"]').inputValue()).toBe('llama-3.1-70b');
    expect(await readout(widget, 'KV cache per token')).toBe('163,840 B (160 KiB)');
    expect(await readout(widget, 'Sequences that fit')).toBe('156');
    await close();
  });

  it(
    'fits a 360 px screen, presets included, and is axe-clean in both themes',
    async () => {
      const { widget, errors, page, close } = await openWidget(browser(), url(PAGE), TAG, 360);
      await widget.locator('button', { hasText: 'DeepSeek-V3 on 8 H200s' }).click();
      await expect.poll(() => readout(widget, 'KV tokens that fit')).toBe('4,898,110');
      await widget.locator('input[type=checkbox][name="mha"]').check();
      await expect.poll(() => widgetText(widget)).toContain('as much');
      expect(await fitsWidth(widget)).toBe(true);
      expect(await axeInBothThemes(page, TAG)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    },
    NARROW_CHECK_TIMEOUT,
  );
});
