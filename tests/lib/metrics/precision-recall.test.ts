import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averagePrecision, precisionRecallCurve } from '../../../src/lib/metrics/precision-recall.ts';
import { expectMetricError, shuffled } from '../expect-error.ts';

const labelledScores = fc
  .array(fc.tuple(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 8 })), { minLength: 1, maxLength: 60 })
  .filter((pairs) => pairs.some((p) => p[0] === 1));

describe('precisionRecallCurve', () => {
  it('matches the precision_recall_curve docstring example', () => {
    // scikit-learn docstring (>= 1.1): precision [0.5, 0.66666667, 0.5, 1, 1],
    // recall [1, 1, 0.5, 0.5, 0], thresholds [0.1, 0.35, 0.4, 0.8].
    const curve = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(curve.precision).toEqual([0.5, 2 / 3, 0.5, 1, 1]);
    expect(curve.recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(curve.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
  });

  it('groups ties as scikit-learn', () => {
    // sklearn 1.2.1 precision_recall_curve on tied scores.
    const curve = precisionRecallCurve(
      [1, 0, 1, 1, 0, 0, 1, 0, 1, 0],
      [0.9, 0.9, 0.7, 0.5, 0.5, 0.5, 0.3, 0.2, 0.2, 0.1],
    );
    expect(curve.thresholds).toEqual([0.1, 0.2, 0.3, 0.5, 0.7, 0.9]);
    expect(curve.recall).toEqual([1, 1, 0.8, 0.6, 0.4, 0.2, 0]);
    const expected = [0.5, 0.5555555555555556, 0.5714285714285714, 0.5, 0.6666666666666666, 0.5, 1];
    curve.precision.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 15));
  });

  it('works with no negatives; throws with no positives (sklearn warns and sets recall to 1)', () => {
    expect(precisionRecallCurve([1, 1], [0.3, 0.6]).precision).toEqual([1, 1, 1]);
    expectMetricError(() => precisionRecallCurve([0, 0], [0.3, 0.6]), 'undefined', /no positive labels/);
  });

  it('has one more precision/recall value than thresholds, and recall never increases', () => {
    fc.assert(
      fc.property(labelledScores, (pairs) => {
        const curve = precisionRecallCurve(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(curve.precision.length).toBe(curve.thresholds.length + 1);
        expect(curve.recall.length).toBe(curve.thresholds.length + 1);
        for (let i = 1; i < curve.recall.length; i++) {
          expect(curve.recall[i]).toBeLessThanOrEqual(curve.recall[i - 1] as number);
        }
      }),
    );
  });
});

describe('averagePrecision', () => {
  it('is 0.8333... for the average_precision_score docstring example', () => {
    // scikit-learn docstring: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) -> 0.83...
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333333333, 15);
  });

  it('uses the step-wise sum, not trapezoids, with ties as one step', () => {
    // sklearn 1.2.1 average_precision_score: 0.5587301587301587 (ties), 0.8303571428571428 (ranked).
    expect(
      averagePrecision([1, 0, 1, 1, 0, 0, 1, 0, 1, 0], [0.9, 0.9, 0.7, 0.5, 0.5, 0.5, 0.3, 0.2, 0.2, 0.1]),
    ).toBeCloseTo(0.5587301587301587, 15);
    expect(
      averagePrecision([1, 1, 0, 1, 0, 0, 1, 0, 0, 0], [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]),
    ).toBeCloseTo(0.8303571428571428, 15);
  });

  it('equals Σ (R_n - R_{n-1}) P_n over the curve', () => {
    fc.assert(
      fc.property(labelledScores, (pairs) => {
        const yTrue = pairs.map((p) => p[0]);
        const scores = pairs.map((p) => p[1]);
        const { precision, recall } = precisionRecallCurve(yTrue, scores);
        let sum = 0;
        for (let i = 0; i < recall.length - 1; i++)
          sum += ((recall[i] as number) - (recall[i + 1] as number)) * (precision[i] as number);
        expect(averagePrecision(yTrue, scores)).toBeCloseTo(sum, 12);
      }),
    );
  });

  it('is in (0, 1], 1 for a perfect ranking, and invariant to input order', () => {
    fc.assert(
      fc.property(labelledScores, fc.integer(), (pairs, seed) => {
        const yTrue = pairs.map((p) => p[0]);
        const ap = averagePrecision(
          yTrue,
          pairs.map((p) => p[1]),
        );
        expect(ap).toBeGreaterThan(0);
        expect(ap).toBeLessThanOrEqual(1 + 1e-12);
        expect(averagePrecision(yTrue, yTrue)).toBe(1);
        const mixed = shuffled(pairs, seed);
        expect(
          averagePrecision(
            mixed.map((p) => p[0]),
            mixed.map((p) => p[1]),
          ),
        ).toBeCloseTo(ap, 14);
      }),
    );
  });

  it('throws when there are no positives, or for bad input', () => {
    expectMetricError(
      () => averagePrecision([0, 0, 0], [0.1, 0.5, 0.9]),
      'undefined',
      /^Average precision is undefined/,
    );
    expectMetricError(() => averagePrecision([], []), 'empty');
    expectMetricError(() => averagePrecision([1, 0], [0.5, Number.NaN]), 'not-finite');
  });
});
