// The LLM latency and cost calculator in Chromium, on both chapters it sits in: inputs move the
// numbers, the utilization visibly changes the cost, bad input gets a message, a shared link
// reproduces the state, and it fits a 360 px screen, axe-clean in both themes.
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

const TAG = 'llm-latency-cost';

describeInBrowser('llm latency and cost', ({ browser, url }) => {
  it('starts at the inference chapter request (TTFT 33 ms, TPOT 6.91 ms) and moves with the batch and the load', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url('/llm/inference/'), TAG);
    expect(await readout(widget, 'TTFT (one prompt)')).toBe('33.0 ms');
    expect(await readout(widget, 'TPOT at batch 1')).toBe('6.91 ms');
    expect(await readout(widget, '$ per 1M output tokens at 50% load')).toBe('$9.60');
    await setField(widget, 'util', '0.25');
    await expect.poll(() => readout(widget, '$ per 1M output tokens at 25% load')).toBe('$19.20');
    expect(page.url()).toContain('lc.util=0.25');
    await setField(widget, 'batch', '64');
    await expect.poll(() => readout(widget, 'TPOT at batch 64')).not.toBe('');
    expect(await readout(widget, 'TTFT (one prompt)')).toBe('33.0 ms');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url('/llm/inference/'), TAG);
    await setField(widget, 'output', '1');
    await expect
      .poll(() => widget.locator('[data-problem-for="output"]').textContent())
      .toBe('Output tokens must be between 2 and 32768.');
    await setField(widget, 'output', '300');
    await setField(widget, 'model', 'llama-3.1-70b');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toContain('leave no room for even one sequence');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link: the serving chapter capacity plan, 34.7 ms a step and 3,686 tokens/s', async () => {
    const shared = `${url('/llm/serving/')}?lc.model=llama-3.1-70b&lc.weights=fp8&lc.kv=fp8&lc.gpu=h200-sxm&lc.prompt=2000&lc.output=400&lc.batch=128&lc.mfu=0.4&lc.price=3.5&lc.util=0.4`;
    const { widget, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('input[type=number][name="batch"]').inputValue()).toBe('128');
    expect(await readout(widget, 'TTFT (one prompt)')).toBe('363 ms');
    expect(await readout(widget, 'TPOT at batch 128')).toBe('34.7 ms');
    expect(await readout(widget, 'Replica output')).toBe('3,686 tokens/s');
    await close();
  });

  it(
    'fits a 360 px screen, presets included, and is axe-clean in both themes',
    async () => {
      const check = await presetOnNarrowScreen(browser(), url('/llm/serving/'), TAG, '8B at batch 64', (widget) =>
        expect.poll(() => readout(widget, 'Replica output')).toBe('4,570 tokens/s'),
      );
      expect(check).toEqual({ fits: true, axe: [], errors: [] });
    },
    NARROW_CHECK_TIMEOUT,
  );
});
