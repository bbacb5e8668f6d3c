/**
 * The few distribution functions src/lib needs: the standard normal CDF and quantile and the
 * chi-squared upper tail. Ported rather than imported: jStat cannot be tree-shaken (17 KB gzip
 * for these three) and @stdlib's per-function packages bundle to 31 KB gzip; this is under 2 KB.
 * tests/lib/distributions.test.ts checks them against scipy. Internal: widgets use the metrics
 * built on these.
 */
import { requireFinite, requireInteger } from './validate.ts';

// erfc from FreeBSD's msun s_erf.c (Sun Microsystems, "Permission to use, copy, modify, and
// distribute this software is freely granted, provided that this notice is preserved"), the
// same code as @stdlib/math-base-special-erfc: relative error below 1e-16 everywhere.
const ERX = 8.45062911510467529297e-1;
const poly = (c: readonly number[], x: number) => c.reduceRight((acc, coefficient) => acc * x + coefficient, 0);
const PP = [
  1.28379167095512558561e-1, -0.3250421072470015, -0.02848174957559851, -0.005770270296489442, -0.000023763016656650163,
];
const QQ = [
  1, 0.39791722395915535, 0.0650222499887673, 0.005081306281875766, 0.00013249473800432164, -0.000003960228278775368,
];
const PA = [
  -2.36211856075265944077e-3, 0.41485611868374833, -0.3722078760357013, 0.31834661990116175, -0.11089469428239668,
  0.035478304325618236, -0.002166375594868791,
];
const QA = [
  1, 0.10642088040084423, 0.540397917702171, 0.07182865441419627, 0.12617121980876164, 0.01363708391202905,
  0.011984499846799107,
];
const RA = [
  -9.86494403484714822705e-3, -0.6938585727071818, -10.558626225323291, -62.375332450326006, -162.39666946257347,
  -184.60509290671104, -81.2874355063066, -9.814329344169145,
];
const SA = [
  1, 19.651271667439257, 137.65775414351904, 434.56587747522923, 645.3872717332679, 429.00814002756783,
  108.63500554177944, 6.570249770319282, -0.0604244152148581,
];
const RB = [
  -9.86494292470009928597e-3, -0.799283237680523, -17.757954917754752, -160.63638485582192, -637.5664433683896,
  -1025.0951316110772, -483.5191916086514,
];
const SB = [
  1, 30.33806074348246, 325.7925129965739, 1536.729586084437, 3199.8582195085955, 2553.0504064331644,
  474.52854120695537, -22.44095244658582,
];

const words = new Float64Array(1);
const halves = new Uint32Array(words.buffer);
/** x with the low 32 bits of its mantissa cleared (msun's SET_LOW_WORD(x, 0)); little-endian. */
function highWordOnly(x: number): number {
  words[0] = x;
  halves[0] = 0;
  return words[0];
}

/** Complementary error function erfc(x) = 1 − erf(x). */
function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 1.3877787807814457e-17) return 1 - x;
    const z = x * x;
    const y = poly(PP, z) / poly(QQ, z);
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const ratio = poly(PA, s) / poly(QA, s);
    return x < 0 ? 1 + ERX + ratio : 1 - ERX - ratio;
  }
  if (ax >= 28) return x < 0 ? 2 : 0;
  if (x < -6) return 2;
  const s = 1 / (ax * ax);
  const ratio = ax < 1 / 0.35 ? poly(RA, s) / poly(SA, s) : poly(RB, s) / poly(SB, s);
  const z = highWordOnly(ax);
  const r = Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + ratio);
  return x < 0 ? 2 - r / ax : r / ax;
}

/**
 * Standard normal CDF Φ(x) = erfc(−x / √2) / 2, accurate to the last digits in both tails.
 * @example normalCdf(1.96); // 0.9750021048517795 (scipy.stats.norm.cdf: 0.9750021048517795)
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

// Acklam's rational approximation of the normal quantile (relative error 1.15e-9), refined by
// one Halley step on normalCdf to full double precision.
// Reference: https://web.archive.org/web/20151030215612/http://home.online.no/~pjacklam/notes/invnorm/
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1, 1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416, 1];
const P_LOW = 0.02425;
const highFirst = (c: readonly number[], x: number) => c.reduce((acc, coefficient) => acc * x + coefficient, 0);

/**
 * Standard normal quantile Φ⁻¹(p), for p in (0, 1); −∞ at 0 and +∞ at 1.
 * @example normalQuantile(0.975); // 1.959963984540054 (scipy.stats.norm.ppf: 1.959963984540054)
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return p === 0 ? -Infinity : NaN;
  if (p >= 1) return p === 1 ? Infinity : NaN;
  let x: number;
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    x = highFirst(C, q) / highFirst(D, q);
    if (p > 1 - P_LOW) x = -x;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (highFirst(A, r) * q) / highFirst(B, r);
  }
  const error = normalCdf(x) - p;
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * Two-sided normal p-value 2·(1 − Φ(|z|)), computed as 2·Φ(−|z|) to keep the small tail.
 * @example normalTwoSidedPValue(1.96); // 0.04999579029644097 (scipy: 2 * norm.sf(1.96))
 */
export function normalTwoSidedPValue(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/**
 * Upper tail P(X >= x) of a chi-squared distribution with a whole number of degrees of freedom.
 *
 * Formula (Abramowitz & Stegun 26.4.4 and 26.4.5): with m = x / 2, for even dof
 * Q = e^(−m) Σ_{i<dof/2} m^i / i!; for odd dof Q = erfc(√m) + e^(−m) Σ_{i=1}^{(dof−1)/2}
 * m^(i−1/2) / Γ(i + 1/2). Every term is positive, so the tail keeps its relative precision
 * (no 1 − CDF cancellation); terms are summed in log space so e^(−m) cannot underflow early.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.chi2.html (chi2.sf)
 *
 * @throws MetricInputError if x is NaN or dof is not a whole number >= 1.
 * @example chiSquareSurvival(2, 5); // 0.8491450360846096 (scipy.stats.chi2.sf(2, 5): 0.8491450360846096)
 */
export function chiSquareSurvival(x: number, dof: number): number {
  const metric = 'Chi-squared tail';
  requireInteger(dof, 'dof', metric, 1);
  if (x === Infinity) return 0;
  requireFinite(x, 'x', metric);
  if (x <= 0) return 1;
  const m = x / 2;
  const logM = Math.log(m);
  let total = dof % 2 === 0 ? 0 : erfc(Math.sqrt(m));
  // log of the first term: e^(−m) for even dof, e^(−m) m^(1/2) / Γ(3/2) for odd dof.
  let logTerm = dof % 2 === 0 ? -m : -m + 0.5 * logM - Math.log(Math.sqrt(Math.PI) / 2);
  const terms = dof % 2 === 0 ? dof / 2 : (dof - 1) / 2;
  for (let i = 0; i < terms; i++) {
    total += Math.exp(logTerm);
    // Next term: times m / (i + 1) (even dof) or m / (i + 3/2) (odd dof).
    logTerm += logM - Math.log(dof % 2 === 0 ? i + 1 : i + 1.5);
  }
  return Math.min(1, total);
}
