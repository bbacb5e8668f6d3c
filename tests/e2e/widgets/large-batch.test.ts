// The large-batch calculator in Chromium: inputs change the global batch, steps and learning rate,
// a too-large linear scaling earns a caution, bad input shows a message, a shared URL reproduces it.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { scaledLearningRate, stepsPerEpoch } from '../../../src/lib/systems/training.ts';
import { fmtRate } from '../../../src/widgets/large-batch/view.ts';

const PAGE = '/lifecycle/scaling-training/';
const TAG = 'large-batch';
const IMAGENET = 1_281_167;
const lr = (batch: number, rule: 'linear' | 'sqrt' = 'linear') =>
  fmtRate(scaledLearningRate({ baseLr: 0.1, baseBatch: 256, batch, rule }));

describeInBrowser('large-batch scaling', ({ browser, url }) => {
  it('renders Goyal et al. (0.1 at 256 -> 3.2 at 8,192), then recomputes as the batch grows', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Global batch')).toBe('8,192');
    expect(await readout(widget, 'Peak learning rate')).toBe(lr(8192));
    expect(lr(8192)).toBe('3.2');
    expect(await readout(widget, 'Steps per epoch')).toBe(
      String(stepsPerEpoch({ datasetSize: IMAGENET, globalBatch: 8192, dropLast: true })),
    );
    await setField(widget, 'workers', '1024');
    await setField(widget, 'perWorker', '64');
    await expect.poll(() => readout(widget, 'Global batch')).toBe('65,536');
    expect(await readout(widget, 'Peak learning rate')).toBe(lr(65536));
    expect(await widget.locator('.lb-caution').first().textContent()).toContain(
      'Caution: the linear rule multiplies the base rate by 256',
    );
    expect(page.url()).toContain('lb.workers=1024');
    await setField(widget, 'rule', 'sqrt');
    await expect.poll(() => readout(widget, 'Peak learning rate')).toBe(lr(65536, 'sqrt'));
    expect(await widget.locator('.lb-caution').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'workers', '');
    await expect
      .poll(() => widget.locator('[data-problem-for="workers"]').first().textContent())
      .toBe('Workers (GPUs) must be a number.');
    expect(await readout(widget, 'Global batch')).toBe('8,192');
    await setField(widget, 'perWorker', '-8');
    await expect
      .poll(() => widget.locator('[data-problem-for="perWorker"]').textContent())
      .toBe('Batch per worker must be between 1 and 4096.');
    await setField(widget, 'baseLr', '0');
    await expect
      .poll(() => widget.locator('[data-problem-for="baseLr"]').textContent())
      .toBe('Base learning rate must be between 0.000001 and 10.');
    await setField(widget, 'dataset', '1000');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe(
        'The dataset (1,000 examples) is smaller than one global batch (8,192), and the last incomplete batch is dropped, so an epoch has no steps at all. Use fewer workers or a smaller batch, or untick "Drop the last incomplete batch".',
      );
    await widget.locator('input[type=checkbox][name="dropLast"]').uncheck();
    await expect.poll(() => readout(widget, 'Steps per epoch')).toBe('1');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and copies it', async () => {
    const shared = `${url(PAGE)}?lb.workers=8&lb.accum=4`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('input[type=number][name="accum"]').inputValue()).toBe('4');
    expect(await readout(widget, 'Global batch')).toBe('1,024');
    expect(await readout(widget, 'Peak learning rate')).toBe(lr(1024));
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });

  it('applies the fine-tune preset and fits a 360 px screen', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG, 360);
    await widget.locator('button', { hasText: 'Small fine-tune' }).click();
    await expect.poll(() => readout(widget, 'Global batch')).toBe('64');
    expect(await readout(widget, 'Peak learning rate')).toBe(
      fmtRate(scaledLearningRate({ baseLr: 2e-5, baseBatch: 32, batch: 64, rule: 'sqrt' })),
    );
    expect(await widget.locator('section.widget').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await close();
  });
});
