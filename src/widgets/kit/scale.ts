/**
 * The few pieces of d3-scale and d3-shape the charts use (linear and band scales, tick labels,
 * line paths), written out so a widget page does not ship ~20 KB gzip of d3-scale's interpolators
 * and formatters. Ticks and "nice" domains come from d3-array itself (about 1 KB, tree-shaken);
 * tests/widgets/kit/scale.test.ts checks the rest against d3-scale and d3-shape.
 */
import { nice, tickStep, ticks } from 'd3-array';

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
  return start <= stop ? nice(start, stop, count) : (nice(stop, start, count).reverse() as [number, number]);
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
