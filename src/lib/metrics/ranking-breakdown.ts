/**
 * The DCG of a ranked list, position by position: which item sits at each rank, its gain, the
 * discount of the rank and the discounted gain, so a reader can check the sum by hand. The
 * counted rows add up to dcg() (same tie handling), which this module calls for validation.
 */
import { dcg, type GainKind, type GainOptions } from './ranking.ts';

export interface RankedRow {
  /** 1-based position in the ranking by descending score (ties keep their input order). */
  rank: number;
  /** 0-based index of the item in the input arrays. */
  item: number;
  relevance: number;
  score: number;
  /** The item's own gain: relevance ('linear') or 2^relevance - 1 ('exponential'). */
  gain: number;
  /** The gain DCG uses at this rank: the mean gain of the item's tie group (its own gain if untied). */
  sharedGain: number;
  /** True when another item has exactly the same score. */
  tied: boolean;
  /** 1 / log2(rank + 1). */
  discount: number;
  /** sharedGain · discount. */
  discountedGain: number;
  /** True for ranks 1..min(k, n), the rows that DCG@k sums. */
  counted: boolean;
}

export interface RankingBreakdown {
  rows: RankedRow[];
  /** min(k, n): how many ranks count. */
  cutoff: number;
  /** dcg(relevance, scores, k, options): the sum of the counted rows' discounted gains. */
  dcg: number;
}

/**
 * Per-position table of DCG@k for one ranked list.
 *
 * Formula: items sorted by score, descending; gain_r = rel_(r) ('linear') or 2^rel_(r) - 1
 * ('exponential'); tied scores share the mean gain of their group (scikit-learn's dcg_score with
 * ignore_ties=False); discount_r = 1 / log2(r + 1); DCG@k = Σ_{r <= k} sharedGain_r · discount_r.
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.dcg_score.html
 *
 * @param relevance graded relevance of each item (finite).
 * @param scores model scores, same length; higher is ranked first.
 * @param k cutoff, a whole number >= 1; default all (k > n means all).
 * @param options gain: 'linear' (default) or 'exponential'.
 * @throws MetricInputError as dcg().
 * @example
 * rankingBreakdown([10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70]).rows.map((r) => r.item); // [4, 3, 2, 1, 0]
 */
export function rankingBreakdown(
  relevance: readonly number[],
  scores: readonly number[],
  k?: number,
  options: GainOptions = {},
): RankingBreakdown {
  const total = dcg(relevance, scores, k, options); // validates everything
  const kind: GainKind = options.gain ?? 'linear';
  const gainOf = (rel: number) => (kind === 'exponential' ? 2 ** rel - 1 : rel);
  const n = relevance.length;
  const cutoff = Math.min(k ?? n, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const rows: RankedRow[] = [];
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && scores[order[end] as number] === scores[order[start] as number]) end++;
    let gainSum = 0;
    for (let i = start; i < end; i++) gainSum += gainOf(relevance[order[i] as number] as number);
    const sharedGain = gainSum / (end - start);
    for (let i = start; i < end; i++) {
      const item = order[i] as number;
      const discount = 1 / Math.log2(i + 2);
      rows.push({
        rank: i + 1,
        item,
        relevance: relevance[item] as number,
        score: scores[item] as number,
        gain: gainOf(relevance[item] as number),
        sharedGain,
        tied: end - start > 1,
        discount,
        discountedGain: sharedGain * discount,
        counted: i < cutoff,
      });
    }
    start = end;
  }
  return { rows, cutoff, dcg: total };
}
