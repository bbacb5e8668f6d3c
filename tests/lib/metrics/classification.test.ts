import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accuracy,
  classificationMetrics,
  f1Score,
  fBeta,
  matthewsCorrcoef,
  precision,
  recall,
  specificity,
} from '../../../src/lib/metrics/classification.ts';
import { confusionMatrix } from '../../../src/lib/metrics/confusion.ts';
import { expectMetricError } from '../expect-error.ts';

// yt/yp below: values computed with scikit-learn 1.2.1 (accuracy_score, precision_score,
// recall_score, f1_score, fbeta_score, matthews_corrcoef).
const yt = [0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1];
const yp = [0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0];
const counts = confusionMatrix(yt, yp); // tp 5, fp 2, tn 3, fn 2

describe('threshold metrics against scikit-learn', () => {
  it('accuracy, precision, recall, F1, MCC', () => {
    expect(accuracy(counts)).toBeCloseTo(0.6666666666666666, 15);
    expect(precision(counts)).toBeCloseTo(0.7142857142857143, 15);
    expect(recall(counts)).toBeCloseTo(0.7142857142857143, 15);
    expect(f1Score(counts)).toBeCloseTo(0.7142857142857143, 15);
    expect(matthewsCorrcoef(counts)).toBeCloseTo(0.3142857142857143, 15);
    // Specificity = recall of class 0 = tn / (tn + fp) = 3 / 5.
    expect(specificity(counts)).toBe(0.6);
  });

  it('MCC of the matthews_corrcoef docstring example is -0.333...', () => {
    // scikit-learn docstring: matthews_corrcoef([+1, +1, +1, -1], [+1, -1, +1, +1]) -> -0.33...
    expect(matthewsCorrcoef(confusionMatrix([1, 1, 1, 0], [1, 0, 1, 1]))).toBeCloseTo(-1 / 3, 15);
  });

  it('fBeta matches fbeta_score for beta 0.5, 1 and 2', () => {
    // precision = recall = 5/7 here, so every F-beta is 5/7 (sklearn gives 0.7142857142857143).
    for (const beta of [0.5, 1, 2]) expect(fBeta(5 / 7, 5 / 7, beta)).toBeCloseTo(0.7142857142857143, 15);
    // Hand-checked: P = 0.5, R = 1, beta = 2: 5 · 0.5 / (4 · 0.5 + 1) = 0.8333...
    expect(fBeta(0.5, 1, 2)).toBeCloseTo(2.5 / 3, 15);
    expect(fBeta(0.5, 1, 1)).toBeCloseTo(2 / 3, 15);
  });
});

describe('zero division (scikit-learn zero_division)', () => {
  const noPredictedPositives = { tp: 0, fp: 0, tn: 3, fn: 2 };
  const noPositives = { tp: 0, fp: 1, tn: 3, fn: 0 };
  const noNegatives = { tp: 2, fp: 0, tn: 0, fn: 1 };
  const onlyNegativesPredictedNegative = { tp: 0, fp: 0, tn: 4, fn: 0 };

  it('returns 0 by default, as zero_division=0', () => {
    expect(precision(noPredictedPositives)).toBe(0);
    expect(recall(noPositives)).toBe(0);
    expect(specificity(noNegatives)).toBe(0);
    expect(f1Score(onlyNegativesPredictedNegative)).toBe(0);
  });

  it('returns 1 with zeroDivision: 1', () => {
    expect(precision(noPredictedPositives, { zeroDivision: 1 })).toBe(1);
    expect(recall(noPositives, { zeroDivision: 1 })).toBe(1);
    expect(f1Score(onlyNegativesPredictedNegative, { zeroDivision: 1 })).toBe(1);
    // F1 is 0, not zeroDivision, when only tp = 0 (scikit-learn >= 1.3).
    expect(f1Score(noPredictedPositives, { zeroDivision: 1 })).toBe(0);
  });

  it("throws an explanatory error with zeroDivision: 'throw'", () => {
    expectMetricError(
      () => recall(noPositives, { zeroDivision: 'throw' }),
      'undefined',
      /^Recall is undefined: there are no positive labels/,
    );
    expectMetricError(
      () => precision(noPredictedPositives, { zeroDivision: 'throw' }),
      'undefined',
      /predicted no positives/,
    );
    expectMetricError(() => specificity(noNegatives, { zeroDivision: 'throw' }), 'undefined', /no negative labels/);
    expectMetricError(() => f1Score(onlyNegativesPredictedNegative, { zeroDivision: 'throw' }), 'undefined');
  });

  it('MCC is 0 when a class is missing, as scikit-learn', () => {
    expect(matthewsCorrcoef(noPositives)).toBe(0);
    expect(matthewsCorrcoef(noPredictedPositives)).toBe(0);
  });

  it('fBeta is 0 when precision and recall are both 0', () => {
    expect(fBeta(0, 0, 1)).toBe(0);
    expect(fBeta(0, 0, 2)).toBe(0);
  });

  it('classificationMetrics lists which metrics were 0/0', () => {
    const result = classificationMetrics(noPositives);
    expect(result.recall).toBe(0);
    expect(result.undefinedMetrics).toEqual(['recall', 'mcc']);
    expect(classificationMetrics(counts).undefinedMetrics).toEqual([]);
    expectMetricError(() => classificationMetrics(noPositives, { zeroDivision: 'throw' }), 'undefined', /Recall/);
  });
});

describe('classificationMetrics', () => {
  it('bundles the single metrics', () => {
    expect(classificationMetrics(counts)).toEqual({
      accuracy: accuracy(counts),
      precision: precision(counts),
      recall: recall(counts),
      specificity: specificity(counts),
      f1: f1Score(counts),
      mcc: matthewsCorrcoef(counts),
      undefinedMetrics: [],
    });
  });

  it('never returns NaN and keeps every metric in range', () => {
    const count = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(count, count, count, count, (tp, fp, tn, fn) => {
        fc.pre(tp + fp + tn + fn > 0);
        const m = classificationMetrics({ tp, fp, tn, fn });
        for (const value of [m.accuracy, m.precision, m.recall, m.specificity, m.f1]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        expect(m.mcc).toBeGreaterThanOrEqual(-1);
        expect(m.mcc).toBeLessThanOrEqual(1);
        // F1 computed from counts equals the harmonic mean of precision and recall.
        expect(m.f1).toBeCloseTo(fBeta(m.precision, m.recall, 1), 12);
      }),
    );
  });
});

describe('input validation', () => {
  it('rejects negative, NaN and all-zero counts', () => {
    expectMetricError(() => accuracy({ tp: -1, fp: 0, tn: 1, fn: 0 }), 'out-of-range', /tp is -1/);
    expectMetricError(() => precision({ tp: Number.NaN, fp: 0, tn: 1, fn: 0 }), 'not-finite');
    expectMetricError(() => recall({ tp: 0, fp: 0, tn: 0, fn: 0 }), 'empty');
    expectMetricError(
      () => matthewsCorrcoef({ tp: 1e300, fp: 1e300, tn: 1e300, fn: 1e300 }),
      'out-of-range',
      /at most/,
    );
  });

  it('rejects fBeta inputs outside their ranges', () => {
    expectMetricError(() => fBeta(1.2, 0.5, 1), 'out-of-range', /precision/);
    expectMetricError(() => fBeta(0.5, -0.1, 1), 'out-of-range', /recall/);
    expectMetricError(() => fBeta(0.5, 0.5, 0), 'out-of-range', /beta/);
    expectMetricError(() => fBeta(0.5, Number.NaN, 1), 'not-finite');
  });
});

describe('fBeta over its whole domain', () => {
  it('stays in [0, 1] for any beta > 0, tending to precision (β -> 0) and recall (β -> ∞)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        unit,
        unit,
        fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }),
        (p, r, beta) => {
          const value = fBeta(p, r, beta);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
    expect(fBeta(0.4, 0.9, 1e200)).toBe(0.9);
    expect(fBeta(0.4, 0.9, 1e-200)).toBeCloseTo(0.4, 15);
  });
});
