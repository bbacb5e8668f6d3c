import { describe, expect, it } from 'vitest';
import { syntheticProbabilities } from '../../../src/lib/datasets/probabilities.ts';
import { expectedCalibrationError } from '../../../src/lib/metrics/calibration.ts';
import { confidenceGap } from '../../../src/lib/metrics/reliability.ts';
import { expectMetricError } from '../expect-error.ts';

describe('syntheticProbabilities', () => {
  it('is deterministic for a seed and gives probabilities in [0, 1] with 0/1 labels', () => {
    const a = syntheticProbabilities({ n: 500, temperature: 0.5, seed: 7 });
    const b = syntheticProbabilities({ n: 500, temperature: 0.5, seed: 7 });
    expect(a).toEqual(b);
    expect(a.probs).toHaveLength(500);
    expect(a.probs.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(a.yTrue.every((y) => y === 0 || y === 1)).toBe(true);
    expect(syntheticProbabilities({ n: 500, temperature: 0.5, seed: 8 })).not.toEqual(a);
  });

  it('temperature 1 is calibrated, below 1 over-confident, above 1 under-confident', () => {
    const data = (temperature: number) => syntheticProbabilities({ n: 20_000, temperature, seed: 1 });
    const calibrated = data(1);
    const over = data(0.4);
    const under = data(2.5);
    // With 20,000 examples the binning noise of a calibrated model stays below 0.02.
    expect(expectedCalibrationError(calibrated.yTrue, calibrated.probs, 10)).toBeLessThan(0.02);
    expect(Math.abs(confidenceGap(calibrated.yTrue, calibrated.probs).gap)).toBeLessThan(0.01);
    expect(confidenceGap(over.yTrue, over.probs).gap).toBeGreaterThan(0.05);
    expect(confidenceGap(under.yTrue, under.probs).gap).toBeLessThan(-0.05);
    expect(expectedCalibrationError(over.yTrue, over.probs, 10)).toBeGreaterThan(0.05);
    expect(expectedCalibrationError(under.yTrue, under.probs, 10)).toBeGreaterThan(0.05);
  });

  it('keeps the labels and changes only the reported probabilities with the temperature', () => {
    const a = syntheticProbabilities({ n: 100, temperature: 1, seed: 3 });
    const b = syntheticProbabilities({ n: 100, temperature: 3, seed: 3 });
    expect(b.yTrue).toEqual(a.yTrue);
    // The logit is divided by 3: logit(b) = logit(a) / 3.
    const logit = (p: number) => Math.log(p / (1 - p));
    a.probs.forEach((p, i) => expect(logit(b.probs[i] as number)).toBeCloseTo(logit(p) / 3, 9));
  });

  it('rejects impossible settings', () => {
    expectMetricError(() => syntheticProbabilities({ n: 1, temperature: 1, seed: 1 }), 'out-of-range', /at least 2/);
    expectMetricError(() => syntheticProbabilities({ n: 10, temperature: 0, seed: 1 }), 'out-of-range', /temperature/);
    expectMetricError(
      () => syntheticProbabilities({ n: 10, temperature: 1, spread: -1, seed: 1 }),
      'out-of-range',
      /spread/,
    );
  });
});
