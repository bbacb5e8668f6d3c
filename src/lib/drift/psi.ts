/**
 * Population stability index (PSI), the drift score credit-risk teams use to compare a
 * feature's binned distribution in production with the one it was trained on.
 */
import { MetricInputError } from '../errors.ts';
import { requireFinite, requireSameLength } from '../validate.ts';
import { logRatio, toProportions } from './normalize.ts';

/** Default stand-in for an empty bin's proportion: 1e-4 (0.01%). */
export const PSI_EPSILON = 1e-4;

export interface PsiOptions {
  /**
   * Proportion used in place of 0 for an empty bin, so ln(a/e) stays finite; default 1e-4.
   * Must be in (0, 1). The other proportions are not renormalised (common practice).
   */
  epsilon?: number;
}

function binContributions(expected: readonly number[], actual: readonly number[], options: PsiOptions, metric: string) {
  requireSameLength(expected, actual, 'expected', 'actual', metric);
  const e = toProportions(expected, 'expected', metric);
  const a = toProportions(actual, 'actual', metric);
  const epsilon = options.epsilon ?? PSI_EPSILON;
  requireFinite(epsilon, 'epsilon', metric);
  if (epsilon <= 0 || epsilon >= 1) {
    throw new MetricInputError(
      `${metric}: epsilon is ${epsilon}; it must be between 0 and 1 (exclusive).`,
      'out-of-range',
    );
  }
  return e.map((expectedShare, i) => {
    const ei = expectedShare === 0 ? epsilon : expectedShare;
    const ai = (a[i] as number) === 0 ? epsilon : (a[i] as number);
    return (ai - ei) * logRatio(ai, ei);
  });
}

/**
 * PSI contribution of each bin: how much each bin adds to the population stability index, for
 * a chart that shows where a distribution moved. Every term is >= 0.
 *
 * Formula: termᵢ = (aᵢ - eᵢ) · ln(aᵢ / eᵢ), with eᵢ, aᵢ the bins' proportions and a 0 proportion
 * replaced by epsilon (default 1e-4).
 * Reference: Yurdakul (2018), "Statistical Properties of Population Stability Index",
 * https://scholarworks.wmich.edu/dissertations/3208/ (PSI is the symmetrised KL divergence,
 * see https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.entropy.html).
 *
 * @param expected reference distribution (training data): counts or proportions per bin.
 * @param actual current distribution (production), same bins.
 * @param options epsilon for empty bins.
 * @throws MetricInputError as psi().
 * @example
 * psiBinContributions([50, 50], [40, 60]); // [0.0223..., 0.0182...]
 */
export function psiBinContributions(
  expected: readonly number[],
  actual: readonly number[],
  options: PsiOptions = {},
): number[] {
  return binContributions(expected, actual, options, 'PSI');
}

/**
 * Population stability index (PSI) between a reference and a current binned distribution.
 * Rule of thumb: < 0.1 stable, 0.1 to 0.25 moderate shift, > 0.25 major shift.
 *
 * Formula: PSI = Σᵢ (aᵢ - eᵢ) · ln(aᵢ / eᵢ), natural log, where eᵢ and aᵢ are the proportions
 * of the reference (expected) and current (actual) samples in bin i; counts are normalised
 * first, and an empty bin's proportion is replaced by epsilon (default 1e-4) so the logarithm
 * is finite. Equals KL(a‖e) + KL(e‖a); >= 0, and 0 for identical distributions.
 * Reference: Yurdakul (2018), https://scholarworks.wmich.edu/dissertations/3208/ ;
 * KL as in https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.entropy.html
 *
 * @param expected reference distribution (training data): counts or proportions per bin.
 * @param actual current distribution (production), same bins, same order.
 * @param options epsilon for empty bins, in (0, 1).
 * @throws MetricInputError if the arrays are empty or of different lengths, hold a negative,
 *   NaN or infinite value, either sums to 0, or epsilon is outside (0, 1).
 * @example
 * psi([50, 50], [40, 60]); // 0.0405465...
 * psi([0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]); // 0
 */
export function psi(expected: readonly number[], actual: readonly number[], options: PsiOptions = {}): number {
  let total = 0;
  for (const term of binContributions(expected, actual, options, 'PSI')) total += term;
  return total;
}
