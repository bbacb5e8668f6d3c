/**
 * The small numeric building blocks several topics share: a sum, binary search over sorted
 * numbers, numpy's linear quantile of sorted values and the logistic function. Written once so
 * that bins, percentiles and joins that must agree do agree. Inputs are not checked: callers
 * validate at their public entry points.
 */

/** Sum of an array (plain left-to-right, as numpy does for short arrays). */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}

/**
 * Index of the first element >= x in an ascending array (Python's bisect_left, numpy's
 * searchsorted(side='left')): where x would be inserted before any equal elements.
 *
 * @example
 * bisectLeft([1, 2, 2, 3], 2); // 1
 */
export function bisectLeft(sorted: ArrayLike<number>, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Index of the first element > x in an ascending array (Python's bisect_right, numpy's
 * searchsorted(side='right')); bisectRight(a, x) - 1 is the last element <= x, or -1.
 *
 * @example
 * bisectRight([1, 2, 2, 3], 2); // 3
 */
export function bisectRight(sorted: ArrayLike<number>, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Quantile of ascending, finite, non-empty values with linear interpolation between order
 * statistics (Hyndman & Fan type 7, numpy's default method='linear').
 *
 * Formula: h = (n - 1)·q, Q(q) = x_⌊h⌋ + (h - ⌊h⌋)·(x_⌊h⌋+1 - x_⌊h⌋), interpolated from the
 * nearer neighbour as numpy's _lerp does, so results match numpy to the last bit. If the
 * difference overflows (values near ±1.8e308) it falls back to (1 - t)·lower + t·upper.
 * Reference: https://numpy.org/doc/stable/reference/generated/numpy.quantile.html
 *
 * @param sorted ascending, non-empty, finite values (not checked).
 * @param q the probability in [0, 1] (not checked); a percentile p is q = p / 100.
 * @example
 * sortedQuantile([1, 2, 3, 4], 0.5); // 2.5
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lowerIndex = Math.floor(h);
  const lower = sorted[lowerIndex] as number;
  if (lowerIndex + 1 >= sorted.length) return lower;
  const upper = sorted[lowerIndex + 1] as number;
  const t = h - lowerIndex;
  if (t === 0 || lower === upper) return lower;
  const gap = upper - lower;
  const result = t >= 0.5 ? upper - gap * (1 - t) : lower + gap * t;
  return Number.isFinite(result) ? result : lower * (1 - t) + upper * t;
}

/**
 * The logistic function σ(z) = 1 / (1 + e^(-z)), which squashes a logit to a probability.
 *
 * @example
 * sigmoid(0); // 0.5
 */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
