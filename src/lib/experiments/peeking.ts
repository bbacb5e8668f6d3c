/**
 * Why checking an A/B test every day inflates false positives: a seeded Monte Carlo of A/A tests.
 */
import { normalQuantile } from '../distributions.ts';
import { binomialSample, mulberry32 } from '../random.ts';
import { requireInteger, requireOpenUnit, requireSeed } from '../validate.ts';
import { pooledZStatistic } from './z-test.ts';

export interface PeekingInput {
  /** Days the test runs; the test is checked once a day. A whole number >= 1. */
  days: number;
  /** New users per arm per day, a whole number >= 1. */
  visitorsPerDay: number;
  /** True conversion rate of both arms (an A/A test), in (0, 1). */
  baseline: number;
  /** Number of simulated A/A tests, a whole number >= 1 (1,000 to 5,000 is plenty). */
  experiments: number;
  /** Significance level of each daily two-sided z-test, in (0, 1); default 0.05. */
  alpha?: number;
  /** PRNG seed, any whole number; default 1. The same inputs and seed give the same result. */
  seed?: number;
}

export interface PeekingResult {
  /** Share of A/A tests declared significant on at least one day (stop at the first "win"). */
  naiveFalsePositiveRate: number;
  /** Share significant when tested once, on the last day; close to alpha. */
  fixedHorizonFalsePositiveRate: number;
  /** Entry d: share of tests declared significant on or before day d + 1 (rises with peeking). */
  cumulativeFalsePositiveRate: number[];
  /** The number of simulated tests. */
  experiments: number;
}

/**
 * Peeking simulation: runs many A/A tests (both arms share the baseline rate, so every
 * "significant" result is a false positive), applies a two-sided pooled z-test on the
 * cumulative data at the end of every day, and reports how often a daily peeker would have
 * stopped on a false win versus an analyst who tests once at the planned horizon.
 *
 * Formula: each day, each arm gains Binomial(visitorsPerDay, baseline) conversions (drawn
 * exactly with a seeded mulberry32 PRNG); a look is significant when |z| > z_{1-α/2}
 * (equivalently p < α), z as twoProportionZTest (z = 0 when both arms are at 0% or 100%).
 * naive = share with any significant look; fixed horizon = share significant at day `days`.
 * With many users a day the naive rate approaches the repeated-significance-test levels of
 * Armitage, McPherson & Rowe (1969): about 0.083 for 2 looks, 0.142 for 5, 0.193 for 10,
 * 0.248 for 20 at α = 0.05. Cost O(experiments · days · (visitorsPerDay · baseline + 1)).
 * References: https://www.statsmodels.org/stable/generated/statsmodels.stats.proportion.proportions_ztest.html
 * and Armitage, McPherson & Rowe, J. R. Stat. Soc. A 132 (1969), https://doi.org/10.2307/2343787
 *
 * @param input days, visitorsPerDay, baseline, experiments, alpha, seed.
 * @throws MetricInputError if days, visitorsPerDay or experiments is not a whole number >= 1,
 *   baseline or alpha is outside (0, 1), or seed is not a whole number.
 * @example
 * simulatePeeking({ days: 14, visitorsPerDay: 500, baseline: 0.1, experiments: 2000, seed: 7 });
 * // { naiveFalsePositiveRate: ≈0.22, fixedHorizonFalsePositiveRate: ≈0.05, ... }
 */
export function simulatePeeking(input: PeekingInput): PeekingResult {
  const metric = 'Peeking simulation';
  const { days, visitorsPerDay, baseline, experiments, alpha = 0.05, seed = 1 } = input;
  requireInteger(days, 'days', metric, 1);
  requireInteger(visitorsPerDay, 'visitorsPerDay', metric, 1);
  requireInteger(experiments, 'experiments', metric, 1);
  requireOpenUnit(baseline, 'baseline', metric);
  requireOpenUnit(alpha, 'alpha', metric);
  requireSeed(seed, metric);

  const random = mulberry32(seed);
  const zCritical = normalQuantile(1 - alpha / 2);
  const firstSignificantDay = new Array<number>(days).fill(0);
  let naive = 0;
  let fixed = 0;
  for (let experiment = 0; experiment < experiments; experiment++) {
    let successesA = 0;
    let successesB = 0;
    let stopped = false;
    for (let day = 0; day < days; day++) {
      successesA += binomialSample(random, visitorsPerDay, baseline);
      successesB += binomialSample(random, visitorsPerDay, baseline);
      const trials = (day + 1) * visitorsPerDay;
      const significant = Math.abs(pooledZStatistic(successesA, trials, successesB, trials)) > zCritical;
      if (significant && !stopped) {
        stopped = true;
        firstSignificantDay[day] = (firstSignificantDay[day] as number) + 1;
      }
      if (significant && day === days - 1) fixed++;
    }
    if (stopped) naive++;
  }
  const cumulativeFalsePositiveRate: number[] = [];
  let running = 0;
  for (const count of firstSignificantDay) {
    running += count;
    cumulativeFalsePositiveRate.push(running / experiments);
  }
  return {
    naiveFalsePositiveRate: naive / experiments,
    fixedHorizonFalsePositiveRate: fixed / experiments,
    cumulativeFalsePositiveRate,
    experiments,
  };
}
