import { describe, expect, it } from 'vitest';
import { dcg } from '../../../src/lib/metrics/ranking.ts';
import { rankingBreakdown } from '../../../src/lib/metrics/ranking-breakdown.ts';
import { mulberry32 } from '../../../src/lib/random.ts';
import { expectMetricError } from '../expect-error.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const countedSum = (b: ReturnType<typeof rankingBreakdown>) =>
  sum(b.rows.filter((r) => r.counted).map((r) => r.discountedGain));

describe('rankingBreakdown', () => {
  it('ranks the scikit-learn dcg_score example and sums to its DCG, 9.49945...', () => {
    // sklearn.metrics.dcg_score docstring: true_relevance [10, 0, 0, 1, 5], scores [.1, .2, .3, 4, 70] -> 9.49...
    const b = rankingBreakdown([10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70]);
    expect(b.rows.map((r) => r.item)).toEqual([4, 3, 2, 1, 0]);
    expect(b.rows.map((r) => r.relevance)).toEqual([5, 1, 0, 0, 10]);
    expect(b.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(b.rows[1]?.discount).toBeCloseTo(1 / Math.log2(3), 15);
    expect(b.rows[4]?.discountedGain).toBeCloseTo(10 / Math.log2(6), 15);
    expect(b.dcg).toBeCloseTo(9.499457825916874, 14);
    expect(countedSum(b)).toBeCloseTo(9.499457825916874, 14);
    expect(b.cutoff).toBe(5);
  });

  it('counts only the top k rows (dcg_score example with k=2: 5.63...)', () => {
    const b = rankingBreakdown([10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70], 2);
    expect(b.rows.map((r) => r.counted)).toEqual([true, true, false, false, false]);
    expect(b.dcg).toBeCloseTo(5 + 1 / Math.log2(3), 14); // 5.6309...
    expect(countedSum(b)).toBeCloseTo(b.dcg, 14);
  });

  it('shares the mean gain inside a tie (dcg_score example with ties, k=1: 7.5)', () => {
    const b = rankingBreakdown([10, 0, 0, 1, 5], [1, 0, 0, 0, 1], 1);
    expect(b.dcg).toBe(7.5);
    expect(b.rows[0]).toMatchObject({
      item: 0,
      gain: 10,
      sharedGain: 7.5,
      tied: true,
      counted: true,
      discountedGain: 7.5,
    });
    expect(b.rows[1]).toMatchObject({ item: 4, gain: 5, sharedGain: 7.5, tied: true, counted: false });
    expect(b.rows.slice(2).map((r) => r.sharedGain)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('uses exponential gain 2^rel - 1 when asked', () => {
    const b = rankingBreakdown([3, 2, 0], [3, 2, 1], undefined, { gain: 'exponential' });
    expect(b.rows.map((r) => r.gain)).toEqual([7, 3, 0]);
    expect(b.dcg).toBeCloseTo(7 + 3 / Math.log2(3), 14);
  });

  it('handles k larger than the list by counting every row', () => {
    const b = rankingBreakdown([1, 0, 2], [0.3, 0.2, 0.1], 10);
    expect(b.cutoff).toBe(3);
    expect(b.rows.every((r) => r.counted)).toBe(true);
    expect(b.dcg).toBeCloseTo(dcg([1, 0, 2], [0.3, 0.2, 0.1]), 15);
  });

  it('always sums to dcg(), with and without ties, for both gains', () => {
    const random = mulberry32(9);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 12);
      const relevance = Array.from({ length: n }, () => Math.floor(random() * 4));
      // Scores on a coarse grid so that ties are common.
      const scores = Array.from({ length: n }, () => Math.floor(random() * 5));
      const k = 1 + Math.floor(random() * 14);
      for (const gain of ['linear', 'exponential'] as const) {
        const b = rankingBreakdown(relevance, scores, k, { gain });
        expect(countedSum(b)).toBeCloseTo(dcg(relevance, scores, k, { gain }), 10);
        expect(b.rows).toHaveLength(n);
      }
    }
  });

  it('throws what dcg() throws', () => {
    expectMetricError(() => rankingBreakdown([], []), 'empty');
    expectMetricError(() => rankingBreakdown([1, 2], [1]), 'length-mismatch');
    expectMetricError(() => rankingBreakdown([1], [NaN]), 'not-finite');
    expectMetricError(() => rankingBreakdown([1], [1], 0), 'out-of-range', /k is 0/);
  });
});
