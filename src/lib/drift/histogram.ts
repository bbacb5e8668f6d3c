/**
 * Binning raw values for the drift scores: histogram counts over given edges, and quantile
 * edges taken from a reference sample.
 */
import { bisectLeft, bisectRight, sortedCopy, sortedQuantile } from '../arithmetic.ts';
import { MetricInputError } from '../errors.ts';
import { requireFinite, requireFiniteValues, requireInteger, requireNonEmpty } from '../validate.ts';

/**
 * Quantile of a sample with linear interpolation between order statistics (Hyndman & Fan
 * type 7, numpy.quantile's default method='linear').
 *
 * Formula: h = (n - 1)·q, Q(q) = x_⌊h⌋ + (h - ⌊h⌋)·(x_⌊h⌋+1 - x_⌊h⌋) over the sorted values,
 * interpolated as numpy does (from the upper neighbour when the fraction is >= 0.5).
 * Reference: https://numpy.org/doc/stable/reference/generated/numpy.quantile.html
 *
 * @param values the sample (finite numbers, at least one).
 * @param q the probability, in [0, 1].
 * @throws MetricInputError if values is empty or holds NaN/±Infinity, or q is outside [0, 1].
 * @example
 * quantile([3.1, 2.2, 5.5, 1, 4.4, 6.6, 7.7, 2.2, 9, 0.5], 0.5); // 3.75
 */
export function quantile(values: readonly number[], q: number): number {
  const metric = 'Quantile';
  requireNonEmpty(values, 'values', metric);
  requireFiniteValues(values, 'values', metric);
  requireProbabilityLevel(q, metric);
  return sortedQuantile(sortedCopy(values), q);
}

function requireProbabilityLevel(q: number, metric: string): void {
  requireFinite(q, 'q', metric);
  if (q < 0 || q > 1) {
    throw new MetricInputError(`${metric}: q is ${q}; it must be between 0 and 1.`, 'out-of-range');
  }
}

/**
 * Bin edges at the reference sample's quantiles, so each bin holds about the same share of the
 * reference: the usual binning for PSI. The outer edges are -Infinity and +Infinity so every
 * production value, even outside the reference range, lands in a bin.
 *
 * Formula: edges = [-∞, Q(1/b), Q(2/b), ..., Q((b-1)/b), +∞] with Q as quantile() (numpy
 * method='linear'). Repeated edges (many tied values) are merged, so fewer than `bins` bins
 * may come back.
 * Reference: https://numpy.org/doc/stable/reference/generated/numpy.quantile.html
 *
 * @param reference the reference (training) sample, finite numbers, at least one.
 * @param bins the number of bins wanted, a whole number >= 1 (10 is common for PSI).
 * @throws MetricInputError if reference is empty or holds NaN/±Infinity, or bins < 1.
 * @example
 * quantileEdges([1, 2, 3, 4, 5, 6, 7, 8, 9], 4); // [-Infinity, 3, 5, 7, Infinity]
 */
export function quantileEdges(reference: readonly number[], bins: number): number[] {
  const metric = 'Quantile edges';
  requireNonEmpty(reference, 'reference', metric);
  requireFiniteValues(reference, 'reference', metric);
  requireInteger(bins, 'bins', metric, 1);
  return quantileEdgesOfSorted(sortedCopy(reference), bins);
}

/** quantileEdges of a sample already sorted ascending (finite, non-empty; bins a whole number >= 1). */
export function quantileEdgesOfSorted(sorted: ArrayLike<number>, bins: number): number[] {
  const edges = [-Infinity];
  for (let i = 1; i < bins; i++) {
    const edge = sortedQuantile(sorted, i / bins);
    if (edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  edges.push(Infinity);
  return edges;
}

/**
 * Histogram: how many values fall in each bin between consecutive edges.
 *
 * Formula: countᵢ = #{v : edges[i] <= v < edges[i+1]}, the last bin also including its right
 * edge, as numpy.histogram. Values outside [edges[0], edges[last]] are not counted (as numpy);
 * use ±Infinity outer edges (quantileEdges does) to count everything. O(n log bins).
 * Reference: https://numpy.org/doc/stable/reference/generated/numpy.histogram.html
 *
 * @param values the sample, finite numbers (may be empty: all counts 0).
 * @param edges strictly increasing bin edges, at least 2; ±Infinity allowed at the ends.
 * @throws MetricInputError if a value is NaN or ±Infinity, or edges are fewer than 2, NaN, or
 *   not strictly increasing.
 * @example
 * histogram([1, 2, 2, 3, 4, 5, 5, 5], [1, 2, 3, 5]); // [1, 2, 5]
 */
export function histogram(values: readonly number[], edges: readonly number[]): number[] {
  const metric = 'Histogram';
  requireFiniteValues(values, 'values', metric);
  if (edges.length < 2) {
    throw new MetricInputError(`${metric}: edges has ${edges.length} value(s); a bin needs 2 edges.`, 'out-of-range');
  }
  edges.forEach((edge, i) => {
    if (typeof edge !== 'number' || Number.isNaN(edge)) {
      throw new MetricInputError(`${metric}: edges[${i}] is ${edge}; edges must be numbers.`, 'not-finite');
    }
    if (i > 0 && edge <= (edges[i - 1] as number)) {
      throw new MetricInputError(
        `${metric}: edges[${i}] is ${edge}, not above edges[${i - 1}] = ${edges[i - 1]}; edges must increase strictly.`,
        'out-of-range',
      );
    }
  });
  const last = edges.length - 1;
  const counts = new Array<number>(last).fill(0);
  for (const value of values) {
    if (value < (edges[0] as number) || value > (edges[last] as number)) continue;
    // The last edge <= value, capped at the last bin (which is closed on the right).
    const bin = Math.min(bisectRight(edges, value) - 1, last - 1);
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

/**
 * histogram() of a sample sorted ascending, by bisecting each edge into it: O(bins log n) instead
 * of a pass over the values, for the drift detector's windows, which the KS test sorts anyway.
 * Same counts as histogram(values, edges); the caller vouches for both inputs (finite values,
 * strictly increasing edges, as quantileEdges and equalWidthEdges give).
 *
 * @example
 * histogramOfSorted([1, 2, 2, 3, 4, 5, 5, 5], [1, 2, 3, 5]); // [1, 2, 5]
 */
export function histogramOfSorted(sorted: ArrayLike<number>, edges: readonly number[]): number[] {
  const last = edges.length - 1;
  // below[i]: values under edges[i]; the last edge closes its bin, so it counts values up to it.
  const below = edges.map((edge, i) => (i === last ? bisectRight(sorted, edge) : bisectLeft(sorted, edge)));
  return below.slice(1).map((upTo, i) => upTo - (below[i] as number));
}
