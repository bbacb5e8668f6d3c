/**
 * Two-sample Kolmogorov-Smirnov test, as scipy.stats.ks_2samp (alternative='two-sided').
 */
import { sortedCopy } from '../arithmetic.ts';
import { MetricInputError } from '../errors.ts';
import { requireFiniteValues, requireNonEmpty } from '../validate.ts';

/** How the p-value was computed. */
export type KsMethod = 'exact' | 'asymp';

export interface KsTestOptions {
  /**
   * 'exact' (the exact null distribution of D, by lattice-path counting), 'asymp' (the
   * Kolmogorov limiting distribution), or 'auto' (default): exact when both samples have at
   * most 10,000 values, as scipy's method='auto'.
   */
  method?: KsMethod | 'auto';
}

export interface KsTestResult {
  /**
   * D = sup |F_a(x) - F_b(x)|, between 0 and 1. With the exact method it is reported as the
   * exact fraction h / lcm(m, n), as scipy does (it may differ from ksStatistic in the last bit).
   */
  statistic: number;
  /** Two-sided p-value of "both samples come from the same continuous distribution". */
  pValue: number;
  /** The method actually used (exact falls back to asymp if it cannot be computed). */
  method: KsMethod;
}

/** scipy's MAX_AUTO_N: 'auto' is exact while both samples are at most this large. */
const MAX_EXACT_AUTO = 10_000;

/**
 * A sample checked (not empty, every value finite) and sorted ascending: what the KS test works
 * on, and what the drift report bins, so each window is sorted once.
 * @throws MetricInputError if values is empty or holds NaN or ±Infinity.
 */
export function sortedSample(values: readonly number[], name: string, metric: string): Float64Array {
  requireNonEmpty(values, name, metric);
  requireFiniteValues(values, name, metric);
  return sortedCopy(values);
}

/** D over two sorted samples, walking both in one merge; ties are consumed together. */
function statisticOfSorted(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i] as number, b[j] as number);
    while (i < a.length && (a[i] as number) <= x) i++;
    while (j < b.length && (b[j] as number) <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  // After one sample is used up the gap can only shrink toward 0.
  return d;
}

/**
 * Two-sample Kolmogorov-Smirnov statistic: the largest vertical gap between the two samples'
 * empirical CDFs.
 *
 * Formula: D = max_x |F_a(x) - F_b(x)|, F_s(x) = #{v in s : v <= x} / |s|, checked at every
 * data value (ties handled by counting all equal values at once). Sorts both: O(n log n).
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.ks_2samp.html
 *
 * @param a first sample (e.g. the reference), finite numbers.
 * @param b second sample (e.g. production), finite numbers.
 * @throws MetricInputError if a sample is empty or holds NaN or ±Infinity.
 * @example
 * ksStatistic([1, 2, 3], [1, 2, 3]); // 0
 * ksStatistic([1, 2, 3], [4, 5, 6]); // 1
 */
export function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const metric = 'KS statistic';
  return statisticOfSorted(sortedSample(a, 'a', metric), sortedSample(b, 'b', metric));
}

function gcd(x: number, y: number): number {
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * P(D >= h/n) for two samples of equal size n, from the closed form
 * 2 Σ_{k>=1} (-1)^{k-1} C(2n, n - kh) / C(2n, n) (Gnedenko & Korolyuk, 1951), each ratio of
 * binomials built as a running product so nothing overflows.
 */
function equalSizeTailProbability(n: number, h: number): number {
  let total = 0;
  let ratio = 1;
  let j = 0;
  for (let k = 1; k * h <= n; k++) {
    for (; j < k * h; j++) ratio *= (n - j) / (n + j + 1);
    total += k % 2 === 1 ? ratio : -ratio;
  }
  return 2 * total;
}

/**
 * P(D >= d) for sizes m and n, by counting lattice paths (Hodges, 1958). A path from (0, 0) to
 * (m, n) steps right for each value of sample a and up for each of b, in sorted order; D >= d
 * exactly when the path touches |i/m - j/n| >= d. We track, for each point, the share of paths
 * reaching it that have already touched the boundary (Viehmann, 2021, arXiv:2102.08037), which
 * gives the p-value directly without subtracting from 1. O(m·n) time, O(n) memory.
 */
function unequalSizeTailProbability(m: number, n: number, h: number): number {
  const g = gcd(m, n);
  const mg = m / g;
  const ng = n / g;
  // (i, j) is on or beyond the boundary when |i/m - j/n| >= h / lcm, i.e. |i·ng - j·mg| >= h.
  const outside = (i: number, j: number) => Math.abs(i * ng - j * mg) >= h;
  const share = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) share[j] = outside(0, j) ? 1 : j === 0 ? 0 : (share[j - 1] as number);
  for (let i = 1; i <= m; i++) {
    if (outside(i, 0)) share[0] = 1;
    for (let j = 1; j <= n; j++) {
      share[j] = outside(i, j) ? 1 : (i * (share[j] as number) + j * (share[j - 1] as number)) / (i + j);
    }
  }
  return share[n] as number;
}

/**
 * Exact two-sided test, or undefined if the p-value could not be computed in floating point.
 * D is a multiple of 1/lcm(m, n): the statistic is returned as that exact fraction, as scipy.
 */
function exactTest(m: number, n: number, d: number): { statistic: number; pValue: number } | undefined {
  const lcm = (m / gcd(m, n)) * n;
  // Rounding removes the floating-point noise in d.
  const h = Math.round(d * lcm);
  const statistic = h / lcm;
  if (h === 0) return { statistic, pValue: 1 };
  const p = m === n ? equalSizeTailProbability(m, h) : unequalSizeTailProbability(m, n, h);
  if (!(Number.isFinite(p) && p >= -1e-12 && p <= 1 + 1e-12)) return undefined;
  return { statistic, pValue: Math.min(1, Math.max(0, p)) };
}

/**
 * Survival function of the Kolmogorov distribution, Q(λ) = P(K > λ), the limit of
 * sqrt(n)·D_n (scipy.stats.kstwobign.sf). Uses the series that converges fast on each side:
 * Q(λ) = 1 - (√(2π)/λ) Σ_{k>=1} exp(-(2k-1)²π² / (8λ²)) for small λ,
 * Q(λ) = 2 Σ_{k>=1} (-1)^{k-1} exp(-2k²λ²) for large λ.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.kstwobign.html
 *
 * @param lambda the scaled statistic λ >= 0 (NaN throws).
 * @throws MetricInputError if lambda is NaN.
 * @example
 * kolmogorovSurvival(1); // 0.26999967167735456
 */
export function kolmogorovSurvival(lambda: number): number {
  if (Number.isNaN(lambda)) {
    throw new MetricInputError('Kolmogorov distribution: lambda is NaN; it must be a number.', 'not-finite');
  }
  if (lambda <= 0) return 1;
  if (lambda < 1) {
    const factor = -(Math.PI * Math.PI) / (8 * lambda * lambda);
    let cdfSum = 0;
    for (let k = 1; k < 100; k++) {
      const term = Math.exp(factor * (2 * k - 1) * (2 * k - 1));
      cdfSum += term;
      if (term < 1e-17 * cdfSum) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * cdfSum));
  }
  let total = 0;
  for (let k = 1; k < 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    total += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * total));
}

/**
 * Two-sample Kolmogorov-Smirnov test (two-sided): do two samples come from the same
 * continuous distribution? Sensitive to any difference in location or shape.
 *
 * Formula: D as ksStatistic. p-value:
 * - exact (default while both samples have <= 10,000 values, as scipy's method='auto'):
 *   P(D_{m,n} >= D) under H0, from the closed form for equal sizes and lattice-path counting
 *   otherwise, as scipy's method='exact'. Cost O(m·n) for unequal sizes.
 * - asymp: Q(sqrt(m·n/(m+n)) · D), Q the Kolmogorov survival function (kstwobign). Deviation:
 *   scipy >= 1.5 evaluates its asymp p-value with the finite-n one-sample distribution
 *   kstwo.sf(D, round(m·n/(m+n))), which tends to the same limit; for small samples the two
 *   differ by up to about 0.02 (e.g. m = 25, n = 24: 0.108 here, 0.089 in scipy, exact 0.085).
 * Ties (discrete data) make the test conservative, as in scipy.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.ks_2samp.html
 *
 * @param a first sample (e.g. the reference), finite numbers.
 * @param b second sample (e.g. production), finite numbers.
 * @param options method: 'auto' (default), 'exact' or 'asymp'.
 * @throws MetricInputError if a sample is empty or holds NaN or ±Infinity, or method is unknown.
 * @example
 * ksTest([0.1, 0.4, 0.7, 0.9, 1.3, 1.5], [0.2, 0.5, 0.6, 1.1, 1.7, 1.9]);
 * // { statistic: 0.3333333333333333, pValue: 0.9307359307359307, method: 'exact' }
 */
export function ksTest(a: readonly number[], b: readonly number[], options: KsTestOptions = {}): KsTestResult {
  const metric = 'KS test';
  return ksTestOfSorted(sortedSample(a, 'a', metric), sortedSample(b, 'b', metric), options);
}

/** ksTest of two samples already checked and sorted (sortedSample). */
export function ksTestOfSorted(sa: Float64Array, sb: Float64Array, options: KsTestOptions = {}): KsTestResult {
  const requested = options.method ?? 'auto';
  if (requested !== 'auto' && requested !== 'exact' && requested !== 'asymp') {
    throw new MetricInputError(
      `KS test: method is ${String(requested)}; use 'auto', 'exact' or 'asymp'.`,
      'out-of-range',
    );
  }
  const statistic = statisticOfSorted(sa, sb);
  const m = sa.length;
  const n = sb.length;
  const tryExact = requested === 'exact' || (requested === 'auto' && Math.max(m, n) <= MAX_EXACT_AUTO);
  if (tryExact) {
    const exact = exactTest(m, n, statistic);
    if (exact !== undefined) return { ...exact, method: 'exact' };
  }
  const effectiveSize = (m * n) / (m + n);
  return { statistic, pValue: kolmogorovSurvival(Math.sqrt(effectiveSize) * statistic), method: 'asymp' };
}
