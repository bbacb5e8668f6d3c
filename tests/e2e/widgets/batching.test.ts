// The dynamic batching simulator in Chromium: inputs rerun the simulation, bad input shows a
// message, a shared URL reproduces the same state, and a full update stays fast.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { simulateDynamicBatching } from '../../../src/lib/systems/batching.ts';
import { SIM_REQUESTS } from '../../../src/widgets/batching/view.ts';

const PAGE = '/serving/dynamic-batching/';
const TAG = 'batching-simulator';
const DEFAULTS = { rate: 600, maxBatch: 32, delay: 4, fixed: 8, perItem: 1, instances: 1, seed: 1 };
/** The library's run for the widget's settings, to know the exact expected readouts. */
function expected(patch: Partial<typeof DEFAULTS> = {}) {
  const s = { ...DEFAULTS, ...patch };
  return simulateDynamicBatching({
    arrivalRatePerSec: s.rate,
    maxBatchSize: s.maxBatch,
    maxQueueDelayMs: s.delay,
    fixedLatencyMs: s.fixed,
    perItemLatencyMs: s.perItem,
    instances: s.instances,
    requests: SIM_REQUESTS,
    seed: s.seed,
  });
}
const ms = (v: number) => (v >= 1000 ? `${Math.round(v).toLocaleString('en-US')} ms` : `${v.toFixed(1)} ms`);

describeInBrowser('dynamic batching simulator', ({ browser, url }) => {
  it('renders its first state at build time, then reruns when the arrival rate moves', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'p99 latency')).toBe(ms(expected().p99Ms));
    expect(await readout(widget, 'Capacity')).toBe('800/s');
    await setField(widget, 'rate', '780');
    await expect.poll(() => readout(widget, 'p99 latency')).toBe(ms(expected({ rate: 780 }).p99Ms));
    expect(await readout(widget, 'Mean batch size')).toBe(expected({ rate: 780 }).meanBatchSize.toFixed(1));
    expect(await widget.locator('.widget-verdict').textContent()).toContain('misses the 100 ms SLO');
    expect(page.url()).toContain('ba.rate=780');
    expect(await widget.locator('input[type=range][name="rate"]').inputValue()).toBe('780');
    await setField(widget, 'delay', '10');
    await expect.poll(() => readout(widget, 'p99 latency')).toBe(ms(expected({ rate: 780, delay: 10 }).p99Ms));
    expect(errors).toEqual([]);
    await close();
  });

  it('applies a preset', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await widget.locator('button[data-preset]', { hasText: 'A tight SLO' }).click();
    const tight = expected({ rate: 1400, instances: 4 });
    await expect.poll(() => readout(widget, 'p99 latency')).toBe(ms(tight.p99Ms));
    expect(await widget.locator('.widget-verdict').textContent()).toContain(
      `p99 ${ms(tight.p99Ms)}: meets the 30 ms SLO.`,
    );
    expect(await widget.locator('input[type=number][name="instances"]').inputValue()).toBe('4');
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const before = await readout(widget, 'p99 latency');
    await setField(widget, 'rate', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="rate"]').first().textContent())
      .toBe('Arrival rate (requests/s) must be a number.');
    expect(await readout(widget, 'p99 latency')).toBe(before);
    await setField(widget, 'rate', '50000');
    await expect
      .poll(() => widget.locator('[data-problem-for="rate"]').first().textContent())
      .toBe('Arrival rate (requests/s) must be between 10 and 20000.');
    await setField(widget, 'maxBatch', '2.5');
    await expect
      .poll(() => widget.locator('[data-problem-for="maxBatch"]').first().textContent())
      .toBe('Max batch size must be a whole number.');
    await setField(widget, 'fixed', '0');
    await setField(widget, 'perItem', '0');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe(
        'The fixed and per-item latencies are both 0, so a batch would take no time. Give at least one of them a positive value.',
      );
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and copies it', async () => {
    const shared = `${url(PAGE)}?ba.rate=780&ba.delay=2&ba.slo=150&ba.seed=7`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('input[type=number][name="rate"]').inputValue()).toBe('780');
    expect(await widget.locator('input[type=number][name="seed"]').inputValue()).toBe('7');
    const r = expected({ rate: 780, delay: 2, seed: 7 });
    expect(await readout(widget, 'p99 latency')).toBe(ms(r.p99Ms));
    expect(await readout(widget, 'p50 latency')).toBe(ms(r.p50Ms));
    expect(await widget.locator('.widget-verdict').textContent()).toContain(
      `${r.p99Ms <= 150 ? 'meets' : 'misses'} the 150 ms SLO`,
    );
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });
});
