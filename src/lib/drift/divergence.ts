/**
 * Divergences between two discrete distributions (binned features, class priors):
 * Kullback-Leibler and Jensen-Shannon, as scipy.stats.entropy and
 * scipy.spatial.distance.jensenshannon.
 */
import { requireLogBase, requireSameLength } from '../validate.ts';
import { logRatio, toProportions } from './normalize.ts';

export interface LogBaseOptions {
  /** Logarithm base: Math.E (nats, default) or 2 (bits), any positive number but 1. */
  base?: number;
}

/** Σ pᵢ ln(pᵢ / qᵢ) in nats over already-normalised p and q; 0·ln(0/q) = 0, p > 0 = q gives Infinity. */
function klNats(p: readonly number[], q: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] as number;
    if (pi === 0) continue;
    const qi = q[i] as number;
    if (qi === 0) return Infinity;
    total += pi * logRatio(pi, qi);
  }
  return total;
}

function prepare(p: readonly number[], q: readonly number[], options: LogBaseOptions, metric: string) {
  requireSameLength(p, q, 'p', 'q', metric);
  const pn = toProportions(p, 'p', metric);
  const qn = toProportions(q, 'q', metric);
  const base = options.base ?? Math.E;
  requireLogBase(base, metric);
  return { pn, qn, logBase: Math.log(base) };
}

/**
 * Kullback-Leibler divergence KL(p‖q): the extra information (nats by default) needed to code
 * samples from p with a code built for q. Not symmetric; >= 0; 0 only when p = q.
 *
 * Formula: KL(p‖q) = Σᵢ pᵢ · log(pᵢ / qᵢ), after normalising p and q to sum to 1 (as
 * scipy.stats.entropy(p, q)). Terms with pᵢ = 0 are 0. If some qᵢ = 0 where pᵢ > 0 the
 * divergence is infinite and the result is Infinity (scipy returns inf too): smooth q, or use
 * jsDivergence, which is always finite.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.entropy.html
 *
 * @param p the "true" distribution: counts or proportions per bin.
 * @param q the approximating distribution, same bins.
 * @param options base of the logarithm (default e).
 * @throws MetricInputError if p or q is empty, of different lengths, has a negative, NaN or
 *   infinite value, sums to 0, or the base is not positive or is 1.
 * @example
 * klDivergence([0.5, 0.5], [0.9, 0.1]); // 0.5108256237659907
 * klDivergence([0.5, 0.5], [0.9, 0.1], { base: 2 }); // 0.7369655941662062
 */
export function klDivergence(p: readonly number[], q: readonly number[], options: LogBaseOptions = {}): number {
  const { pn, qn, logBase } = prepare(p, q, options, 'KL divergence');
  return klNats(pn, qn) / logBase;
}

/**
 * Jensen-Shannon divergence: the mean KL divergence of p and q from their average. Symmetric,
 * always finite, between 0 and ln 2 (or 1 in base 2).
 *
 * Formula: JS(p, q) = ½ KL(p‖m) + ½ KL(q‖m), m = ½ (p + q), after normalising p and q. It is
 * the square of scipy's jensenshannon distance. Rounding below 0 is clamped to 0.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.spatial.distance.jensenshannon.html
 *
 * @param p first distribution: counts or proportions per bin.
 * @param q second distribution, same bins.
 * @param options base of the logarithm (default e).
 * @throws MetricInputError as klDivergence.
 * @example
 * jsDivergence([1, 0], [0.5, 0.5]); // 0.2157615543388357 (= 0.46450140402245893²)
 */
export function jsDivergence(p: readonly number[], q: readonly number[], options: LogBaseOptions = {}): number {
  const { pn, qn, logBase } = prepare(p, q, options, 'Jensen-Shannon divergence');
  let total = 0;
  for (let i = 0; i < pn.length; i++) {
    const pi = pn[i] as number;
    const qi = qn[i] as number;
    // pᵢ / mᵢ = 2pᵢ / (pᵢ + qᵢ): written this way m never underflows to 0 for a tiny pᵢ.
    const sum = pi + qi;
    if (pi > 0) total += pi * logRatio(2 * pi, sum);
    if (qi > 0) total += qi * logRatio(2 * qi, sum);
  }
  return Math.max(0, total / 2 / logBase);
}

/**
 * Jensen-Shannon distance: the square root of the Jensen-Shannon divergence, a true metric
 * (symmetric, triangle inequality) between 0 and sqrt(ln 2) (1 in base 2).
 *
 * Formula: JSD(p, q) = sqrt(JS(p, q)), exactly scipy.spatial.distance.jensenshannon(p, q, base).
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.spatial.distance.jensenshannon.html
 *
 * @param p first distribution: counts or proportions per bin.
 * @param q second distribution, same bins.
 * @param options base of the logarithm (default e).
 * @throws MetricInputError as klDivergence.
 * @example
 * jsDistance([1, 0, 0], [0, 1, 0], { base: 2 }); // 1
 * jsDistance([1, 0], [0.5, 0.5]); // 0.46450140402245893
 * jsDistance([1, 0], [0.5, 0.5], { base: 2 }); // 0.5579230452841438
 */
export function jsDistance(p: readonly number[], q: readonly number[], options: LogBaseOptions = {}): number {
  return Math.sqrt(jsDivergence(p, q, options));
}
