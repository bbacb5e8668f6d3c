/**
 * Planning an A/B test end to end: the users a test needs, the days that takes at a given traffic,
 * and how far a Monte Carlo estimate of a rate can stray by chance.
 */
import { normalQuantile } from '../distributions.ts';
import { requireInteger, requireOpenUnit, requirePositive } from '../validate.ts';
import { sampleSizePerVariant, targetRate, type SampleSizeInput } from './sample-size.ts';

export interface ExperimentPlanInput extends SampleSizeInput {
  /** Visitors a day across both arms, > 0. */
  dailyTraffic: number;
}

export interface ExperimentPlan {
  perArm: number;
  total: number;
  /** Whole days to reach the total at the given traffic, at least 1. */
  days: number;
  /** The treatment rate the test is sized to detect. */
  target: number;
  /** The effect in both readings: absolute difference and relative to the baseline. */
  absolute: number;
  relative: number;
}

/**
 * Users per arm, total users and days needed to detect an effect with a two-arm test.
 *
 * Formula: n per arm from sampleSizePerVariant, total = 2n, days = ⌈total / dailyTraffic⌉ (at
 * least 1); the target rate is baseline·(1 + mde) for a relative effect, baseline + mde otherwise.
 *
 * @throws MetricInputError as sampleSizePerVariant, or if dailyTraffic is not > 0.
 * @example
 * planExperiment({ baseline: 0.05, mde: 0.005, dailyTraffic: 10_000 });
 * // { perArm: 31234, total: 62468, days: 7, target: 0.055, absolute: 0.005, relative: 0.1 } (to float noise)
 */
export function planExperiment(input: ExperimentPlanInput): ExperimentPlan {
  requirePositive(input.dailyTraffic, 'dailyTraffic', 'Experiment plan');
  const perArm = sampleSizePerVariant(input);
  const total = 2 * perArm;
  const target = targetRate(input.baseline, input.mde, input.relative ?? false);
  // 1e-9 keeps float noise (62468 / 10000 = 6.2468000000000004) from adding a day.
  const days = Math.max(1, Math.ceil(total / input.dailyTraffic - 1e-9));
  const absolute = target - input.baseline;
  return { perArm, total, days, target, absolute, relative: absolute / input.baseline };
}

/**
 * Half-width of the normal-approximation confidence interval of a rate estimated from `runs`
 * independent simulated trials: z · √(rate (1 − rate) / runs), z = Φ⁻¹(1 − (1 − confidence) / 2).
 * Reference: https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Normal_approximation_interval
 *
 * @param rate the estimated (or expected) rate, in [0, 1].
 * @param runs the number of simulated trials, a whole number >= 1.
 * @param confidence the interval's coverage, in (0, 1); 0.95 gives z = 1.96.
 * @throws MetricInputError if rate is outside [0, 1], runs < 1 or confidence outside (0, 1).
 * @example
 * monteCarloMargin(0.05, 1000); // 0.013508... (1.96 · √(0.05 · 0.95 / 1000))
 */
export function monteCarloMargin(rate: number, runs: number, confidence = 0.95): number {
  const metric = 'Monte Carlo margin';
  if (rate !== 0 && rate !== 1) requireOpenUnit(rate, 'rate', metric);
  requireInteger(runs, 'runs', metric, 1);
  requireOpenUnit(confidence, 'confidence', metric);
  return normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt((rate * (1 - rate)) / runs);
}
