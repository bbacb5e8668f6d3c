import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../expect-error.ts';
import { ndcg, recallAtK } from '../../../src/lib/metrics/index.ts';
import { reciprocalRankFusion, rrfTerm, retrievalQuality, RRF_K } from '../../../src/lib/llm/index.ts';

describe('reciprocalRankFusion', () => {
  // Worked by hand with k = 60 (Cormack et al. 2009), ranks from 1:
  // d1: 1/61 + 1/62 = 0.032522; d3: 1/63 + 1/61 = 0.032266; d2: 1/62 = 0.016129; d4: 1/63 = 0.015873.
  it('fuses a BM25 and a dense ranking: d1, d3, d2, d4', () => {
    const fused = reciprocalRankFusion([
      ['d1', 'd2', 'd3'],
      ['d3', 'd1', 'd4'],
    ]);
    expect(fused.map((item) => item.id)).toEqual(['d1', 'd3', 'd2', 'd4']);
    expect(fused.map((item) => item.score)).toEqual([1 / 61 + 1 / 62, 1 / 61 + 1 / 63, 1 / 62, 1 / 63]);
    expect(RRF_K).toBe(60);
  });

  it('an item in both lists beats one ranked first in only one', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b'],
      ['c', 'b'],
    ]);
    expect(fused[0]?.id).toBe('b'); // 2/62 = 0.0323 > 1/61 = 0.0164
  });

  it('with k = 0 the score is the sum of reciprocal ranks', () => {
    const fused = reciprocalRankFusion([[1, 2, 3], [3]], 0);
    expect(fused).toEqual([
      { id: 3, score: 1 / 3 + 1 },
      { id: 1, score: 1 },
      { id: 2, score: 1 / 2 },
    ]);
  });

  it('breaks exact ties by the best rank reached, then by first appearance', () => {
    expect(reciprocalRankFusion([['a'], ['b']]).map((item) => item.id)).toEqual(['a', 'b']);
    expect(reciprocalRankFusion([['b'], ['a']]).map((item) => item.id)).toEqual(['b', 'a']);
    // x: ranks 1 and 3, y: ranks 2 and 2; with k = 0: 1 + 1/3 = 4/3 against 1 (not tied); with a
    // large k they are nearly tied but 1/(k+1) + 1/(k+3) > 2/(k+2) always, so x stays first.
    expect(
      reciprocalRankFusion([
        ['x', 'y', 'z'],
        ['z', 'y', 'x'],
      ]).map((item) => item.id),
    ).toEqual(['x', 'z', 'y']);
  });

  it('ignores an empty ranking but not an all-empty input', () => {
    expect(reciprocalRankFusion([[], ['a']])).toEqual([{ id: 'a', score: 1 / 61 }]);
    expectMetricError(() => reciprocalRankFusion([[], []]), 'empty', /every ranking is empty/);
    expectMetricError(() => reciprocalRankFusion([]), 'empty', /rankings is empty/);
  });

  it('rejects a repeated id, a bad id and a negative k', () => {
    expectMetricError(() => reciprocalRankFusion([['a', 'b', 'a']]), 'out-of-range', /rankings\[0\] lists "a" twice/);
    expectMetricError(() => reciprocalRankFusion([[1, NaN]]), 'out-of-range', /rankings\[0\]\[1\] is NaN/);
    expectMetricError(() => reciprocalRankFusion([['a']], -1), 'out-of-range', /k is -1/);
  });
});

describe('retrievalQuality', () => {
  // Ranked d1, d3, d2, d4; relevant d3, d4 and d9 (never retrieved); k = 2.
  // recall@2 = 1/3; precision@2 = 1/2; RR = 1/2 (d3 at rank 2);
  // NDCG@2 = (1 / log2 3) / (1 + 1 / log2 3) = 0.38685 (the ideal puts 2 of the 3 relevant first).
  it('scores a ranking against labels, counting relevant ids never retrieved as misses', () => {
    const result = retrievalQuality(['d1', 'd3', 'd2', 'd4'], ['d3', 'd4', 'd9'], 2);
    expect(result.recallAtK).toBeCloseTo(1 / 3, 15);
    expect(result.precisionAtK).toBe(0.5);
    expect(result.reciprocalRank).toBe(0.5);
    expect(result.ndcgAtK).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 15);
  });

  it('agrees with metrics/ when every relevant id was retrieved', () => {
    const ranked = ['a', 'b', 'c', 'd', 'e'];
    const flags = [0, 1, 0, 1, 1];
    const relevant = ['b', 'd', 'e'];
    for (const k of [1, 2, 3, 5]) {
      const result = retrievalQuality(ranked, relevant, k);
      expect(result.recallAtK).toBe(recallAtK(flags, k));
      expect(result.ndcgAtK).toBeCloseTo(ndcg(flags, [5, 4, 3, 2, 1], k), 15);
    }
  });

  it('k beyond the list: recall is what the list found, precision counts the missing ranks as misses', () => {
    const result = retrievalQuality(['a', 'b'], ['b', 'z'], 5);
    expect(result.recallAtK).toBe(0.5);
    expect(result.precisionAtK).toBe(0.2);
    // DCG = 1/log2(3); ideal@5 with 2 relevant = 1 + 1/log2(3).
    expect(result.ndcgAtK).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 15);
  });

  it('a perfect ranking scores 1 everywhere; a ranking with no relevant id scores 0', () => {
    expect(retrievalQuality([3, 1, 2], [3, 1], 2)).toEqual({
      recallAtK: 1,
      precisionAtK: 1,
      reciprocalRank: 1,
      ndcgAtK: 1,
    });
    expect(retrievalQuality(['x', 'y'], ['z'], 2)).toEqual({
      recallAtK: 0,
      precisionAtK: 0,
      reciprocalRank: 0,
      ndcgAtK: 0,
    });
  });

  it('scores a fused ranking end to end', () => {
    const fused = reciprocalRankFusion([
      ['d1', 'd2', 'd3'],
      ['d3', 'd1', 'd4'],
    ]).map((item) => item.id);
    expect(retrievalQuality(fused, ['d3', 'd4'], 2)).toMatchObject({ recallAtK: 0.5, reciprocalRank: 0.5 });
  });

  it.each([
    [[], ['a'], 1, 'empty', /rankedIds is empty/],
    [['a'], [], 1, 'empty', /relevantIds is empty/],
    [['a', 'a'], ['a'], 1, 'out-of-range', /rankedIds lists "a" twice/],
    [['a'], ['a'], 0, 'out-of-range', /k is 0/],
  ] as const)('rejects ranked %o, relevant %o, k %d', (ranked, relevant, k, code, message) => {
    expectMetricError(() => retrievalQuality(ranked, relevant, k), code, message);
  });
});

describe('rrfTerm', () => {
  it("is 1 / (k + rank): the RAG chapter's 0.0164 for a first place and 0.0156 for a fourth at k = 60", () => {
    expect(rrfTerm(1)).toBe(1 / 61);
    expect(rrfTerm(4)).toBe(1 / 64);
    expect(rrfTerm(1, 1) / rrfTerm(4, 1)).toBe(2.5);
  });
  it('rejects a rank of 0 and a negative k', () => {
    expectMetricError(() => rrfTerm(0), 'out-of-range', /rank is 0/);
    expectMetricError(() => rrfTerm(1, -1), 'out-of-range', /k is -1/);
  });
});
