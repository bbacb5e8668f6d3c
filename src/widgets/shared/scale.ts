/**
 * The few pieces of d3-scale and d3-shape the charts use (linear and band scales, "nice" ticks and
 * their labels, line paths), written out so a widget page does not ship ~20 KB gzip of d3. They
 * follow d3's algorithms exactly; tests/widgets/shared/scale.test.ts checks them against d3 itself.
 */

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** Ticks as integers i1..i2 times a step; a negative `inc` means "divide by -inc" (exact for decimals). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = 10 ** -power / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}

/** About `count` round values between start and stop (1, 2 or 5 times a power of ten apart). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [i1, i2, inc] = reverse ? tickSpec(stop, start, count) : tickSpec(start, stop, count);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1;
  const values = Array.from({ length: n }, (_, i) => (inc < 0 ? (i1 + i) / -inc : (i1 + i) * inc));
  return reverse ? values.reverse() : values;
}

function tickIncrement(start: number, stop: number, count: number): number {
  return tickSpec(start, stop, count)[2];
}

function tickStep(start: number, stop: number, count: number): number {
  const reverse = stop < start;
  const inc = reverse ? tickIncrement(stop, start, count) : tickIncrement(start, stop, count);
  return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc);
}

/** A tick label: as many decimals as the step needs, thousands separated, a true minus sign. */
function formatFixed(value: number, decimals: number): string {
  const digits = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && Number(digits) !== 0;
  return `${negative ? '−' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export interface LinearScale {
  (value: number): number;
  ticks(count: number): number[];
  tickFormat(count: number): (value: number) => string;
}

/** Maps [d0, d1] onto [r0, r1] in a straight line. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): LinearScale {
  const scale = (value: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0));
  scale.ticks = (count: number) => ticks(d0, d1, count);
  scale.tickFormat = (count: number) => {
    const step = Math.abs(tickStep(d0, d1, count));
    const decimals = Math.max(0, -Math.floor(Math.log10(step)));
    return (value: number) => formatFixed(value, Number.isFinite(decimals) ? decimals : 0);
  };
  return scale;
}

/** Widens [start, stop] to round values, as d3's `scale.nice()` does. */
export function niceDomain([start, stop]: [number, number], count = 10): [number, number] {
  const reverse = stop < start;
  let [lo, hi] = reverse ? [stop, start] : [start, stop];
  let previous: number | undefined;
  for (let i = 0; i < 10; i++) {
    const step = tickIncrement(lo, hi, count);
    if (step === previous) break;
    if (step > 0) {
      lo = Math.floor(lo / step) * step;
      hi = Math.ceil(hi / step) * step;
    } else if (step < 0) {
      lo = Math.ceil(lo * step) / step;
      hi = Math.floor(hi * step) / step;
    } else break;
    previous = step;
  }
  return reverse ? [hi, lo] : [lo, hi];
}

export interface BandScale {
  (key: string): number | undefined;
  bandwidth: number;
}

/** Equal bands for `keys` across [r0, r1], with `padding` as a share of each step inside and at the ends. */
export function bandScale(keys: readonly string[], [r0, r1]: [number, number], padding: number): BandScale {
  const index = new Map<string, number>();
  for (const key of keys) if (!index.has(key)) index.set(key, index.size);
  const n = index.size;
  const inner = Math.min(1, padding);
  const step = (r1 - r0) / Math.max(1, n - inner + padding * 2);
  const start = r0 + (r1 - r0 - step * (n - inner)) * 0.5;
  const scale = (key: string) => {
    const i = index.get(key);
    return i === undefined ? undefined : start + step * i;
  };
  scale.bandwidth = step * (1 - inner);
  return scale;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** An SVG path through the points, straight or as steps (flat until the next x), or null for none. */
export function linePath(points: readonly [number, number][], step = false): string | null {
  if (points.length === 0) return null;
  const [x0, y0] = points[0];
  let d = `M${round3(x0)},${round3(y0)}`;
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i];
    d += step ? `L${round3(x)},${round3(points[i - 1][1])}L${round3(x)},${round3(y)}` : `L${round3(x)},${round3(y)}`;
  }
  return points.length === 1 ? `${d}Z` : d;
}
