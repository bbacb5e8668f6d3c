import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { scaledLearningRate, stepsPerEpoch, warmupSchedule } from '../../../src/lib/systems/index.ts';

describe('scaledLearningRate', () => {
  it('linear rule: 0.1 at batch 256 becomes 3.2 at 8,192 (Goyal et al. 2017, arXiv:1706.02677, section 2.1)', () => {
    expect(scaledLearningRate({ baseLr: 0.1, baseBatch: 256, batch: 8192, rule: 'linear' })).toBeCloseTo(3.2, 12);
  });

  it('square-root rule: 4 times the batch doubles the rate', () => {
    expect(scaledLearningRate({ baseLr: 1e-3, baseBatch: 512, batch: 2048, rule: 'sqrt' })).toBeCloseTo(2e-3, 15);
  });

  it('leaves the rate unchanged at the base batch and scales down for smaller batches', () => {
    expect(scaledLearningRate({ baseLr: 0.1, baseBatch: 256, batch: 256, rule: 'sqrt' })).toBe(0.1);
    expect(scaledLearningRate({ baseLr: 0.1, baseBatch: 256, batch: 64, rule: 'linear' })).toBeCloseTo(0.025, 15);
  });

  it.each([
    [{ baseLr: 0 }, /baseLr is 0/],
    [{ baseLr: -0.1 }, /baseLr/],
    [{ baseLr: NaN }, /baseLr is NaN/],
    [{ baseBatch: 0 }, /baseBatch/],
    [{ batch: 100.5 }, /batch is 100.5/],
    [{ rule: 'cubic' }, /rule/],
  ])('rejects %o', (override, message) => {
    const input = { baseLr: 0.1, baseBatch: 256, batch: 1024, rule: 'linear', ...override };
    expect(() => scaledLearningRate(input as Parameters<typeof scaledLearningRate>[0])).toThrow(message);
  });
});

describe('stepsPerEpoch', () => {
  // ImageNet-1k has 1,281,167 training images (Russakovsky et al. 2015); as len(DataLoader).
  it('counts the last partial batch unless dropLast, like torch.utils.data.DataLoader', () => {
    expect(stepsPerEpoch({ datasetSize: 1_281_167, globalBatch: 8192, dropLast: false })).toBe(157);
    expect(stepsPerEpoch({ datasetSize: 1_281_167, globalBatch: 8192, dropLast: true })).toBe(156);
    expect(stepsPerEpoch({ datasetSize: 1000, globalBatch: 100, dropLast: true })).toBe(10);
    expect(stepsPerEpoch({ datasetSize: 10, globalBatch: 100, dropLast: false })).toBe(1);
  });

  it('throws instead of returning an epoch of 0 steps', () => {
    expect(() => stepsPerEpoch({ datasetSize: 10, globalBatch: 100, dropLast: true })).toThrow(/0 steps/);
  });

  it.each([
    [{ datasetSize: 0 }],
    [{ datasetSize: 10.5 }],
    [{ globalBatch: -1 }],
    [{ globalBatch: Infinity }],
    [{ dropLast: 'yes' }],
  ])('rejects %o', (override) => {
    const input = { datasetSize: 1000, globalBatch: 10, dropLast: false, ...override };
    expect(() => stepsPerEpoch(input as Parameters<typeof stepsPerEpoch>[0])).toThrow(MetricInputError);
  });
});

describe('warmupSchedule', () => {
  it('warms up linearly from 0, then follows a half cosine to 0 (Hugging Face get_cosine_schedule_with_warmup)', () => {
    const lr = warmupSchedule({ peakLr: 1, warmupSteps: 2, totalSteps: 6 });
    // Decay steps: progress 0, 1/4, 1/2, 3/4, 1 -> ½(1 + cos(π·progress)); ½(1 + cos(π/4)) = 0.8535533905932737.
    const expected = [0, 0.5, 1, 0.8535533905932737, 0.5, 0.14644660940672627, 0];
    expect(lr).toHaveLength(7);
    lr.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 12));
  });

  it('stays at the peak after warmup with constant decay (get_constant_schedule_with_warmup)', () => {
    expect(
      warmupSchedule({ peakLr: 3e-4, warmupSteps: 4, totalSteps: 8, decay: 'constant', steps: [0, 2, 4, 8] }),
    ).toEqual([0, 1.5e-4, 3e-4, 3e-4]);
  });

  it('decays to minLr, not 0, when a floor is given', () => {
    const [atPeak, atEnd] = warmupSchedule({
      peakLr: 1,
      minLr: 0.1,
      warmupSteps: 10,
      totalSteps: 110,
      steps: [10, 110],
    });
    expect(atPeak).toBe(1);
    expect(atEnd).toBeCloseTo(0.1, 15);
  });

  it('handles no warmup and warmup over the whole run', () => {
    expect(warmupSchedule({ peakLr: 2, warmupSteps: 0, totalSteps: 4, steps: [0] })).toEqual([2]);
    expect(warmupSchedule({ peakLr: 2, warmupSteps: 4, totalSteps: 4, steps: [2, 4] })).toEqual([1, 2]);
  });

  it('stays within [0, peakLr] and rises monotonically during warmup (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (totalSteps, peakLr, warmupShare) => {
          const warmupSteps = Math.floor(totalSteps * warmupShare);
          const lr = warmupSchedule({ peakLr, warmupSteps, totalSteps });
          expect(lr).toHaveLength(totalSteps + 1);
          for (const value of lr) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(peakLr * (1 + 1e-12));
          }
          for (let i = 1; i <= warmupSteps; i++) expect(lr[i]).toBeGreaterThan(lr[i - 1] as number);
        },
      ),
    );
  });

  it.each([
    [{ peakLr: 0 }, /peakLr/],
    [{ totalSteps: 0 }, /totalSteps/],
    [{ warmupSteps: 11 }, /warmupSteps is 11/],
    [{ warmupSteps: 1.5 }, /warmupSteps/],
    [{ steps: [0, 11] }, /steps\[1\] is 11/],
    [{ steps: [-1] }, /steps\[0\]/],
    [{ minLr: 2 }, /minLr 2 is above peakLr/],
    [{ decay: 'linear' }, /decay/],
    [{ totalSteps: 1e6, warmupSteps: 0 }, /pass the steps/],
  ])('rejects %o', (override, message) => {
    const input = { peakLr: 1, warmupSteps: 2, totalSteps: 10, ...override };
    expect(() => warmupSchedule(input as Parameters<typeof warmupSchedule>[0])).toThrow(message);
  });

  it('samples a long run when steps are given', () => {
    expect(warmupSchedule({ peakLr: 1, warmupSteps: 0, totalSteps: 1e6, steps: [5e5] })[0]).toBeCloseTo(0.5, 12);
  });
});
