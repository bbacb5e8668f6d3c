/**
 * Graded-relevance ranking metrics: DCG and NDCG, as scikit-learn's dcg_score and ndcg_score
 * for one query (ignore_ties=False).
 */
import { MetricInputError } from '../errors.ts';
import {
  requireFiniteResult,
  requireFiniteValues,
  requireInteger,
  requireNonEmpty,
  requireSameLength,
} from '../validate.ts';

/** 'linear': gain = relevance (scikit-learn). 'exponential': gain = 2^relevance - 1 (Burges et al.). */
export type GainKind = 'linear' | 'exponential';

export interface GainOptions {
  /** How relevance becomes gain; default 'linear' as scikit-learn. */
  gain?: GainKind;
}

/** 2^1023 is the largest power of two a double holds. */
const MAX_EXPONENTIAL_RELEVANCE = 1023;

function gainOf(relevance: number, kind: GainKind): number {
  return kind === 'exponential' ? 2 ** relevance - 1 : relevance;
}

/** Discount of the item at 0-based position i: 1 / log2(i + 2), i.e. 1 / log2(rank + 1). */
function discount(position: number): number {
  return 1 / Math.log2(position + 2);
}

function validate(relevance: readonly number[], scores: readonly number[], k: number | undefined, metric: string) {
  requireNonEmpty(relevance, 'relevance', metric);
  requireSameLength(relevance, scores, 'relevance', 'scores', metric);
  requireFiniteValues(relevance, 'relevance', metric);
  requireFiniteValues(scores, 'scores', metric);
  if (k !== undefined) requireInteger(k, 'k', metric, 1);
}

function gainKind(relevance: readonly number[], options: GainOptions, metric: string): GainKind {
  const kind = options.gain ?? 'linear';
  if (kind !== 'linear' && kind !== 'exponential') {
    throw new MetricInputError(`${metric}: gain is ${String(kind)}; use 'linear' or 'exponential'.`, 'out-of-range');
  }
  if (kind === 'exponential') {
    relevance.forEach((value, i) => {
      if (value > MAX_EXPONENTIAL_RELEVANCE) {
        throw new MetricInputError(
          `${metric}: relevance[${i}] is ${value}; with exponential gain 2^rel - 1 overflows above ${MAX_EXPONENTIAL_RELEVANCE}.`,
          'out-of-range',
        );
      }
    });
  }
  return kind;
}

/** DCG of the items ranked by score, averaging gains over tied scores. Inputs already valid. */
function tieAveragedDcg(
  relevance: readonly number[],
  scores: readonly number[],
  cutoff: number,
  kind: GainKind,
): number {
  const n = relevance.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  let total = 0;
  let start = 0;
  while (start < cutoff) {
    // A tie group is order[start .. end); every item in it gets the group's mean gain.
    let end = start + 1;
    while (end < n && scores[order[end] as number] === scores[order[start] as number]) end++;
    let gainSum = 0;
    for (let i = start; i < end; i++) gainSum += gainOf(relevance[order[i] as number] as number, kind);
    let discountSum = 0;
    for (let position = start; position < Math.min(end, cutoff); position++) discountSum += discount(position);
    total += (gainSum / (end - start)) * discountSum;
    start = end;
  }
  return total;
}

/**
 * Discounted cumulative gain (DCG) of one ranked list: the gains of the items, in the order of
 * their scores, each divided by log2 of its rank + 1, summed over the top k.
 *
 * Formula: DCG@k = Σ_{r=1..k} gain(rel_(r)) / log2(r + 1), where rel_(r) is the relevance of the
 * item with the r-th highest score. Tied scores share the mean gain of their group, as
 * scikit-learn's dcg_score with ignore_ties=False (so the result does not depend on input
 * order). Gain is the relevance itself ('linear', scikit-learn) or 2^rel - 1 ('exponential').
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.dcg_score.html
 *
 * @param relevance true graded relevance of each item (finite numbers).
 * @param scores model scores, higher ranked first, same length.
 * @param k only the top k ranks count; a whole number >= 1; default all (k > n means all).
 * @param options gain: 'linear' (default) or 'exponential'.
 * @throws MetricInputError for empty or mismatched input, NaN or infinite values, k < 1 or not
 *   whole, an unknown gain, or a relevance above 1023 with exponential gain (2^rel overflows).
 * @example
 * dcg([10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70]); // 9.499457825916874
 * dcg([10, 0, 0, 1, 5], [1, 0, 0, 0, 1], 1); // 7.5 (the top two tie: (10 + 5) / 2)
 */
export function dcg(
  relevance: readonly number[],
  scores: readonly number[],
  k?: number,
  options: GainOptions = {},
): number {
  const metric = 'DCG';
  validate(relevance, scores, k, metric);
  const kind = gainKind(relevance, options, metric);
  return requireFiniteResult(
    tieAveragedDcg(relevance, scores, Math.min(k ?? relevance.length, relevance.length), kind),
    'sum of gains',
    metric,
  );
}

/**
 * Normalized DCG (NDCG): DCG divided by the DCG of the ideal ranking (items sorted by true
 * relevance), so 1 is a perfect ranking and 0 puts no relevant item in the top k.
 *
 * Formula: NDCG@k = DCG@k(scores) / DCG@k(ideal order). When the ideal DCG is 0 (no item has
 * positive relevance) the result is 0, as scikit-learn. Ties as in dcg(). The result is
 * clamped to at most 1 against floating-point rounding. Unlike scikit-learn, a single-item list
 * is allowed (its NDCG is 1 if the item is relevant, else 0).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.ndcg_score.html
 *
 * @param relevance true graded relevance of each item, finite and >= 0.
 * @param scores model scores, higher ranked first, same length.
 * @param k only the top k ranks count; a whole number >= 1; default all.
 * @param options gain: 'linear' (default) or 'exponential'.
 * @throws MetricInputError as dcg(), and for a negative relevance (scikit-learn raises too).
 * @example
 * ndcg([10, 0, 0, 1, 5], [0.1, 0.2, 0.3, 4, 70]); // 0.6956940443813074
 * ndcg([10, 0, 0, 1, 5], [1, 0, 0, 0, 1], 1); // 0.75
 */
export function ndcg(
  relevance: readonly number[],
  scores: readonly number[],
  k?: number,
  options: GainOptions = {},
): number {
  const metric = 'NDCG';
  validate(relevance, scores, k, metric);
  const kind = gainKind(relevance, options, metric);
  relevance.forEach((value, i) => {
    if (value < 0) {
      throw new MetricInputError(
        `${metric}: relevance[${i}] is ${value}; NDCG needs relevance >= 0 (shift the grades so the lowest is 0).`,
        'out-of-range',
      );
    }
  });
  const cutoff = Math.min(k ?? relevance.length, relevance.length);
  const ideal = [...relevance].sort((a, b) => b - a);
  let idealDcg = 0;
  for (let position = 0; position < cutoff; position++)
    idealDcg += gainOf(ideal[position] as number, kind) * discount(position);
  requireFiniteResult(idealDcg, 'ideal sum of gains', metric);
  if (idealDcg === 0) return 0;
  return Math.min(1, tieAveragedDcg(relevance, scores, cutoff, kind) / idealDcg);
}
