/**
 * Seeded latency scenarios and tail arithmetic for the latency-percentile widget: samples from a
 * heavy-tailed log-normal, a cache hit/miss mixture or a uniform distribution; the share of calls
 * over a limit; what a fan-out does to that share; and a fixed-width histogram for the chart.
 * The same seed gives the same samples on every machine, so a shared link shows the same numbers.
 */
import { MetricInputError } from '../errors.ts';
import { histogram } from '../drift/histogram.ts';
import { mulberry32, normalSample } from '../random.ts';
import {
  requireFinite,
  requireFiniteResult,
  requireFiniteValues,
  requireInRange,
  requireInteger,
  requireIntegerInRange,
  requireNonEmpty,
  requireNonNegative,
  requirePositive,
  requireSeed,
} from '../validate.ts';

/** Most samples one scenario may draw: enough for a stable p99, small enough for a browser. */
export const MAX_LATENCY_SAMPLES = 200_000;

/** Spread (log-space standard deviation) of each mode of the cache hit/miss mixture. */
export const BIMODAL_JITTER = 0.15;

/**
 * Log-normal latencies: the usual shape of service latency, a bulk near the median and a long
 * right tail whose weight grows with sigma.
 *
 * Formula: x = median × exp(sigma × Z), Z standard normal (Box-Muller on mulberry32(seed)).
 * The mean is median × exp(sigma² / 2) and the p99 median × exp(2.326 sigma).
 * Reference: https://en.wikipedia.org/wiki/Log-normal_distribution
 *
 * @throws MetricInputError if n is not a whole number from 1 to MAX_LATENCY_SAMPLES, medianMs is
 *   not > 0, sigma is negative or above 5, or seed is not a whole number.
 * @example
 * logNormalLatencies({ n: 10_000, medianMs: 40, sigma: 0.8, seed: 1 }); // median ≈ 40, p99 ≈ 257
 */
export function logNormalLatencies({
  n,
  medianMs,
  sigma,
  seed,
}: {
  n: number;
  medianMs: number;
  sigma: number;
  seed: number;
}): number[] {
  const metric = 'Log-normal latencies';
  requireIntegerInRange(n, 'n', metric, 1, MAX_LATENCY_SAMPLES);
  requirePositive(medianMs, 'medianMs', metric);
  requireInRange(sigma, 'sigma', metric, 0, 5);
  requireSeed(seed, metric);
  const random = mulberry32(seed);
  const values = Array.from({ length: n }, () => medianMs * Math.exp(sigma * normalSample(random)));
  requireFiniteValues(values, 'samples', metric);
  return values;
}

/**
 * Cache hit/miss latencies: a mixture of two log-normal modes, fast hits and slow misses.
 *
 * Formula: with probability missShare a value is missMs × exp(j Z), otherwise hitMs × exp(j Z), with
 * Z standard normal and j = BIMODAL_JITTER (0.15, so each mode spreads about ±15%). The mean is
 * about (1 − missShare) hitMs + missShare missMs.
 *
 * @throws MetricInputError if n is out of range, a latency is not > 0, missShare is outside [0, 1],
 *   or seed is not a whole number.
 * @example
 * bimodalLatencies({ n: 10_000, hitMs: 40, missMs: 1500, missShare: 0.02, seed: 1 }); // mean ≈ 70, p99 ≈ 1500
 */
export function bimodalLatencies({
  n,
  hitMs,
  missMs,
  missShare,
  seed,
}: {
  n: number;
  hitMs: number;
  missMs: number;
  missShare: number;
  seed: number;
}): number[] {
  const metric = 'Cache hit/miss latencies';
  requireIntegerInRange(n, 'n', metric, 1, MAX_LATENCY_SAMPLES);
  requirePositive(hitMs, 'hitMs', metric);
  requirePositive(missMs, 'missMs', metric);
  requireInRange(missShare, 'missShare', metric, 0, 1);
  requireSeed(seed, metric);
  const random = mulberry32(seed);
  const values = Array.from({ length: n }, () => {
    const centre = random() < missShare ? missMs : hitMs;
    return centre * Math.exp(BIMODAL_JITTER * normalSample(random));
  });
  requireFiniteValues(values, 'samples', metric);
  return values;
}

/**
 * Uniform latencies between a minimum and a maximum: a distribution with no tail at all, to compare.
 *
 * Formula: x = min + (max − min) U with U uniform in [0, 1) from mulberry32(seed).
 *
 * @throws MetricInputError if n is out of range, minMs is negative, maxMs is below minMs, or seed is
 *   not a whole number.
 * @example
 * uniformLatencies({ n: 10_000, minMs: 20, maxMs: 80, seed: 1 }); // p99 ≈ 79.4
 */
export function uniformLatencies({
  n,
  minMs,
  maxMs,
  seed,
}: {
  n: number;
  minMs: number;
  maxMs: number;
  seed: number;
}): number[] {
  const metric = 'Uniform latencies';
  requireIntegerInRange(n, 'n', metric, 1, MAX_LATENCY_SAMPLES);
  requireNonNegative(minMs, 'minMs', metric);
  requireNonNegative(maxMs, 'maxMs', metric);
  if (maxMs < minMs) {
    throw new MetricInputError(
      `${metric}: the maximum (${maxMs} ms) is below the minimum (${minMs} ms); make the maximum at least the minimum.`,
      'out-of-range',
    );
  }
  requireSeed(seed, metric);
  const random = mulberry32(seed);
  const values = Array.from({ length: n }, () => minMs + (maxMs - minMs) * random());
  requireFiniteValues(values, 'samples', metric);
  return values;
}

/**
 * Share above a limit: the fraction of values strictly greater than `limit` (calls that miss an SLO).
 *
 * Formula: #{ v > limit } / n.
 *
 * @throws MetricInputError if values is empty or has a non-finite value, or limit is not finite.
 * @example
 * shareAbove([10, 20, 30, 40], 25); // 0.5
 */
export function shareAbove(values: ArrayLike<number>, limit: number): number {
  const metric = 'Share above a limit';
  requireNonEmpty(values, 'values', metric);
  requireFiniteValues(values, 'values', metric);
  requireFinite(limit, 'limit', metric);
  let above = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > limit) above++;
  return above / values.length;
}

/**
 * Fan-out tail: the chance that a page which waits for `fanOut` independent calls waits for at
 * least one slow one, when each call is slow with probability `perCallShare`.
 *
 * Formula: 1 − (1 − p)^F. With p = 0.02 and F = 10: 1 − 0.98^10 = 0.183.
 * Reference: Dean & Barroso, "The Tail at Scale", CACM 2013, https://doi.org/10.1145/2408776.2408794
 *
 * @throws MetricInputError if perCallShare is outside [0, 1] or fanOut is not a whole number >= 1.
 * @example
 * fanOutSlowShare(0.01, 100); // 0.634: with 100 calls, most pages meet a 1-in-100 slow call
 */
export function fanOutSlowShare(perCallShare: number, fanOut: number): number {
  const metric = 'Fan-out tail';
  requireInRange(perCallShare, 'perCallShare', metric, 0, 1);
  requireInteger(fanOut, 'fanOut', metric, 1);
  // -expm1(F log1p(-p)) keeps precision for tiny p.
  const share = -Math.expm1(fanOut * Math.log1p(-perCallShare));
  requireFiniteResult(share, 'share', metric);
  return share;
}

export interface Histogram {
  /** Bin edges, bins + 1 of them, from 0 to `upper`. */
  edges: number[];
  /** Values in each bin [edges[i], edges[i+1]); the last bin also holds values equal to `upper`. */
  counts: number[];
  /** Values above `upper`, left off the chart. */
  above: number;
}

/**
 * Fixed-width histogram of non-negative values over [0, upper], with a count of values beyond it
 * (so a long tail does not squash the bulk into one bar).
 *
 * Formula: bin i holds values in [i w, (i + 1) w) with w = upper / bins; a value equal to upper goes
 * in the last bin; values above upper are counted in `above`.
 *
 * @throws MetricInputError if values is empty, has a negative or non-finite value, upper is not > 0,
 *   or bins is not a whole number from 1 to 1000.
 * @example
 * latencyHistogram([1, 2, 3, 9], 4, 2); // { edges: [0, 2, 4], counts: [1, 2], above: 1 }
 */
export function latencyHistogram(values: ArrayLike<number>, upper: number, bins: number): Histogram {
  const metric = 'Latency histogram';
  requireNonEmpty(values, 'values', metric);
  requireFiniteValues(values, 'values', metric);
  requirePositive(upper, 'upper', metric);
  requireIntegerInRange(bins, 'bins', metric, 1, 1000);
  const width = upper / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => i * width);
  const shown: number[] = [];
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < 0)
      throw new MetricInputError(`${metric}: values[${i}] is ${v}; latencies must not be negative.`, 'out-of-range');
    if (v > upper) above++;
    else shown.push(v);
  }
  return { edges, counts: histogram(shown, edges), above };
}
