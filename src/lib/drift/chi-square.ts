/**
 * Pearson's chi-squared goodness-of-fit test, as scipy.stats.chisquare.
 */
import { chiSquareSurvival } from '../distributions.ts';
import { MetricInputError } from '../errors.ts';
import { requireNonNegativeValues, requireSameLength } from '../validate.ts';
import { sum } from '../arithmetic.ts';

export interface ChiSquareResult {
  /** Σ (observed - expected)² / expected. */
  statistic: number;
  /** P(χ²_dof >= statistic). */
  pValue: number;
  /** Degrees of freedom: number of categories - 1. */
  dof: number;
}

/**
 * Chi-squared goodness-of-fit test: do observed category counts match expected frequencies?
 * For drift: observed = production counts per bin, expected = the reference's counts or shares.
 *
 * Formula: χ² = Σᵢ (Oᵢ - Eᵢ)² / Eᵢ with k - 1 degrees of freedom; p = P(χ²_{k-1} >= χ²), from
 * jStat's chi-squared CDF. Expected defaults to uniform. Expected values are rescaled to the
 * observed total, so shares or a reference sample of another size can be passed directly.
 * Deviation: scipy >= 1.9 raises when the sums differ by more than 1e-8 (relative) instead of
 * rescaling; with equal sums the results are identical.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.chisquare.html
 *
 * @param observed observed counts per category (>= 0, finite, at least 2 categories, sum > 0).
 * @param expected expected counts or proportions per category (> 0); default uniform.
 * @throws MetricInputError if observed has fewer than 2 categories, a negative, NaN or infinite
 *   value, or sums to 0; if expected has a different length or a value <= 0 or not finite.
 * @example
 * chiSquareTest([16, 18, 16, 14, 12, 12]); // { statistic: 2, pValue: 0.8491450360846..., dof: 5 }
 */
export function chiSquareTest(observed: readonly number[], expected?: readonly number[]): ChiSquareResult {
  const metric = 'Chi-square test';
  requireNonNegativeValues(observed, 'observed', metric);
  if (observed.length < 2) {
    throw new MetricInputError(
      `${metric}: observed has ${observed.length} categor${observed.length === 1 ? 'y' : 'ies'}; it needs at least 2.`,
      observed.length === 0 ? 'empty' : 'out-of-range',
    );
  }
  const observedTotal = sum(observed);
  if (!Number.isFinite(observedTotal)) {
    throw new MetricInputError(`${metric}: observed counts are too large to add up; scale them down.`, 'out-of-range');
  }
  if (observedTotal === 0) {
    throw new MetricInputError(`${metric}: observed counts sum to 0; there is nothing to test.`, 'undefined');
  }
  let expectedCounts: number[];
  if (expected === undefined) {
    expectedCounts = observed.map(() => observedTotal / observed.length);
  } else {
    requireSameLength(observed, expected, 'observed', 'expected', metric);
    requireNonNegativeValues(expected, 'expected', metric);
    expected.forEach((value, i) => {
      if (value === 0) {
        throw new MetricInputError(
          `${metric}: expected[${i}] is 0; every expected frequency must be above 0 (merge sparse bins).`,
          'out-of-range',
        );
      }
    });
    const scale = observedTotal / sum(expected);
    expectedCounts = expected.map((value) => value * scale);
  }
  let statistic = 0;
  for (let i = 0; i < observed.length; i++) {
    const e = expectedCounts[i] as number;
    const difference = (observed[i] as number) - e;
    statistic += (difference * difference) / e;
  }
  const dof = observed.length - 1;
  return { statistic, pValue: chiSquareSurvival(statistic, dof), dof };
}
