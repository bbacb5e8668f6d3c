/**
 * Two-proportion z-test for an A/B test on conversion rates.
 */
import { normalQuantile, normalTwoSidedPValue } from '../distributions.ts';
import { MetricInputError } from '../errors.ts';
import { requireInteger, requireOpenUnit } from '../validate.ts';

export interface TwoProportionInput {
  /** Conversions in A (control), a whole number in [0, trialsA]. */
  successesA: number;
  /** Users in A, a whole number >= 1. */
  trialsA: number;
  /** Conversions in B (treatment), a whole number in [0, trialsB]. */
  successesB: number;
  /** Users in B, a whole number >= 1. */
  trialsB: number;
  /** Significance level for the confidence interval, in (0, 1); default 0.05 (95% CI). */
  alpha?: number;
}

export interface TwoProportionResult {
  /** Conversion rate of A, successesA / trialsA. */
  rateA: number;
  /** Conversion rate of B. */
  rateB: number;
  /** rateB - rateA. */
  difference: number;
  /** z statistic with the pooled standard error; 0 when both rates are 0% or both 100%. */
  z: number;
  /** Two-sided p-value; 1 when both rates are 0% or both 100%. */
  pValue: number;
  /** Lower end of the (1 - alpha) Wald interval for the difference (unpooled SE). */
  ciLow: number;
  /** Upper end of that interval. */
  ciHigh: number;
  /** difference / rateA; null when rateA is 0 (a lift over nothing is undefined). */
  relativeLift: number | null;
}

/**
 * z statistic of B - A with the pooled standard error, or 0 when that error is 0 (both arms at
 * 0% or both at 100%: no variation, no evidence of a difference). Inputs must be valid.
 */
export function pooledZStatistic(successesA: number, trialsA: number, successesB: number, trialsB: number): number {
  const pooled = (successesA + successesB) / (trialsA + trialsB);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB));
  if (standardError === 0) return 0;
  return (successesB / trialsB - successesA / trialsA) / standardError;
}

/**
 * Two-proportion z-test: is B's conversion rate different from A's? Returns the test and a
 * confidence interval for the difference B - A.
 *
 * Formula: p̂ = (x_A + x_B)/(n_A + n_B); z = (p̂_B - p̂_A) / sqrt(p̂(1 - p̂)(1/n_A + 1/n_B));
 * p = 2·(1 - Φ(|z|)) (two-sided). Interval: (p̂_B - p̂_A) ± z_{1-α/2}·sqrt(p̂_A(1 - p̂_A)/n_A +
 * p̂_B(1 - p̂_B)/n_B) (Wald, unpooled). As statsmodels' proportions_ztest (pooled) and
 * confint_proportions_2indep(method='wald'). Deviation: when both arms are at 0% or both at
 * 100% statsmodels returns NaN; we return z = 0 and p = 1, and the interval collapses to [0, 0]
 * (a known weakness of the Wald interval with no variation).
 * References: https://www.statsmodels.org/stable/generated/statsmodels.stats.proportion.proportions_ztest.html
 * and https://www.statsmodels.org/stable/generated/statsmodels.stats.proportion.confint_proportions_2indep.html
 *
 * @param input successes and trials per arm, and alpha for the interval.
 * @throws MetricInputError if a count is not a whole number, trials are 0, successes exceed
 *   trials or are negative, or alpha is outside (0, 1).
 * @example
 * twoProportionZTest({ successesA: 200, trialsA: 1000, successesB: 250, trialsB: 1000 });
 * // { z: 2.677..., pValue: 0.00742..., difference: 0.05, ciLow: 0.01346..., ciHigh: 0.08653...,
 * //   relativeLift: 0.25, rateA: 0.2, rateB: 0.25 }
 */
export function twoProportionZTest(input: TwoProportionInput): TwoProportionResult {
  const metric = 'Two-proportion z-test';
  const { successesA, trialsA, successesB, trialsB, alpha = 0.05 } = input;
  requireInteger(trialsA, 'trialsA', metric, 1);
  requireInteger(trialsB, 'trialsB', metric, 1);
  requireInteger(successesA, 'successesA', metric, 0);
  requireInteger(successesB, 'successesB', metric, 0);
  if (successesA > trialsA) {
    throw new MetricInputError(`${metric}: successesA (${successesA}) exceeds trialsA (${trialsA}).`, 'out-of-range');
  }
  if (successesB > trialsB) {
    throw new MetricInputError(`${metric}: successesB (${successesB}) exceeds trialsB (${trialsB}).`, 'out-of-range');
  }
  requireOpenUnit(alpha, 'alpha', metric);

  const rateA = successesA / trialsA;
  const rateB = successesB / trialsB;
  const difference = rateB - rateA;
  const z = pooledZStatistic(successesA, trialsA, successesB, trialsB);
  const pValue = z === 0 ? 1 : normalTwoSidedPValue(z);
  const unpooledError = Math.sqrt((rateA * (1 - rateA)) / trialsA + (rateB * (1 - rateB)) / trialsB);
  const margin = normalQuantile(1 - alpha / 2) * unpooledError;
  return {
    rateA,
    rateB,
    difference,
    z,
    pValue,
    ciLow: difference - margin,
    ciHigh: difference + margin,
    relativeLift: rateA === 0 ? null : difference / rateA,
  };
}
