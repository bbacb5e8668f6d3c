import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dcg, ndcg, type GainKind } from '../../../src/lib/metrics/ranking.ts';
import { expectMetricError, shuffled } from '../expect-error.ts';

// The scikit-learn dcg_score / ndcg_score docstring data.
const TRUE_RELEVANCE = [10, 0, 0, 1, 5];
const SCORES = [0.1, 0.2, 0.3, 4, 70];
const TIED_SCORES = [1, 0, 0, 0, 1];

describe('dcg (scikit-learn dcg_score docstring)', () => {
  it('matches the docstring values', () => {
    // dcg_score(true_relevance, scores) -> 9.49...; k=2 -> 5.63...; tied scores, k=1 -> 7.5.
    // Full precision from sklearn 1.2.1: 9.499457825916874 and 5.630929753571458.
    expect(dcg(TRUE_RELEVANCE, SCORES)).toBeCloseTo(9.499457825916874, 13);
    expect(dcg(TRUE_RELEVANCE, SCORES, 2)).toBeCloseTo(5.630929753571458, 13);
    expect(dcg(TRUE_RELEVANCE, TIED_SCORES, 1)).toBe(7.5);
    // ignore_ties=True would give 5.0; ties are averaged here, as ignore_ties=False.
    expect(dcg(TRUE_RELEVANCE, TIED_SCORES, 1)).not.toBe(5);
    // sklearn 1.2.1: dcg_score(true_relevance, [[1, 0, 0, 0, 1]]) -> 12.671149606888576.
    expect(dcg(TRUE_RELEVANCE, TIED_SCORES)).toBeCloseTo(12.671149606888576, 13);
  });

  it('treats k larger than the list as the whole list', () => {
    expect(dcg(TRUE_RELEVANCE, SCORES, 50)).toBe(dcg(TRUE_RELEVANCE, SCORES));
  });

  it('uses 2^rel - 1 with exponential gain', () => {
    // Equals sklearn's dcg_score on transformed relevance 2**rel - 1 (sklearn 1.2.1: 13.848263629272983).
    expect(dcg([3, 2, 3, 0, 1, 2], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], undefined, { gain: 'exponential' })).toBeCloseTo(
      13.848263629272983,
      13,
    );
    // sklearn 1.2.1: dcg_score([[3,2,3,0,1,2]], [[.9,.8,.7,.6,.5,.4]], k=3) -> 5.761859507142916.
    expect(dcg([3, 2, 3, 0, 1, 2], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], 3)).toBeCloseTo(5.761859507142916, 13);
    // Tied scores, k = 2 (sklearn 1.2.1: 4.2618595071429155).
    expect(dcg([3, 2, 3, 0, 1, 2], [0.5, 0.5, 0.9, 0.1, 0.5, 0.2], 2)).toBeCloseTo(4.2618595071429155, 13);
  });
});

describe('ndcg (scikit-learn ndcg_score docstring)', () => {
  it('matches the docstring values', () => {
    // ndcg_score(true_relevance, scores) -> 0.69... (sklearn 1.2.1: 0.6956940443813074)
    expect(ndcg(TRUE_RELEVANCE, SCORES)).toBeCloseTo(0.6956940443813074, 14);
    // scores [.05, 1.1, 1., .5, .0] -> 0.49...; with k=4 -> 0.35...
    expect(ndcg(TRUE_RELEVANCE, [0.05, 1.1, 1, 0.5, 0])).toBeCloseTo(0.49368019137737595, 14);
    expect(ndcg(TRUE_RELEVANCE, [0.05, 1.1, 1, 0.5, 0], 4)).toBeCloseTo(0.35202411006344875, 14);
    // ndcg_score(true_relevance, true_relevance, k=4) -> 1.0
    expect(ndcg(TRUE_RELEVANCE, TRUE_RELEVANCE, 4)).toBe(1);
    // Tied scores [1, 0, 0, 0, 1], k=1 -> 0.75 (ignore_ties=True would give 0.5).
    expect(ndcg(TRUE_RELEVANCE, TIED_SCORES, 1)).toBe(0.75);
    // sklearn 1.2.1 without k: 0.9279733094794905.
    expect(ndcg(TRUE_RELEVANCE, TIED_SCORES)).toBeCloseTo(0.9279733094794905, 14);
  });

  it('supports exponential gain (= ndcg_score on 2**rel - 1, sklearn 1.2.1)', () => {
    const rel = [3, 2, 3, 0, 1, 2];
    expect(ndcg(rel, [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], undefined, { gain: 'exponential' })).toBeCloseTo(
      0.9488107485678986,
      14,
    );
    expect(ndcg(rel, [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], 3, { gain: 'exponential' })).toBeCloseTo(0.9594535145926797, 14);
    expect(ndcg(rel, [0.5, 0.5, 0.9, 0.1, 0.5, 0.2], undefined, { gain: 'exponential' })).toBeCloseTo(
      0.9514269581940922,
      14,
    );
    expect(ndcg(rel, [0.5, 0.5, 0.9, 0.1, 0.5, 0.2], 2, { gain: 'exponential' })).toBeCloseTo(0.8157843775073612, 14);
    // Linear gain for comparison (sklearn 1.2.1: 0.9608081943360618).
    expect(ndcg(rel, [0.9, 0.8, 0.7, 0.6, 0.5, 0.4])).toBeCloseTo(0.9608081943360618, 14);
  });

  it('is 0 when no item is relevant (scikit-learn convention)', () => {
    expect(ndcg([0, 0, 0], [0.3, 0.2, 0.1])).toBe(0);
  });

  it('allows a single item (scikit-learn refuses lists of length 1)', () => {
    expect(ndcg([2], [0.5])).toBe(1);
    expect(ndcg([0], [0.5])).toBe(0);
  });

  const rankingCase = fc
    .integer({ min: 1, max: 30 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
        fc.option(fc.integer({ min: 1, max: 35 }), { nil: undefined }),
        fc.constantFrom<'linear' | 'exponential'>('linear', 'exponential'),
      ),
    );

  it('stays in [0, 1] and is 1 for the ideal order', () => {
    fc.assert(
      fc.property(rankingCase, ([relevance, scores, k, gain]) => {
        const value = ndcg(relevance, scores, k, { gain });
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        if (relevance.some((r) => r > 0)) expect(ndcg(relevance, relevance, k, { gain })).toBeCloseTo(1, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the input order, even with tied scores', () => {
    fc.assert(
      fc.property(rankingCase, fc.integer(), ([relevance, scores, k, gain], seed) => {
        const items = relevance.map((r, i) => [r, scores[i] as number] as const);
        const mixed = shuffled(items, seed);
        expect(
          ndcg(
            mixed.map((p) => p[0]),
            mixed.map((p) => p[1]),
            k,
            { gain },
          ),
        ).toBeCloseTo(ndcg(relevance, scores, k, { gain }), 12);
        expect(
          dcg(
            mixed.map((p) => p[0]),
            mixed.map((p) => p[1]),
            k,
            { gain },
          ),
        ).toBeCloseTo(dcg(relevance, scores, k, { gain }), 10);
      }),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => ndcg([1, -1], [0.2, 0.1]), 'out-of-range', /relevance\[1\] is -1/);
    expectMetricError(() => ndcg([1, 0], [0.2, Number.NaN]), 'not-finite');
    expectMetricError(() => ndcg([1, 0], [0.2, 0.1], 0), 'out-of-range', /k/);
    expectMetricError(() => ndcg([1, 0], [0.2, 0.1], 1.5), 'out-of-range', /k/);
    expectMetricError(() => ndcg([], []), 'empty');
    expectMetricError(() => dcg([1, 0], [0.2]), 'length-mismatch');
    expectMetricError(() => dcg([2000], [1], undefined, { gain: 'exponential' }), 'out-of-range', /overflows/);
    // A gain outside the union (possible from untyped callers) must be rejected at run time too.
    const notAGain = 'log' as unknown as GainKind;
    expectMetricError(() => dcg([1], [1], undefined, { gain: notAGain }), 'out-of-range', /gain/);
  });
});

describe('overflow', () => {
  it('refuses relevance so large that the sums overflow, instead of returning NaN', () => {
    expectMetricError(() => ndcg([1.5e308, 1.5e308], [1, 0]), 'out-of-range', /sum of gains overflows/);
    expectMetricError(() => dcg([1.5e308, 1.5e308], [1, 0]), 'out-of-range', /sum of gains overflows/);
  });
});
