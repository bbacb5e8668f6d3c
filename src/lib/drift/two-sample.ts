/**
 * Helpers for comparing two binned samples (a reference window and a current window): shared
 * bin edges, the two-sample chi-squared test, and how large PSI is from sampling noise alone.
 * Built on src/lib/drift; pure, no DOM.
 */
import { chiSquareSurvival } from '../distributions.ts';
import { histogramOfSorted, quantileEdgesOfSorted } from './histogram.ts';
import { sortedSample } from './ks.ts';
import type { ChiSquareResult } from './chi-square.ts';
import { MetricInputError } from '../errors.ts';
import { requireFiniteValues, requireInteger, requireNonEmpty, requireNonNegativeValues } from '../validate.ts';
import { sum } from '../arithmetic.ts';

export type Binning = 'quantile' | 'equal';

const EQUAL_WIDTH = 'Equal-width edges';
const BINNING = 'Binning';

/**
 * Equal-width bin edges spanning the smallest to the largest value, as numpy.histogram_bin_edges
 * with an integer bin count (the last bin is closed on the right in histogram()).
 *
 * Formula: edgeᵢ = min + i·(max - min)/bins for i = 0..bins (the last edge is exactly max).
 * Reference: https://numpy.org/doc/stable/reference/generated/numpy.histogram_bin_edges.html
 *
 * @param values the values to cover (finite, at least one, not all equal).
 * @param bins number of bins, a whole number >= 1.
 * @throws MetricInputError if values is empty, holds NaN/±Infinity or has a single distinct value,
 *   or bins is not a whole number >= 1.
 * @example
 * equalWidthEdges([0, 10, 4], 5); // [0, 2, 4, 6, 8, 10]
 */
export function equalWidthEdges(values: readonly number[], bins: number): number[] {
  requireNonEmpty(values, 'values', EQUAL_WIDTH);
  requireFiniteValues(values, 'values', EQUAL_WIDTH);
  requireInteger(bins, 'bins', EQUAL_WIDTH, 1);
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (v < low) low = v;
    if (v > high) high = v;
  }
  return edgesBetween(low, high, bins);
}

/** equalWidthEdges of values whose smallest is `low` and largest `high`. */
function edgesBetween(low: number, high: number, bins: number): number[] {
  const metric = EQUAL_WIDTH;
  if (low === high) {
    throw new MetricInputError(
      `${metric}: every value is ${low}; equal-width bins need at least two distinct values.`,
      'undefined',
    );
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => low + (i * (high - low)) / bins);
  edges[bins] = high;
  return edges;
}

export interface BinnedSamples {
  /** Bin edges; quantile binning has -Infinity and +Infinity as outer edges. */
  edges: number[];
  /** Counts of the reference sample per bin. */
  reference: number[];
  /** Counts of the current sample per bin. */
  current: number[];
}

/**
 * Bins two samples on shared edges: the reference's quantiles (each bin holds about the same
 * share of the reference; outer bins open-ended, so every current value is counted), or equal
 * widths over the range of both samples together. Tied reference values can merge quantile bins,
 * so fewer bins than asked may come back.
 *
 * @param reference the reference sample (finite numbers, at least one).
 * @param current the current sample (finite numbers, at least one).
 * @param bins bins wanted, a whole number >= 2.
 * @param binning 'quantile' (of the reference) or 'equal' (width, over both samples).
 * @throws MetricInputError if a sample is empty or not finite, bins < 2, or fewer than 2 bins
 *   can be formed or hold data (too few distinct values).
 * @example
 * binSamples([1, 2, 3, 4], [3, 4, 5, 6], 2, 'quantile'); // edges [-Inf, 2.5, Inf], reference [2, 2], current [0, 4]
 */
export function binSamples(
  reference: readonly number[],
  current: readonly number[],
  bins: number,
  binning: Binning,
): BinnedSamples {
  return binSortedSamples(...sortedWindows(reference, current), bins, binning);
}

/**
 * Both samples checked (not empty, finite) and sorted, once: what binSortedSamples and the KS test
 * (ksTestOfSorted) take, so the drift report sorts each window a single time.
 */
export function sortedWindows(reference: readonly number[], current: readonly number[]): [Float64Array, Float64Array] {
  return [
    sortedSample(reference, 'the reference sample', BINNING),
    sortedSample(current, 'the current sample', BINNING),
  ];
}

/**
 * binSamples of two samples already checked and sorted (sortedSample): the drift report sorts
 * each window once for both the bins and the KS test. Counting is a bisection per edge.
 */
export function binSortedSamples(
  reference: Float64Array,
  current: Float64Array,
  bins: number,
  binning: Binning,
): BinnedSamples {
  const metric = BINNING;
  requireInteger(bins, 'bins', metric, 2);
  let edges: number[];
  if (binning === 'quantile') {
    edges = quantileEdgesOfSorted(reference, bins);
    if (edges.length < 3) {
      throw new MetricInputError(
        `${metric}: the reference sample has a single distinct value, so its quantiles form only one bin; use equal-width bins or another sample.`,
        'undefined',
      );
    }
  } else if (binning === 'equal') {
    const low = Math.min(reference[0] as number, current[0] as number);
    const high = Math.max(reference[reference.length - 1] as number, current[current.length - 1] as number);
    edges = edgesBetween(low, high, bins);
  } else {
    throw new MetricInputError(`${metric}: binning is ${String(binning)}; use 'quantile' or 'equal'.`, 'out-of-range');
  }
  const counts = { reference: histogramOfSorted(reference, edges), current: histogramOfSorted(current, edges) };
  const filled = counts.reference.filter((count, i) => count + (counts.current[i] as number) > 0).length;
  if (filled < 2) {
    throw new MetricInputError(
      `${metric}: every value falls in one bin, so there is no distribution to compare; the samples need more distinct values.`,
      'undefined',
    );
  }
  return { edges, ...counts };
}

export interface TwoSampleChiSquareResult extends ChiSquareResult {
  /** Categories empty in both samples: left out of the test (and of the degrees of freedom). */
  emptyBins: number;
}

/**
 * Two-sample chi-squared test (test of homogeneity): were two samples' category counts drawn
 * from the same distribution? Unlike a goodness-of-fit test against the reference's shares, it
 * counts the sampling noise of both windows, so with no drift its p-value is uniform.
 *
 * Formula: the 2 × k contingency table with rows a (reference) and b (current);
 * Eᵣᵢ = rowTotalᵣ · columnTotalᵢ / N; χ² = Σᵣ Σᵢ (Oᵣᵢ - Eᵣᵢ)² / Eᵣᵢ with k - 1 degrees of freedom;
 * p = P(χ²_{k-1} >= χ²). Columns empty in both samples are dropped first. No continuity
 * correction, so it equals scipy.stats.chi2_contingency([a, b], correction=False) on the
 * non-empty columns.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.chi2_contingency.html
 *
 * @param reference counts per category of the first sample (>= 0, finite).
 * @param current counts per category of the second sample, same categories and order.
 * @throws MetricInputError if the arrays are empty or of different lengths, hold a negative or
 *   non-finite count, either sample has no counts, or fewer than 2 categories are non-empty.
 * @example
 * chiSquareTwoSample([10, 20, 30], [20, 20, 20]); // { statistic: 5.3333..., pValue: 0.0694..., dof: 2, emptyBins: 0 }
 */
export function chiSquareTwoSample(reference: readonly number[], current: readonly number[]): TwoSampleChiSquareResult {
  const metric = 'Two-sample chi-squared test';
  requireNonEmpty(reference, 'reference', metric);
  if (reference.length !== current.length) {
    throw new MetricInputError(
      `${metric}: reference has ${reference.length} bins but current has ${current.length}; they must match.`,
      'length-mismatch',
    );
  }
  requireNonNegativeValues(reference, 'reference', metric);
  requireNonNegativeValues(current, 'current', metric);
  const totalA = sum(reference);
  const totalB = sum(current);
  if (totalA === 0 || totalB === 0) {
    throw new MetricInputError(
      `${metric}: the ${totalA === 0 ? 'reference' : 'current'} counts sum to 0.`,
      'undefined',
    );
  }
  const total = totalA + totalB;
  let statistic = 0;
  let used = 0;
  for (let i = 0; i < reference.length; i++) {
    const a = reference[i] as number;
    const b = current[i] as number;
    const column = a + b;
    if (column === 0) continue;
    used++;
    const expectedA = (totalA * column) / total;
    const expectedB = (totalB * column) / total;
    statistic += (a - expectedA) ** 2 / expectedA + (b - expectedB) ** 2 / expectedB;
  }
  if (used < 2) {
    throw new MetricInputError(
      `${metric}: only ${used} bin has data; the test needs at least 2 non-empty bins.`,
      'undefined',
    );
  }
  const dof = used - 1;
  return { statistic, pValue: chiSquareSurvival(statistic, dof), dof, emptyBins: reference.length - used };
}

/**
 * The PSI that sampling noise alone produces, on average, when nothing has drifted.
 *
 * Formula: E[PSI] ≈ (B - 1)·(1/n₁ + 1/n₂), because PSI is, to second order, the chi-squared
 * distance Σ (aᵢ - eᵢ)²/pᵢ, and n₁n₂/(n₁ + n₂) times that follows χ²_{B-1} under no drift.
 * Reference: Yurdakul (2018), "Statistical Properties of Population Stability Index",
 * https://scholarworks.wmich.edu/dissertations/3208/
 *
 * @param bins number of bins B (whole number >= 2).
 * @param n1 rows in the reference window (>= 1).
 * @param n2 rows in the current window (>= 1).
 * @throws MetricInputError if bins < 2 or a size is not a whole number >= 1.
 * @example
 * psiNoiseFloor(10, 1000, 1000); // 0.018
 */
export function psiNoiseFloor(bins: number, n1: number, n2: number): number {
  const metric = 'PSI noise floor';
  requireInteger(bins, 'bins', metric, 2);
  requireInteger(n1, 'n1', metric, 1);
  requireInteger(n2, 'n2', metric, 1);
  return (bins - 1) * (1 / n1 + 1 / n2);
}
