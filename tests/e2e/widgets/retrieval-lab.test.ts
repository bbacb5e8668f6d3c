// The retrieval lab in Chromium: nprobe moves recall and cost, the RRF panel follows the reader's
// relevant items, bad input gets a message, a shared link reproduces the state, and it fits a
// 360 px screen, axe-clean in both themes.
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

const PAGE = '/llm/rag/';
const TAG = 'retrieval-lab';

describeInBrowser('retrieval lab', ({ browser, url }) => {
  it('IVF: probing every list finds every neighbor at N + nlist distances', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Exact search')).toBe('2,000');
    const before = await readout(widget, 'Distances per query');
    await setField(widget, 'nprobe', '32');
    await expect.poll(() => readout(widget, 'Distances per query')).toBe('2,032');
    expect(before).not.toBe('2,032');
    expect(await readout(widget, 'Recall@10')).toBe('100.0%');
    expect(page.url()).toContain('rl.nprobe=32');
    expect(errors).toEqual([]);
    await close();
  });

  it('RRF: fuses the chapter example and rescores when the relevant items change', async () => {
    const { widget, errors, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'lab', 'rrf');
    await expect.poll(() => widgetText(widget)).toContain('0.03252');
    const fusedRow = () => widget.locator('tr', { hasText: 'Fused (RRF)' }).textContent();
    expect(await fusedRow()).toBe('Fused (RRF)100%1.000');
    await setField(widget, 'relevant', 'D');
    await expect.poll(fusedRow).toBe('Fused (RRF)0%0.200');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'nlist', '8');
    await setField(widget, 'nprobe', '9');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Lists probed (nprobe = 9) cannot exceed the lists in the index (nlist = 8).');
    await setField(widget, 'n', '100');
    await expect
      .poll(() => widget.locator('[data-problem-for="n"]').textContent())
      .toBe('Vectors indexed must be between 500 and 5000.');
    await setField(widget, 'lab', 'rrf');
    await setField(widget, 'bm25', ' , ');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('The BM25 ranking is empty: list item names, best first, separated by commas.');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link of the RRF panel with the reader’s labels', async () => {
    const shared = `${url(PAGE)}?rl.lab=rrf&rl.relevant=D&rl.cutoff=5`;
    const { widget, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('[name="relevant"]').inputValue()).toBe('D');
    expect(await widget.locator('tr', { hasText: 'Fused (RRF)' }).textContent()).toBe('Fused (RRF)100%0.200');
    await close();
  });

  it(
    'fits a 360 px screen with the largest IVF preset, axe-clean in both themes',
    async () => {
      const ivf = await presetOnNarrowScreen(browser(), url(PAGE), TAG, 'IVF: 5,000 vectors, 64 lists', (widget) =>
        expect.poll(() => readout(widget, 'Exact search')).toBe('5,000'),
      );
      expect(ivf).toEqual({ fits: true, axe: [], errors: [] });
    },
    NARROW_CHECK_TIMEOUT,
  );

  it(
    'fits a 360 px screen with the RRF panel, axe-clean in both themes',
    async () => {
      const rrf = await presetOnNarrowScreen(browser(), url(PAGE), TAG, 'RRF: the RAG chapter example', (widget) =>
        expect.poll(() => widgetText(widget)).toContain('0.03252'),
      );
      expect(rrf).toEqual({ fits: true, axe: [], errors: [] });
    },
    NARROW_CHECK_TIMEOUT,
  );
});
