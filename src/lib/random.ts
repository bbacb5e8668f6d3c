/**
 * Seeded pseudo-random numbers and the random variates built on them (normal, exponential,
 * binomial), so a simulation a reader shares by link shows the same numbers for everyone.
 * Not for cryptography.
 */

/** A source of uniform numbers in [0, 1), like Math.random. */
export type RandomSource = () => number;

/**
 * Mulberry32: a 32-bit-state PRNG (Tommy Ettinger, public domain) with a full 2^32 period,
 * fast and good enough for Monte Carlo demos.
 *
 * Formula: state += 0x6D2B79F5, then two xorshift-multiply rounds; the 32-bit result / 2^32.
 * Reference: https://github.com/bryc/code/blob/master/jshash/PRNGs.md#mulberry32
 *
 * @param seed any number; it is truncated to an unsigned 32-bit integer (seed >>> 0).
 * @returns a function giving the next number in [0, 1) on each call.
 * @example
 * const random = mulberry32(42);
 * random(); // 0.6011037519201636, the same on every machine
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Binomial draw: the number of successes in `trials` independent Bernoulli(p) trials.
 *
 * Exact, by the geometric waiting-time method (Devroye, Non-Uniform Random Variate Generation,
 * 1986, X.4.3): the gap to the next success is floor(ln U / ln(1 - p)) + 1, and we count
 * successes until the gaps pass `trials`. Expected cost O(trials · min(p, 1 - p) + 1).
 *
 * Reference: https://numpy.org/doc/stable/reference/random/generated/numpy.random.Generator.binomial.html
 * (same distribution; numpy uses a different algorithm, so the draws differ).
 *
 * @param random a uniform [0, 1) source such as mulberry32(seed).
 * @param trials a whole number >= 0 (not checked: internal callers validate).
 * @param p success probability in [0, 1] (not checked).
 * @example
 * binomialSample(mulberry32(1), 1000, 0.1); // about 100
 */
export function binomialSample(random: RandomSource, trials: number, p: number): number {
  if (p <= 0 || trials === 0) return 0;
  if (p >= 1) return trials;
  if (p > 0.5) return trials - binomialSample(random, trials, 1 - p);
  const logQ = Math.log1p(-p);
  let successes = 0;
  let position = 0;
  for (;;) {
    // 1 - random() is in (0, 1], so the logarithm is finite.
    position += Math.floor(Math.log(1 - random()) / logQ) + 1;
    if (position > trials) return successes;
    successes++;
  }
}

/**
 * Standard normal draw by the Box-Muller transform: sqrt(-2 ln(1 - U1)) cos(2π U2).
 * 1 - U1 is in (0, 1], so the logarithm is finite.
 * Reference: https://en.wikipedia.org/wiki/Box%E2%80%93Muller_transform
 *
 * @param random a uniform [0, 1) source such as mulberry32(seed); two draws per call.
 * @example
 * normalSample(mulberry32(1)); // one draw from N(0, 1)
 */
export function normalSample(random: RandomSource): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

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
 * @example
 * exponentialSample(mulberry32(7), 0.5); // a waiting time with mean 2
 */
export function exponentialSample(random: RandomSource, rate: number): number {
  return -Math.log(1 - random()) / rate;
}
