import { describe, expect, it } from 'vitest';
import { calibrationCurve } from '../../../src/lib/metrics/calibration.ts';
import { confidenceGap, reliabilityBinCounts } from '../../../src/lib/metrics/reliability.ts';
import { mulberry32 } from '../../../src/lib/random.ts';
import { expectMetricError } from '../expect-error.ts';

describe('reliabilityBinCounts', () => {
  it('counts every bin, empty ones included', () => {
    // The calibrationCurve doc example: counts [4, 2, 3] over 3 bins.
    expect(reliabilityBinCounts([0, 0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9], 3)).toEqual([4, 2, 3]);
    expect(reliabilityBinCounts([0.9, 0.95], 4)).toEqual([0, 0, 0, 2]);
    expect(reliabilityBinCounts([0.5], 1)).toEqual([1]);
  });

  it('puts values on an edge in the bin closed on the right, as scikit-learn', () => {
    // Edges 0.1, 0.2, ... : 0 and 0.1 are in bin 0, 0.2 in bin 1, 1 in bin 9.
    expect(reliabilityBinCounts([0, 0.1, 0.2, 0.5, 1], 10)).toEqual([2, 1, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('agrees with calibrationCurve counts on the non-empty bins', () => {
    const random = mulberry32(5);
    for (const nBins of [2, 3, 5, 7, 10, 13, 20]) {
      // Random values plus every exact edge k/nBins, where rounding could split them differently.
      const probs = [
        ...Array.from({ length: 300 }, () => random() ** 2),
        ...Array.from({ length: nBins + 1 }, (_, k) => k / nBins),
      ];
      const labels = probs.map((_, i) => i % 2);
      const counts = reliabilityBinCounts(probs, nBins);
      expect(counts).toHaveLength(nBins);
      expect(counts.filter((c) => c > 0)).toEqual(calibrationCurve(labels, probs, nBins).counts);
    }
  });

  it('rejects bad input with the usual messages', () => {
    expectMetricError(() => reliabilityBinCounts([], 5), 'empty');
    expectMetricError(() => reliabilityBinCounts([1.2], 5), 'out-of-range', /probabilities must be between 0 and 1/);
    expectMetricError(() => reliabilityBinCounts([0.2], 0), 'out-of-range', /nBins/);
  });
});

describe('confidenceGap', () => {
  it('matches a hand computation', () => {
    const result = confidenceGap([1, 0, 1, 0], [0.9, 0.2, 0.4, 0.6]);
    expect(result.meanConfidence).toBeCloseTo(0.725, 15);
    expect(result.accuracy).toBe(0.5);
    expect(result.gap).toBeCloseTo(0.225, 15);
  });

  it('is zero for a perfect, certain model and negative for an under-confident one', () => {
    expect(confidenceGap([1, 0], [1, 0])).toEqual({ meanConfidence: 1, accuracy: 1, gap: 0 });
    // Always right, but only 60% sure.
    expect(confidenceGap([1, 0, 1], [0.6, 0.4, 0.6]).gap).toBeCloseTo(-0.4, 15);
  });

  it('predicts label 1 at exactly 0.5, with confidence 0.5', () => {
    expect(confidenceGap([1, 0], [0.5, 0.5])).toEqual({ meanConfidence: 0.5, accuracy: 0.5, gap: 0 });
  });

  it('rejects bad input', () => {
    expectMetricError(() => confidenceGap([], []), 'empty');
    expectMetricError(() => confidenceGap([1], [0.5, 0.2]), 'length-mismatch');
    expectMetricError(() => confidenceGap([2], [0.5]), 'not-binary');
    expectMetricError(() => confidenceGap([1], [-0.1]), 'out-of-range');
  });
});
