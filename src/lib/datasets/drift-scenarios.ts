/**
 * Seeded drift scenarios for the drift detector: a reference window and a current window of one
 * feature, drawn so that a reader who shares a link sees exactly the same samples. Each scenario
 * is a classic kind of drift; `strength` scales its shift (0 = no drift, 1 = as described).
 */
import { MetricInputError } from '../errors.ts';
import { mulberry32, normalSample, type RandomSource } from '../random.ts';
import { requireFinite, requireInteger } from '../validate.ts';

export type DriftScenarioName = 'none' | 'mean' | 'variance' | 'category' | 'seasonal';

/** Raw values of a numeric feature in each window. */
export interface NumericWindows {
  kind: 'numeric';
  reference: number[];
  current: number[];
}

/** Counts per category of a categorical feature in each window (same order as `categories`). */
export interface CategoricalWindows {
  kind: 'categorical';
  categories: string[];
  reference: number[];
  current: number[];
}

export type DriftWindows = NumericWindows | CategoricalWindows;

export interface DriftScenarioOptions {
  /** Rows in each window, a whole number >= 2. */
  n: number;
  /** Multiplies the scenario's shift, >= 0; 0 gives no drift. Default 1. */
  strength?: number;
  /** Seed of the mulberry32 generator. */
  seed: number;
}

/** At strength 1: mean shift in standard deviations. */
export const MEAN_SHIFT = 0.6;
/** At strength 1: the current window's standard deviation is 1 + this. */
export const SPREAD_INCREASE = 0.4;
/** At strength 1: amplitude of the yearly cycle, in noise standard deviations. */
export const SEASONAL_AMPLITUDE = 0.6;
/** At strength 1: share of the current window in the category the reference never saw. */
export const NEW_CATEGORY_SHARE = 0.1;
/** Payment methods for the categorical scenario; the last one is new in the current window. */
export const PAYMENT_METHODS = ['Card', 'Wallet', 'Bank', 'Gift card', 'BNPL'];
const REFERENCE_SHARES = [0.55, 0.25, 0.15, 0.05, 0];

// Plain loops, not Array.from({ length }, f): the widget draws 20,000 values per window on a
// slider move, and the loop takes less than half the time.
function normals(random: RandomSource, n: number, mean: number, sd: number): number[] {
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) values[i] = mean + sd * normalSample(random);
  return values;
}

/** A yearly cycle: t uniform in [from, to) (fractions of a year), value = amplitude·sin(2πt) + noise. */
function seasonal(random: RandomSource, n: number, amplitude: number, from: number, to: number): number[] {
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t = from + (to - from) * random();
    values[i] = amplitude * Math.sin(2 * Math.PI * t) + normalSample(random);
  }
  return values;
}

function categoryCounts(random: RandomSource, n: number, shares: readonly number[]): number[] {
  const counts = shares.map(() => 0);
  // Rounding in the walk below must never land in a category whose share is 0.
  let last = shares.length - 1;
  while (last > 0 && shares[last] === 0) last--;
  for (let i = 0; i < n; i++) {
    let u = random();
    let k = 0;
    while (k < last && u >= (shares[k] as number)) u -= shares[k++] as number;
    counts[k]++;
  }
  return counts;
}

/**
 * Draws the reference and current windows of one drift scenario.
 *
 * - none: both windows N(0, 1).
 * - mean: current N(0.6·s, 1) (0.6 standard deviations at s = 1).
 * - variance: current N(0, (1 + 0.4·s)²).
 * - seasonal: value = 0.6·s·sin(2πt) + N(0, 1); the reference spans a whole year (t in [0, 1)),
 *   the current window is the peak month (t in [0.2, 0.3)).
 * - category: payment methods with reference shares 55/25/15/5/0%; in the current window a new
 *   method (BNPL) takes 10%·s (capped at 90%) and the others shrink in proportion.
 * The reference is drawn first, then the current window, from one mulberry32(seed) stream.
 *
 * @throws MetricInputError if n is not a whole number >= 2, strength is negative or not finite,
 *   or the scenario is unknown.
 * @example
 * driftScenario('mean', { n: 1000, seed: 1 }); // { kind: 'numeric', reference: [...1000], current: [...1000] }
 */
export function driftScenario(name: DriftScenarioName, options: DriftScenarioOptions): DriftWindows {
  const metric = 'Drift scenario';
  const { n, seed } = options;
  const strength = options.strength ?? 1;
  requireInteger(n, 'n', metric, 2);
  requireFinite(strength, 'strength', metric);
  if (strength < 0)
    throw new MetricInputError(`${metric}: strength is ${strength}; it cannot be negative.`, 'out-of-range');
  const random = mulberry32(seed);
  switch (name) {
    case 'none':
      return { kind: 'numeric', reference: normals(random, n, 0, 1), current: normals(random, n, 0, 1) };
    case 'mean':
      return {
        kind: 'numeric',
        reference: normals(random, n, 0, 1),
        current: normals(random, n, MEAN_SHIFT * strength, 1),
      };
    case 'variance':
      return {
        kind: 'numeric',
        reference: normals(random, n, 0, 1),
        current: normals(random, n, 0, 1 + SPREAD_INCREASE * strength),
      };
    case 'seasonal': {
      const amplitude = SEASONAL_AMPLITUDE * strength;
      return {
        kind: 'numeric',
        reference: seasonal(random, n, amplitude, 0, 1),
        current: seasonal(random, n, amplitude, 0.2, 0.3),
      };
    }
    case 'category': {
      const newShare = Math.min(0.9, NEW_CATEGORY_SHARE * strength);
      const currentShares = REFERENCE_SHARES.map((share, i) =>
        i === REFERENCE_SHARES.length - 1 ? newShare : share * (1 - newShare),
      );
      return {
        kind: 'categorical',
        categories: [...PAYMENT_METHODS],
        reference: categoryCounts(random, n, REFERENCE_SHARES),
        current: categoryCounts(random, n, currentShares),
      };
    }
    default:
      throw new MetricInputError(`${metric}: unknown scenario "${String(name)}".`, 'out-of-range');
  }
}
