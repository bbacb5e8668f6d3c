/**
 * The part of jStat 1.9.6 (https://jstat.github.io/distributions.html) that src/lib uses.
 * jStat ships no types; this declares only what we call, so tsc flags anything else.
 */
declare module 'jstat' {
  interface JStat {
    normal: {
      /** Φ((x - mean) / sd). */
      cdf(x: number, mean: number, sd: number): number;
      /** Quantile (inverse CDF) of the normal distribution, for p in (0, 1). */
      inv(p: number, mean: number, sd: number): number;
    };
    chisquare: {
      /** P(X <= x) for a chi-squared variable with `dof` degrees of freedom. */
      cdf(x: number, dof: number): number;
    };
  }

  const jStat: JStat;
  export default jStat;
}
