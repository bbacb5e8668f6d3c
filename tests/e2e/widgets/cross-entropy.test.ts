// The cross-entropy explorer in Chromium: inputs change the numbers, bad input shows a message,
// and a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { logLoss } from '../../../src/lib/metrics/probabilistic.ts';

const PAGE = '/lifecycle/evaluation/';
const TAG = 'cross-entropy-explorer';
const nats = (label: 0 | 1, p: number) => logLoss([label], [p]).toFixed(3);
const bits = (label: 0 | 1, p: number) => (logLoss([label], [p]) / Math.LN2).toFixed(3);

describeInBrowser('cross-entropy explorer', ({ browser, url }) => {
  it('renders its first state at build time, then recomputes when p, the label and the unit change', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Loss (nats)')).toBe(nats(1, 0.8));
    await setField(widget, 'p', '0.99');
    await expect.poll(() => readout(widget, 'Loss (nats)')).toBe(nats(1, 0.99));
    await setField(widget, 'label', '0');
    await expect.poll(() => readout(widget, 'Loss (nats)')).toBe(nats(0, 0.99));
    expect(await readout(widget, 'Loss (nats)')).toBe('4.605');
    expect(await readout(widget, 'Confident and wrong')).toBe('4.605');
    await setField(widget, 'unit', 'bits');
    await expect.poll(() => readout(widget, 'Loss (bits)')).toBe(bits(0, 0.99));
    expect(await widget.locator('input[type=range][name="p"]').inputValue()).toBe('0.99');
    expect(page.url()).toContain('ce.p=0.99');
    expect(page.url()).toContain('ce.label=0');
    expect(page.url()).toContain('ce.unit=bits');
    await widget.getByRole('button', { name: 'Hedging' }).click();
    await expect.poll(() => readout(widget, 'Loss (bits)')).toBe('1.000');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const before = await readout(widget, 'Loss (nats)');
    await setField(widget, 'p', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="p"]').first().textContent())
      .toBe('Predicted probability of class 1 (p) must be a number.');
    expect(await widget.locator('input[type=number][name="p"]').getAttribute('aria-invalid')).not.toBeNull();
    await setField(widget, 'p', '1.5');
    await expect
      .poll(() => widget.locator('[data-problem-for="p"]').first().textContent())
      .toBe('Predicted probability of class 1 (p) must be between 0 and 1.');
    expect(await readout(widget, 'Loss (nats)')).toBe(before);
    // p = 1 on the wrong label is clipped, not infinite.
    await setField(widget, 'p', '1');
    await setField(widget, 'label', '0');
    await expect.poll(() => readout(widget, 'Loss (nats)')).toBe('36.044');
    expect(await widgetText(widget)).toContain('instead of infinity');
    expect(noBadNumbers((await widgetText(widget)).replace('instead of infinity', ''))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and warns about a malformed one', async () => {
    const { widget, close } = await openWidget(browser(), `${url(PAGE)}?ce.p=0.05&ce.label=1`, TAG);
    expect(await widget.locator('input[type=number][name="p"]').inputValue()).toBe('0.05');
    expect(await readout(widget, 'Loss (nats)')).toBe(nats(1, 0.05));
    await close();
    const bad = await openWidget(browser(), `${url(PAGE)}?ce.p=2&ce.unit=decibans`, TAG);
    const notice = await bad.widget.locator('[data-notice]').textContent();
    expect(notice).toContain('Predicted probability of class 1 (p) must be between 0 and 1.');
    expect(notice).toContain('Logarithm must be one of: nats, bits.');
    expect(await readout(bad.widget, 'Loss (nats)')).toBe(nats(1, 0.8));
    await bad.close();
  });
});
