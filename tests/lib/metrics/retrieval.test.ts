import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  averagePrecisionAtK,
  meanAveragePrecision,
  meanReciprocalRank,
  precisionAtK,
  recallAtK,
  reciprocalRank,
} from '../../../src/lib/metrics/retrieval.ts';
import { averagePrecision } from '../../../src/lib/metrics/precision-recall.ts';
import { expectMetricError } from '../expect-error.ts';

const rankedList = fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 40 });

describe('reciprocal rank and MRR', () => {
  it('follows the Wikipedia MRR example', () => {
    // Wikipedia "Mean reciprocal rank": first relevant at ranks 3, 2, 1 -> RR 1/3, 1/2, 1; MRR 11/18.
    expect(reciprocalRank([0, 0, 1])).toBeCloseTo(1 / 3, 15);
    expect(
      meanReciprocalRank([
        [0, 0, 1],
        [0, 1, 0],
        [1, 0, 0],
      ]),
    ).toBeCloseTo(11 / 18, 15);
  });

  it('is 0 when nothing relevant was returned', () => {
    expect(reciprocalRank([0, 0, 0])).toBe(0);
    expect(
      meanReciprocalRank([
        [0, 0],
        [1, 0],
      ]),
    ).toBe(0.5);
  });

  it('rejects empty and non-binary lists', () => {
    expectMetricError(() => reciprocalRank([]), 'empty');
    expectMetricError(() => reciprocalRank([0, 2]), 'not-binary');
    expectMetricError(() => meanReciprocalRank([]), 'empty', /queries/);
    expectMetricError(() => meanReciprocalRank([[1], [0, 0.5]]), 'not-binary', /queries\[1\]\[1\]/);
  });
});

describe('precision@k and recall@k', () => {
  it('computes the hand-checked values', () => {
    expect(precisionAtK([1, 0, 1, 1, 0], 3)).toBeCloseTo(2 / 3, 15);
    expect(precisionAtK([1, 0, 1, 1, 0], 1)).toBe(1);
    expect(recallAtK([1, 0, 1, 1, 0], 2)).toBeCloseTo(1 / 3, 15);
    expect(recallAtK([1, 0, 1, 1, 0], 5)).toBe(1);
  });

  it('keeps k as the precision denominator when the list is shorter', () => {
    expect(precisionAtK([1, 1], 5)).toBe(0.4);
  });

  it('recall@k with no relevant item follows zeroDivision', () => {
    expect(recallAtK([0, 0, 0], 2)).toBe(0);
    expect(recallAtK([0, 0, 0], 2, { zeroDivision: 1 })).toBe(1);
    expectMetricError(() => recallAtK([0, 0, 0], 2, { zeroDivision: 'throw' }), 'undefined', /no relevant items/);
  });

  it('rejects a bad k', () => {
    expectMetricError(() => precisionAtK([1, 0], 0), 'out-of-range');
    expectMetricError(() => recallAtK([1, 0], Number.NaN), 'not-finite');
  });

  it('are in [0, 1], and recall@k never decreases with k', () => {
    fc.assert(
      fc.property(rankedList, fc.integer({ min: 1, max: 45 }), (ranked, k) => {
        const p = precisionAtK(ranked, k);
        const r = recallAtK(ranked, k);
        for (const value of [p, r]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        expect(recallAtK(ranked, k + 1)).toBeGreaterThanOrEqual(r);
      }),
    );
  });
});

describe('average precision@k and MAP', () => {
  it('computes the hand-checked values', () => {
    // Relevant at ranks 1 and 3: (1/1 + 2/3) / 2.
    expect(averagePrecisionAtK([1, 0, 1, 0, 0])).toBeCloseTo(5 / 6, 15);
    // Relevant at ranks 2 and 3, k = 2: (1/2) / min(2, 2).
    expect(averagePrecisionAtK([0, 1, 1], 2)).toBe(0.25);
    expect(averagePrecisionAtK([0, 1, 1])).toBeCloseTo(7 / 12, 15);
    expect(averagePrecisionAtK([0, 0, 0])).toBe(0);
    expect(
      meanAveragePrecision([
        [1, 0, 1, 0, 0],
        [0, 1, 1],
      ]),
    ).toBeCloseTo((5 / 6 + 7 / 12) / 2, 15);
    expect(
      meanAveragePrecision(
        [
          [1, 0, 1, 0, 0],
          [0, 1, 1],
        ],
        2,
      ),
    ).toBeCloseTo((1 / 2 + 1 / 4) / 2, 15);
  });

  it('without k equals scikit-learn average_precision_score of the list in rank order', () => {
    // sklearn 1.2.1: average_precision_score([1,0,1,0,0], -arange(5)) -> 0.8333333333333333,
    // average_precision_score([0,1,1], -arange(3)) -> 0.5833333333333333.
    expect(averagePrecisionAtK([1, 0, 1, 0, 0])).toBeCloseTo(0.8333333333333333, 15);
    expect(averagePrecisionAtK([0, 1, 1])).toBeCloseTo(0.5833333333333333, 15);
    fc.assert(
      fc.property(rankedList, (ranked) => {
        fc.pre(ranked.includes(1));
        const descendingScores = ranked.map((_, i) => -i);
        expect(averagePrecisionAtK(ranked)).toBeCloseTo(averagePrecision(ranked, descendingScores), 12);
      }),
    );
  });

  it('is in [0, 1] and 1 when every relevant item comes first', () => {
    fc.assert(
      fc.property(rankedList, fc.option(fc.integer({ min: 1, max: 45 }), { nil: undefined }), (ranked, k) => {
        const ap = averagePrecisionAtK(ranked, k);
        expect(ap).toBeGreaterThanOrEqual(0);
        expect(ap).toBeLessThanOrEqual(1 + 1e-12);
        const ideal = [...ranked].sort((a, b) => b - a);
        if (ranked.includes(1)) expect(averagePrecisionAtK(ideal, k)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => averagePrecisionAtK([]), 'empty');
    expectMetricError(() => averagePrecisionAtK([1], 0), 'out-of-range');
    expectMetricError(() => meanAveragePrecision([]), 'empty');
    expectMetricError(() => meanAveragePrecision([[1], []]), 'empty', /queries\[1\]/);
  });
});
