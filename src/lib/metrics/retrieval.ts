/**
 * Binary-relevance retrieval metrics for one query's ranked results, and their means over
 * queries. `ranked[i]` is 1 if the item at rank i + 1 is relevant, else 0.
 *
 * "Relevant items" means the relevant items in the list: recall and AP cannot see relevant
 * documents that the system never returned. Definitions follow Manning, Raghavan & Schütze,
 * Introduction to Information Retrieval, ch. 8 (scikit-learn has no per-query versions).
 */
import { MetricInputError } from '../errors.ts';
import { requireBinary, requireInteger, requireNonEmpty } from '../validate.ts';
import type { ZeroDivisionOptions } from './classification.ts';

function requireRanked(ranked: readonly number[], name: string, metric: string): void {
  requireNonEmpty(ranked, name, metric);
  requireBinary(ranked, name, metric);
}

function countRelevant(ranked: readonly number[], end: number): number {
  let count = 0;
  for (let i = 0; i < Math.min(end, ranked.length); i++) count += ranked[i] as number;
  return count;
}

function reciprocalRankOf(ranked: readonly number[]): number {
  const first = ranked.indexOf(1);
  return first === -1 ? 0 : 1 / (first + 1);
}

function averagePrecisionOf(ranked: readonly number[], k: number | undefined): number {
  const cutoff = Math.min(k ?? ranked.length, ranked.length);
  const relevantTotal = countRelevant(ranked, ranked.length);
  if (relevantTotal === 0) return 0;
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < cutoff; i++) {
    if (ranked[i] === 1) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / Math.min(k ?? relevantTotal, relevantTotal);
}

/**
 * Reciprocal rank: 1 / the rank of the first relevant item.
 *
 * Formula: RR = 1 / min{r : ranked[r - 1] = 1}; 0 when no item is relevant (the usual IR
 * convention: the query found nothing).
 * Reference: https://en.wikipedia.org/wiki/Mean_reciprocal_rank
 *
 * @param ranked relevance flags (0/1) in ranked order.
 * @throws MetricInputError if ranked is empty or holds a value other than 0 or 1.
 * @example
 * reciprocalRank([0, 0, 1, 0, 1]); // 0.3333333333333333
 */
export function reciprocalRank(ranked: readonly number[]): number {
  requireRanked(ranked, 'ranked', 'Reciprocal rank');
  return reciprocalRankOf(ranked);
}

/**
 * Precision at k: the share of the top k results that are relevant.
 *
 * Formula: P@k = #{relevant in ranks 1..k} / k. If the list is shorter than k the missing
 * ranks count as not relevant (the denominator stays k, as trec_eval).
 * Reference: https://nlp.stanford.edu/IR-book/html/htmledition/evaluation-of-ranked-retrieval-results-1.html
 *
 * @param ranked relevance flags (0/1) in ranked order.
 * @param k cutoff, a whole number >= 1.
 * @throws MetricInputError if ranked is empty or not 0/1, or k is not a whole number >= 1.
 * @example
 * precisionAtK([1, 0, 1, 1, 0], 3); // 0.6666666666666666
 */
export function precisionAtK(ranked: readonly number[], k: number): number {
  const metric = 'Precision@k';
  requireRanked(ranked, 'ranked', metric);
  requireInteger(k, 'k', metric, 1);
  return countRelevant(ranked, k) / k;
}

/**
 * Recall at k: the share of the list's relevant items that appear in the top k.
 *
 * Formula: R@k = #{relevant in ranks 1..k} / #{relevant in the list}. With no relevant item
 * it is 0/0: the result is `zeroDivision` (default 0, as scikit-learn's zero_division=0), or a
 * MetricInputError with zeroDivision 'throw'.
 * Reference: https://nlp.stanford.edu/IR-book/html/htmledition/evaluation-of-ranked-retrieval-results-1.html
 *
 * @param ranked relevance flags (0/1) in ranked order.
 * @param k cutoff, a whole number >= 1.
 * @param options zeroDivision: 0 (default), 1 or 'throw'.
 * @throws MetricInputError if ranked is empty or not 0/1, k is invalid, or there is no relevant
 *   item and zeroDivision is 'throw'.
 * @example
 * recallAtK([1, 0, 1, 1, 0], 2); // 0.3333333333333333
 */
export function recallAtK(ranked: readonly number[], k: number, options: ZeroDivisionOptions = {}): number {
  const metric = 'Recall@k';
  requireRanked(ranked, 'ranked', metric);
  requireInteger(k, 'k', metric, 1);
  const relevantTotal = countRelevant(ranked, ranked.length);
  if (relevantTotal === 0) {
    const zeroDivision = options.zeroDivision ?? 0;
    if (zeroDivision === 'throw') {
      throw new MetricInputError('Recall@k is undefined: the list has no relevant items.', 'undefined');
    }
    return zeroDivision;
  }
  return countRelevant(ranked, k) / relevantTotal;
}

/**
 * Average precision at k for one query: the mean of precision@r over the ranks r <= k that hold
 * a relevant item, divided by how many relevant items could have been found in k ranks.
 *
 * Formula: AP@k = Σ_{r=1..k} P@r · rel_r / min(k, R), where R = #{relevant in the list}; with k
 * omitted, AP = Σ_r P@r · rel_r / R, which equals scikit-learn's average_precision_score of the
 * list scored in rank order. 0 when the list has no relevant item (as ml_metrics' apk).
 * Reference: https://nlp.stanford.edu/IR-book/html/htmledition/evaluation-of-ranked-retrieval-results-1.html
 *
 * @param ranked relevance flags (0/1) in ranked order.
 * @param k optional cutoff, a whole number >= 1.
 * @throws MetricInputError if ranked is empty or not 0/1, or k is not a whole number >= 1.
 * @example
 * averagePrecisionAtK([1, 0, 1, 0, 0]); // (1/1 + 2/3) / 2 = 0.8333333333333333
 * averagePrecisionAtK([0, 1, 1], 2); // (1/2) / min(2, 2) = 0.25
 */
export function averagePrecisionAtK(ranked: readonly number[], k?: number): number {
  const metric = 'Average precision@k';
  requireRanked(ranked, 'ranked', metric);
  if (k !== undefined) requireInteger(k, 'k', metric, 1);
  return averagePrecisionOf(ranked, k);
}

function requireQueries(queries: readonly (readonly number[])[], metric: string): void {
  requireNonEmpty(queries, 'queries', metric);
  queries.forEach((ranked, q) => requireRanked(ranked, `queries[${q}]`, metric));
}

/**
 * Mean reciprocal rank (MRR): the reciprocal rank averaged over queries.
 *
 * Formula: MRR = (1/|Q|) Σ_q RR_q, with RR_q = 0 for a query with no relevant result.
 * Reference: https://en.wikipedia.org/wiki/Mean_reciprocal_rank
 *
 * @param queries one ranked list of 0/1 relevance flags per query.
 * @throws MetricInputError if there are no queries, or a query's list is empty or not 0/1.
 * @example
 * meanReciprocalRank([[0, 0, 1], [0, 1, 0], [1, 0, 0]]); // (1/3 + 1/2 + 1) / 3 = 0.611...
 */
export function meanReciprocalRank(queries: readonly (readonly number[])[]): number {
  requireQueries(queries, 'Mean reciprocal rank');
  let total = 0;
  for (const ranked of queries) total += reciprocalRankOf(ranked);
  return total / queries.length;
}

/**
 * Mean average precision (MAP): average precision (at k, if given) averaged over queries.
 *
 * Formula: MAP@k = (1/|Q|) Σ_q AP@k_q, with AP as averagePrecisionAtK (0 for a query with no
 * relevant result).
 * Reference: https://nlp.stanford.edu/IR-book/html/htmledition/evaluation-of-ranked-retrieval-results-1.html
 *
 * @param queries one ranked list of 0/1 relevance flags per query.
 * @param k optional cutoff applied to every query, a whole number >= 1.
 * @throws MetricInputError if there are no queries, a list is empty or not 0/1, or k is invalid.
 * @example
 * meanAveragePrecision([[1, 0, 1, 0, 0], [0, 1, 1]]); // (0.8333 + 0.5833) / 2 = 0.7083...
 */
export function meanAveragePrecision(queries: readonly (readonly number[])[], k?: number): number {
  const metric = 'Mean average precision';
  requireQueries(queries, metric);
  if (k !== undefined) requireInteger(k, 'k', metric, 1);
  let total = 0;
  for (const ranked of queries) total += averagePrecisionOf(ranked, k);
  return total / queries.length;
}
