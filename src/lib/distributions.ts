/**
 * The few distribution functions src/lib needs, computed by jStat
 * (https://jstat.github.io/distributions.html), so no module hand-rolls an approximation.
 * Internal: widgets use the metrics built on these, not these directly.
 */
import jStat from 'jstat';

/**
 * Standard normal CDF Φ(x). jStat's erf saturates, so Φ(x) is 0 below about x = -8.3.
 * @example normalCdf(1.96); // 0.9750021048517796
 */
export function normalCdf(x: number): number {
  return jStat.normal.cdf(x, 0, 1);
}

/**
 * Standard normal quantile Φ⁻¹(p), for p in (0, 1).
 * @example normalQuantile(0.975); // 1.9599639845400545 (scipy: 1.959963984540054)
 */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}

/**
 * Two-sided normal p-value 2·(1 - Φ(|z|)), computed as 2·Φ(-|z|) to keep the small tail.
 * Values below about 1e-16 come out as 0 (jStat's precision).
 * @example normalTwoSidedPValue(1.96); // 0.049995790296440856
 */
export function normalTwoSidedPValue(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/**
 * Upper tail P(X >= x) of a chi-squared distribution with `dof` degrees of freedom.
 * @example chiSquareSurvival(2, 5); // 0.8491450360846095 (scipy: 0.8491450360846096)
 */
export function chiSquareSurvival(x: number, dof: number): number {
  if (x === Infinity) return 0;
  return Math.min(1, Math.max(0, 1 - jStat.chisquare.cdf(x, dof)));
}
