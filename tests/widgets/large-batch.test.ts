// The large-batch calculator's pure view: Goyal et al.'s ImageNet numbers, the square-root rule,
// gradient accumulation, the cautions, and bad input.
import { describe, expect, it } from 'vitest';
import { fmtRate, sampleSteps, view } from '../../src/widgets/large-batch/view.ts';
import { schema } from '../../src/widgets/large-batch/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);

describe('large-batch view: ImageNet, ResNet-50 (Goyal et al. 2017, arXiv:1706.02677)', () => {
  it('256 workers × 32 = 8,192; the linear rule takes 0.1 at 256 to 3.2; 156 steps an epoch, 780 warmup steps', () => {
    const markup = html({});
    expect(readout(markup, 'Global batch')).toBe('8,192');
    expect(readout(markup, 'Times the base batch')).toBe('32×');
    expect(readout(markup, 'Peak learning rate')).toBe('3.2');
    // floor(1,281,167 / 8,192) with drop_last; 5 warmup epochs; 90 epochs.
    expect(readout(markup, 'Steps per epoch')).toBe('156');
    expect(readout(markup, 'Warmup steps')).toBe('780');
    expect(readout(markup, 'Total steps')).toBe('14,040');
    expect(markup).toContain('the square-root rule would give 0.566');
    const result = view(state({}));
    expect(result.ok && result.summary).toBe(
      'Global batch 8,192, 156 steps per epoch, peak learning rate 3.2 by the linear rule, 780 warmup steps of 14,040.',
    );
  });

  it('counts the last partial batch without drop_last, as len(DataLoader): 157', () => {
    expect(readout(html({ dropLast: false }), 'Steps per epoch')).toBe('157');
  });

  it('square-root rule: 0.1 × √32 = 0.566', () => {
    const markup = html({ rule: 'sqrt' });
    expect(readout(markup, 'Peak learning rate')).toBe('0.566');
    expect(markup).toContain('the linear rule would give 3.2');
    expect(markup).not.toContain('Caution');
  });

  it('multiplies in gradient accumulation: 8 × 32 × 4 = 1,024, so 0.1 -> 0.4', () => {
    const markup = html({ workers: 8, perWorker: 32, accum: 4 });
    expect(readout(markup, 'Global batch')).toBe('1,024');
    expect(readout(markup, 'Peak learning rate')).toBe('0.4');
    expect(markup).toContain('8 workers × 32 examples × 4 accumulation steps');
  });

  it('draws the warmup end and the base rate on the schedule chart', () => {
    const markup = html({});
    expect(markup).toContain('warmup ends');
    expect(markup).toContain('base rate');
    expect(markup).toContain('Learning rate along the run: warmup to 3.2, then cosine decay');
    expect(markup).toContain('Epoch (156 steps each)');
  });
});

describe('large-batch view: cautions', () => {
  it('cautions above 10 times the base rate, more strongly above 32 times', () => {
    expect(html({})).toContain('Caution: the linear rule multiplies the base rate by 32 (0.1 → 3.2)');
    const tooBig = html(schema.presets[2]!.state);
    expect(readout(tooBig, 'Global batch')).toBe('65,536');
    expect(readout(tooBig, 'Peak learning rate')).toBe('25.6');
    expect(tooBig).toContain('Caution: the linear rule multiplies the base rate by 256 (0.1 → 25.6)');
    expect(tooBig).toContain('A rate this large is likely to diverge');
    expect(html({ workers: 80 })).not.toContain('Caution'); // 2,560 = 10 times: no caution yet
    expect(html({ workers: 88 })).toContain('Caution'); // 11 times
  });

  it('warns when there is no warmup at a large rate', () => {
    expect(html({ warmup: 0 })).toContain('There is no warmup');
    expect(html({ warmup: 0 })).toContain('expect the loss to blow up');
  });

  it('says when one batch already covers the dataset', () => {
    const markup = html({ dataset: 5000, dropLast: false });
    expect(readout(markup, 'Steps per epoch')).toBe('1');
    expect(markup).toContain('One global batch already covers the whole dataset');
  });
});

describe('large-batch view: schema.presets', () => {
  it('small fine-tune: 2 × 16 × 2 = 64, square root from 2e-5 at 32 gives 2.83e-5, 782 steps an epoch, no caution', () => {
    const markup = html(schema.presets[1]!.state);
    expect(readout(markup, 'Global batch')).toBe('64');
    expect(readout(markup, 'Peak learning rate')).toBe('2.83e-5');
    expect(readout(markup, 'Steps per epoch')).toBe('782');
    expect(readout(markup, 'Warmup steps')).toBe('235');
    expect(markup).not.toContain('Caution');
    // Tiny rates are plotted in a scaled unit so the tick labels stay short.
    expect(markup).toContain('Learning rate (× 1e-5)');
    expect(html({})).not.toContain('Learning rate (×');
  });

  it('the Goyal preset is the default state', () => {
    expect(html(schema.presets[0]!.state)).toBe(html({}));
  });
});

describe('large-batch view: helpers', () => {
  it('formats rates to three significant digits', () => {
    expect(fmtRate(3.2)).toBe('3.2');
    expect(fmtRate(0.565685)).toBe('0.566');
    expect(fmtRate(0.00002)).toBe('2e-5');
    expect(() => fmtRate(NaN)).toThrow();
  });

  it('samples whole steps from 0 to the end, including the end of warmup', () => {
    const steps = sampleSteps(14040, 780);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(14040);
    expect(steps).toContain(780);
    expect(steps.every(Number.isInteger)).toBe(true);
    expect(sampleSteps(3, 1)).toEqual([0, 1, 2, 3]);
  });
});

describe('large-batch view: bad input', () => {
  it('explains an epoch with no steps when the dataset is smaller than one batch', () => {
    expect(error({ dataset: 1000 })).toBe(
      'The dataset (1,000 examples) is smaller than one global batch (8,192), and the last incomplete batch is dropped, so an epoch has no steps at all. Use fewer workers or a smaller batch, or untick &#34;Drop the last incomplete batch&#34;.',
    );
  });

  it('counts in the singular when there is one (probe C3)', () => {
    expect(error({ dataset: 1 })).toContain('The dataset (1 example) is smaller');
    expect(error({ warmup: 2, epochs: 1 })).toContain('The warmup (2 epochs) is longer than the whole run (1 epoch).');
  });

  it('refuses a warmup longer than the run', () => {
    expect(error({ warmup: 100 })).toBe(
      'The warmup (100 epochs) is longer than the whole run (90 epochs). Shorten the warmup or train for more epochs.',
    );
  });

  it('refuses empty, zero, negative, non-numeric and fractional inputs', () => {
    expect(fieldProblem(schema.fields.workers, '')).toBe('Workers (GPUs) must be a number.');
    expect(fieldProblem(schema.fields.workers, 'eight')).toBe('Workers (GPUs) must be a number.');
    expect(fieldProblem(schema.fields.workers, '0')).toBe('Workers (GPUs) must be between 1 and 4096.');
    expect(fieldProblem(schema.fields.perWorker, '-32')).toBe('Batch per worker must be between 1 and 4096.');
    expect(fieldProblem(schema.fields.perWorker, '2.5')).toBe('Batch per worker must be a whole number.');
    expect(fieldProblem(schema.fields.baseLr, '0')).toBe('Base learning rate must be between 0.000001 and 10.');
    expect(fieldProblem(schema.fields.dataset, '0')).toBe('Training examples must be between 1 and 10000000000.');
  });
});
