import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confusionAtThreshold, confusionMatrix } from '../../../src/lib/metrics/confusion.ts';
import { expectMetricError, shuffled } from '../expect-error.ts';

describe('confusionMatrix', () => {
  it('counts the matthews_corrcoef docstring example', () => {
    // scikit-learn matthews_corrcoef docstring: y_true = [+1, +1, +1, -1], y_pred = [+1, -1, +1, +1]
    // (-1 mapped to 0); confusion_matrix(...).ravel() = (tn, fp, fn, tp) = (0, 1, 1, 2).
    expect(confusionMatrix([1, 1, 1, 0], [1, 0, 1, 1])).toEqual({ tp: 2, fp: 1, tn: 0, fn: 1 });
  });

  it('matches scikit-learn confusion_matrix on a 12-example case', () => {
    // sklearn 1.2.1: confusion_matrix(yt, yp).ravel() = [3 2 2 5] (tn, fp, fn, tp).
    const yt = [0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1];
    const yp = [0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0];
    expect(confusionMatrix(yt, yp)).toEqual({ tp: 5, fp: 2, tn: 3, fn: 2 });
  });

  it('rejects empty, mismatched and non-binary input', () => {
    expectMetricError(() => confusionMatrix([], []), 'empty');
    expectMetricError(() => confusionMatrix([0, 1], [0]), 'length-mismatch', /2 values .* 1/);
    expectMetricError(() => confusionMatrix([0, 2], [0, 1]), 'not-binary', /yTrue\[1\] is 2/);
    expectMetricError(() => confusionMatrix([0, 1], [0, Number.NaN]), 'not-binary', /yPred\[1\] is NaN/);
  });

  it('always sums to n and is invariant to input order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 1)), { minLength: 1 }),
        fc.integer(),
        (pairs, seed) => {
          const counts = confusionMatrix(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          expect(counts.tp + counts.fp + counts.tn + counts.fn).toBe(pairs.length);
          const mixed = shuffled(pairs, seed);
          expect(
            confusionMatrix(
              mixed.map((p) => p[0]),
              mixed.map((p) => p[1]),
            ),
          ).toEqual(counts);
        },
      ),
    );
  });
});

describe('confusionAtThreshold', () => {
  const yTrue = [0, 0, 1, 1];
  const scores = [0.1, 0.4, 0.35, 0.8];

  it('predicts 1 for score >= threshold (the roc_curve convention)', () => {
    // Threshold 0.4 is a point on scikit-learn's roc_curve for this data: fpr 0.5, tpr 0.5.
    expect(confusionAtThreshold(yTrue, scores, 0.4)).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1 });
    expect(confusionAtThreshold(yTrue, scores, 0.35)).toEqual({ tp: 2, fp: 1, tn: 1, fn: 0 });
    expect(confusionAtThreshold(yTrue, scores, Infinity)).toEqual({ tp: 0, fp: 0, tn: 2, fn: 2 });
    expect(confusionAtThreshold(yTrue, scores, -Infinity)).toEqual({ tp: 2, fp: 2, tn: 0, fn: 0 });
  });

  it('rejects a NaN threshold, NaN scores and bad labels', () => {
    expectMetricError(() => confusionAtThreshold(yTrue, scores, Number.NaN), 'not-finite');
    expectMetricError(() => confusionAtThreshold(yTrue, [0.1, Number.NaN, 0.3, 0.4], 0.5), 'not-finite', /scores\[1\]/);
    expectMetricError(() => confusionAtThreshold([0, 0.5, 1, 1], scores, 0.5), 'not-binary');
    expectMetricError(() => confusionAtThreshold(yTrue, [0.1], 0.5), 'length-mismatch');
  });
});
