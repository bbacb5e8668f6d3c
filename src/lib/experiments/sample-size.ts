/**
 * How many users an A/B test on a conversion rate needs.
 */
import { normalQuantile } from '../distributions.ts';
import { MetricInputError } from '../errors.ts';
import { requireFinite, requireOpenUnit } from '../validate.ts';

export interface SampleSizeInput {
  /** Control conversion rate p₁, strictly between 0 and 1 (0.05 = 5%). */
  baseline: number;
  /**
   * Minimum detectable effect: absolute (0.005 = half a percentage point) unless `relative`,
   * then a fraction of the baseline (0.25 = a quarter of it). May be negative (a drop).
   */
  mde: number;
  /** Read mde as relative to the baseline; default false. */
  relative?: boolean;
  /** Significance level, in (0, 1); default 0.05. */
  alpha?: number;
  /** Power 1 - β, in (0, 1); default 0.8. */
  power?: number;
  /** Two-sided test (z_{1-α/2}) or one-sided (z_{1-α}); default true. */
  twoSided?: boolean;
}

/** The treatment rate an effect aims at: baseline·(1 + mde) when relative, baseline + mde otherwise. */
export function targetRate(baseline: number, mde: number, relative: boolean): number {
  return relative ? baseline * (1 + mde) : baseline + mde;
}

/**
 * Sample size per variant for comparing two conversion rates: users in each arm so that a
 * z-test at level alpha detects the change from baseline to baseline + mde with the given power.
 *
 * Formula (two-proportion normal approximation, pooled variance under H0):
 * n = (z_{1-α/2}·sqrt(2·p̄(1 - p̄)) + z_{1-β}·sqrt(p₁(1 - p₁) + p₂(1 - p₂)))² / (p₂ - p₁)²,
 * p₂ = p₁ + mde (or p₁·(1 + mde) if relative), p̄ = (p₁ + p₂)/2, z from jStat's normal
 * quantile, z_{1-α} when one-sided; rounded up. This equals statsmodels'
 * samplesize_proportions_2indep_onetail(diff, prop2=p₁, power, alpha) before rounding. (It is
 * not NormalIndPower with Cohen's h, which gives a slightly different n.)
 * Reference: https://www.statsmodels.org/stable/generated/statsmodels.stats.proportion.samplesize_proportions_2indep_onetail.html
 *
 * @param input baseline, mde, relative, alpha, power, twoSided (see SampleSizeInput).
 * @returns users per variant, a whole number >= 1 (total = 2 × this).
 * @throws MetricInputError if baseline, alpha or power is outside (0, 1) or not finite, mde is
 *   0 or not finite, the target rate p₂ falls outside (0, 1), or power is so far below 0.5
 *   that the formula no longer describes a test.
 * @example
 * sampleSizePerVariant({ baseline: 0.05, mde: 0.005 }); // 31234
 * sampleSizePerVariant({ baseline: 0.1, mde: 0.2, relative: true }); // 3841 (10% -> 12%)
 */
export function sampleSizePerVariant(input: SampleSizeInput): number {
  const metric = 'Sample size';
  const { baseline, mde, relative = false, alpha = 0.05, power = 0.8, twoSided = true } = input;
  requireOpenUnit(baseline, 'baseline', metric);
  requireFinite(mde, 'mde', metric);
  requireOpenUnit(alpha, 'alpha', metric);
  requireOpenUnit(power, 'power', metric);
  if (mde === 0) {
    throw new MetricInputError(`${metric}: mde is 0; no sample size can detect a zero effect.`, 'out-of-range');
  }
  const p1 = baseline;
  const p2 = targetRate(baseline, mde, relative);
  if (!(p2 > 0 && p2 < 1)) {
    throw new MetricInputError(
      `${metric}: the target rate ${relative ? 'baseline × (1 + mde)' : 'baseline + mde'} is ${p2}; it must be strictly between 0 and 1.`,
      'out-of-range',
    );
  }
  const zAlpha = normalQuantile(twoSided ? 1 - alpha / 2 : 1 - alpha);
  const zBeta = normalQuantile(power);
  const pBar = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  if (root <= 0) {
    throw new MetricInputError(
      `${metric}: power ${power} is too low for alpha ${alpha}; the formula needs power well above alpha (use 0.8 or more).`,
      'out-of-range',
    );
  }
  const n = (root * root) / ((p2 - p1) * (p2 - p1));
  // Subtracting 1e-9 keeps float noise (e.g. 1565.0000000000002) from adding a user.
  return Math.max(1, Math.ceil(n - 1e-9));
}
