// The GPU memory calculator in Chromium: inputs change the numbers, the mode shows its own inputs,
// bad input shows a message, a shared URL reproduces the state, and it works on both pages.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { modelMemoryBytes, trainingMemoryBytes } from '../../../src/lib/systems/memory.ts';
import { fmtBytes } from '../../../src/widgets/gpu-memory/view.ts';

const PAGE = '/lifecycle/scaling-training/';
const TAG = 'gpu-memory';
const mixedAdam = (billions: number, zeroStage: 0 | 1 | 2 | 3, gpus: number) =>
  fmtBytes(
    trainingMemoryBytes({ params: Math.round(billions * 1e9), precision: 'mixed', optimizer: 'adam', zeroStage, gpus })
      .total,
  );

describeInBrowser('gpu memory', ({ browser, url }) => {
  it('renders 24 GB for 1.5B with Adam, then recomputes as the ZeRO stage and mode change', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Model states per GPU')).toBe(mixedAdam(1.5, 0, 8));
    expect(mixedAdam(1.5, 0, 8)).toBe('24 GB');
    await setField(widget, 'zero', '2');
    await expect.poll(() => readout(widget, 'Model states per GPU')).toBe(mixedAdam(1.5, 2, 8));
    expect(await widget.locator('input[type=range][name="zero"]').inputValue()).toBe('2');
    expect(page.url()).toContain('gm.zero=2');

    // Inference shows the weight format and hides the training inputs.
    expect(await widget.locator('select[name="dtype"]').isVisible()).toBe(false);
    await setField(widget, 'mode', 'inference');
    await expect.poll(() => widget.locator('select[name="dtype"]').isVisible()).toBe(true);
    expect(await widget.locator('select[name="precision"]').isVisible()).toBe(false);
    await setField(widget, 'params', '70');
    await setField(widget, 'dtype', 'int4');
    const int4 = fmtBytes(modelMemoryBytes({ params: 70e9, dtype: 'int4' }));
    await expect.poll(() => readout(widget, 'Weights (int4)')).toBe(int4);
    expect(int4).toBe('35 GB');
    expect(await widget.locator('tr', { hasText: '24 GB' }).locator('.gm-badge').textContent()).toBe('does not fit');
    expect(await widget.locator('tr', { hasText: '40 GB' }).locator('.gm-badge').textContent()).toBe('fits');
    expect(errors).toEqual([]);
    await close();
  });

  it('adds a separate, rough activation estimate on request', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    expect(await widget.locator('input[name="seq"]').isVisible()).toBe(false);
    await widget.locator('input[type=checkbox][name="act"]').check();
    await expect.poll(() => widget.locator('input[name="seq"]').isVisible()).toBe(true);
    await expect.poll(() => readout(widget, 'Activations per GPU (rough)')).toBe('8.97 GB');
    await setField(widget, 'recompute', 'full');
    await expect.poll(() => readout(widget, 'Activations per GPU (rough)')).toBe('157 MB');
    // The model states are unchanged by the estimate.
    expect(await readout(widget, 'Model states per GPU')).toBe('24 GB');
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'params', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="params"]').textContent())
      .toBe('Parameters (billions) must be a number.');
    expect(await readout(widget, 'Model states per GPU')).toBe('24 GB');
    await setField(widget, 'params', '-3');
    await expect
      .poll(() => widget.locator('[data-problem-for="params"]').textContent())
      .toBe('Parameters (billions) must be between 0.001 and 2000.');
    await setField(widget, 'gpus', '0');
    await expect
      .poll(() => widget.locator('[data-problem-for="gpus"]').textContent())
      .toBe('Data-parallel GPUs must be between 1 and 1024.');
    await setField(widget, 'gpus', '2.5');
    await expect
      .poll(() => widget.locator('[data-problem-for="gpus"]').textContent())
      .toBe('Data-parallel GPUs must be a whole number.');

    await widget.locator('input[type=checkbox][name="act"]').check();
    await setField(widget, 'heads', '24');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe(
        'Activation memory: hiddenSize 1600 is not divisible by heads 24; each head needs hiddenSize / heads dimensions.',
      );
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly (the ZeRO paper: 7.5B on 64 GPUs, stage 1 = 31.4 GB), and copies it', async () => {
    const shared = `${url(PAGE)}?gm.params=7.5&gm.zero=1&gm.gpus=64`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('input[type=number][name="params"]').inputValue()).toBe('7.5');
    expect(await widget.locator('input[type=number][name="gpus"]').inputValue()).toBe('64');
    expect(await readout(widget, 'Model states per GPU')).toBe(mixedAdam(7.5, 1, 64));
    expect(mixedAdam(7.5, 1, 64)).toBe('31.4 GB');
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });

  it('works on the compression page too, presets included, and fits a 360 px screen', async () => {
    const { widget, errors, page, close } = await openWidget(browser(), url('/serving/compression/'), TAG, 360);
    await widget.locator('button', { hasText: '7B inference, fp16' }).click();
    await expect.poll(() => readout(widget, 'Weights (fp16)')).toBe('14 GB');
    expect(page.url()).toContain('gm.mode=inference');
    const fits = await widget.locator('section.widget').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
});
