/**
 * Random draws the systems simulations need beyond `../random.ts`. Seeded through a
 * RandomSource such as mulberry32(seed), so a shared link reproduces the same run.
 */
import type { RandomSource } from '../random.ts';

/**
 * Exponential draw: the waiting time to the next event of a Poisson process with the given rate.
 *
 * Formula (inverse transform): −ln(1 − U) / rate with U uniform in [0, 1); 1 − U is in (0, 1], so
 * the result is finite and >= 0. Mean 1 / rate.
 * Reference: https://numpy.org/doc/stable/reference/random/generated/numpy.random.Generator.exponential.html
 * (same distribution; numpy's generator differs, so the draws differ).
 *
 * @param random a uniform [0, 1) source such as mulberry32(seed).
 * @param rate events per unit of time, > 0 (not checked: internal callers validate).
 * @throws nothing.
 * @example
 * exponentialSample(mulberry32(7), 0.5); // a waiting time with mean 2
 */
export function exponentialSample(random: RandomSource, rate: number): number {
  return -Math.log(1 - random()) / rate;
}
