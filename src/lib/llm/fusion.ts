/**
 * Hybrid retrieval: fusing several rankings (e.g. BM25 and a dense retriever) with reciprocal
 * rank fusion, and scoring a ranking of ids against labeled relevant ids with the metrics of
 * `../metrics/` (recall@k, precision@k, reciprocal rank, NDCG).
 */
import { MetricInputError } from '../errors.ts';
import { requireFiniteResult, requireInteger, requireNonEmpty, requireNonNegative } from '../validate.ts';
import { precisionAtK, recallAtK, reciprocalRank } from '../metrics/retrieval.ts';
import { ndcg } from '../metrics/ranking.ts';

/** An item identifier: a document id or an index. */
export type ItemId = string | number;

export interface FusedItem<Id extends ItemId> {
  id: Id;
  /** Σ over rankings that contain the item of 1 / (k + rank). */
  score: number;
}

/** The constant Cormack et al. found robust across collections. */
export const RRF_K = 60;

function requireDistinct(ids: readonly ItemId[], name: string, metric: string): void {
  const seen = new Set<ItemId>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      throw new MetricInputError(
        `${metric}: ${name}[${i}] is ${String(id)}; an id must be a string or a finite number.`,
        'out-of-range',
      );
    }
    if (seen.has(id)) {
      throw new MetricInputError(
        `${metric}: ${name} lists ${JSON.stringify(id)} twice; a ranking holds each item once.`,
        'out-of-range',
      );
    }
    seen.add(id);
  });
}

/**
 * One ranking's contribution to an item's RRF score: 1 / (k + rank), ranks from 1.
 * With k = 60 a first place is worth 0.0164 and a fourth 0.0156; with k = 1, 0.5 and 0.2.
 * Reference: Cormack, Clarke & Büttcher 2009 (see reciprocalRankFusion).
 *
 * @throws MetricInputError if rank is not a whole number >= 1 or k is negative or not finite.
 * @example
 * rrfTerm(1); // 1/61 = 0.01639...
 */
export function rrfTerm(rank: number, k: number = RRF_K): number {
  requireInteger(rank, 'rank', 'RRF term', 1);
  requireNonNegative(k, 'k', 'RRF term');
  return term(rank, k);
}

const term = (rank: number, k: number) => 1 / (k + rank);

/**
 * Reciprocal rank fusion (RRF): one ranking from several, rewarding items ranked high anywhere.
 *
 * Formula: score(d) = Σ_{rankings r containing d} 1 / (k + rank_r(d)), ranks from 1, k = 60 by
 * default; items are returned by descending score. Ties are broken by the best rank the item
 * reached in any ranking, then by first appearance (rankings in order, top to bottom), so the
 * result does not depend on object order. Items missing from a ranking get nothing from it.
 * Reference: Cormack, Clarke & Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and
 * individual Rank Learning Methods", SIGIR 2009, https://doi.org/10.1145/1571941.1572114
 *
 * @param rankings each an array of distinct ids, best first; at least one id in all.
 * @param k smoothing constant, a finite number >= 0 (default 60).
 * @throws MetricInputError if there are no rankings or no ids at all, a ranking repeats an id, an
 *   id is neither a string nor a finite number, or k is negative or not finite.
 * @example
 * reciprocalRankFusion([['d1', 'd2', 'd3'], ['d3', 'd1', 'd4']]);
 * // [{ id: 'd1', score: 1/61 + 1/62 }, { id: 'd3', score: 1/63 + 1/61 }, { id: 'd2', score: 1/62 }, { id: 'd4', score: 1/63 }]
 */
export function reciprocalRankFusion<Id extends ItemId>(
  rankings: readonly (readonly Id[])[],
  k: number = RRF_K,
): FusedItem<Id>[] {
  const metric = 'Reciprocal rank fusion';
  requireNonEmpty(rankings, 'rankings', metric);
  requireNonNegative(k, 'k', metric);
  const entries = new Map<Id, { score: number; bestRank: number; order: number }>();
  rankings.forEach((ranking, r) => {
    requireDistinct(ranking, `rankings[${r}]`, metric);
    ranking.forEach((id, position) => {
      const rank = position + 1;
      const entry = entries.get(id);
      if (entry === undefined) entries.set(id, { score: term(rank, k), bestRank: rank, order: entries.size });
      else {
        entry.score += term(rank, k);
        entry.bestRank = Math.min(entry.bestRank, rank);
      }
    });
  });
  if (entries.size === 0) {
    throw new MetricInputError(`${metric}: every ranking is empty; give at least one ranked id.`, 'empty');
  }
  return [...entries]
    .sort(([, a], [, b]) => b.score - a.score || a.bestRank - b.bestRank || a.order - b.order)
    .map(([id, { score }]) => ({ id, score }));
}

export interface RetrievalQuality {
  /** Share of the labeled relevant ids found in the top k (relevant ids never retrieved count as misses). */
  recallAtK: number;
  /** Share of the top k that is relevant (a list shorter than k counts the missing ranks as misses). */
  precisionAtK: number;
  /** 1 / rank of the first relevant id; 0 if none was retrieved. */
  reciprocalRank: number;
  /** Binary-relevance NDCG@k, the ideal ranking placing every labeled relevant id first. */
  ndcgAtK: number;
}

/**
 * Retrieval quality of one ranked list of ids against a set of labeled relevant ids: recall@k,
 * precision@k, reciprocal rank and NDCG@k, computed by the functions of `src/lib/metrics/`.
 *
 * Formula: flags[i] = 1 if rankedIds[i] is relevant. Recall@k = #relevant in the top k / #relevant
 * labeled: relevant ids the list never retrieved are appended after k non-relevant fillers, so
 * metrics' recallAtK and ndcg see them as ranked beyond k (their ideal DCG counts them). The mean
 * over queries is the mean of these per-query values (meanReciprocalRank for MRR).
 * Reference: Manning, Raghavan & Schütze, Introduction to Information Retrieval, ch. 8,
 * https://nlp.stanford.edu/IR-book/html/htmledition/evaluation-of-ranked-retrieval-results-1.html
 *
 * @throws MetricInputError if rankedIds or relevantIds is empty, an id repeats within a list or
 *   is not a string or finite number, or k is not a whole number >= 1.
 * @example
 * retrievalQuality(['d1', 'd3', 'd2', 'd4'], ['d3', 'd4', 'd9'], 2);
 * // { recallAtK: 1/3, precisionAtK: 0.5, reciprocalRank: 0.5, ndcgAtK: 0.38685280723454163 }
 */
export function retrievalQuality(
  rankedIds: readonly ItemId[],
  relevantIds: readonly ItemId[],
  k: number,
): RetrievalQuality {
  const metric = 'Retrieval quality';
  requireNonEmpty(rankedIds, 'rankedIds', metric);
  requireNonEmpty(relevantIds, 'relevantIds', metric);
  requireDistinct(rankedIds, 'rankedIds', metric);
  requireDistinct(relevantIds, 'relevantIds', metric);
  requireInteger(k, 'k', metric, 1);
  const relevant = new Set<ItemId>(relevantIds);
  const flags = rankedIds.map((id) => (relevant.has(id) ? 1 : 0));
  const retrieved = new Set<ItemId>(rankedIds);
  const missed = relevantIds.filter((id) => !retrieved.has(id)).length;
  // The list, fillers up to k, then the relevant ids it missed: ranks beyond k for recall and NDCG.
  const padded = [
    ...flags,
    ...new Array<number>(Math.max(0, k - flags.length)).fill(0),
    ...new Array<number>(missed).fill(1),
  ];
  const scores = padded.map((_, i) => padded.length - i);
  const result = {
    recallAtK: recallAtK(padded, k),
    precisionAtK: precisionAtK(flags, k),
    reciprocalRank: reciprocalRank(flags),
    ndcgAtK: ndcg(padded, scores, k),
  };
  requireFiniteResult(result.ndcgAtK, 'NDCG', metric);
  return result;
}
