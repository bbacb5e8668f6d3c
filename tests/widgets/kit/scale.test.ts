// The charts' own scales against d3 itself (d3-scale and d3-shape are dev dependencies kept only as
// this reference): the same ticks, labels, bands and paths over many domains, including awkward ones.
import { describe, expect, it } from 'vitest';
import { scaleBand, scaleLinear } from 'd3-scale';
import { curveLinear, curveStepAfter, line } from 'd3-shape';
import { nice, ticks } from 'd3-array';
import { bandScale, linearScale, linePath, niceDomain } from '../../../src/widgets/kit/scale.ts';
import { mulberry32 } from '../../../src/lib/random.ts';

const DOMAINS: [number, number][] = [
  [0, 1],
  [0, 0.37],
  [-0.004, 0.012],
  [0.1, 3.2],
  [1, 8192],
  [-250, 1250],
  [0, 1e-7],
  [37.5, 38.25],
  [1e6, 3.4e6],
  [1, 0],
  [12, -3],
];
const random = mulberry32(7);
for (let i = 0; i < 200; i++) {
  const a = (random() - 0.3) * 10 ** Math.floor(random() * 12 - 6);
  DOMAINS.push([a, a + random() * 10 ** Math.floor(random() * 10 - 4)]);
}

describe('linear scale', () => {
  it('places values on the range as d3 does', () => {
    const ours = linearScale([2, 10], [300, 40]);
    const d3 = scaleLinear().domain([2, 10]).range([300, 40]);
    for (const v of [2, 3.5, 10, -1, 12]) expect(ours(v)).toBeCloseTo(d3(v), 10);
    expect(ours(4)).toBe(235); // 300 - 2/8 * 260
  });

  it('picks the same ticks and tick labels as d3 on every domain', () => {
    for (const domain of DOMAINS) {
      for (const count of [4, 5, 10]) {
        const ours = linearScale(domain, [0, 300]);
        const d3 = scaleLinear().domain(domain).range([0, 300]);
        expect(ours.ticks(count), `${domain} / ${count}`).toEqual(d3.ticks(count));
        const oursLabel = ours.tickFormat(count);
        const d3Label = d3.tickFormat(count);
        expect(ours.ticks(count).map(oursLabel), `${domain} / ${count}`).toEqual(d3.ticks(count).map(d3Label));
      }
    }
  });

  it('labels ticks with thousands separators and a true minus sign', () => {
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const scale = linearScale([-2000, 10000], [0, 1]);
    expect(scale.ticks(5).map(scale.tickFormat(5))).toEqual([
      '−2,000',
      '0',
      '2,000',
      '4,000',
      '6,000',
      '8,000',
      '10,000',
    ]);
  });

  // d3-array's nice(), mirrored for a reversed domain (d3-scale's older loop rounds a few float
  // edge cases one step wider, e.g. [-0.00002, 0.068] to 0.08 instead of 0.07).
  it("widens a domain to round ends as d3-array's nice() does, either way round", () => {
    for (const [a, b] of DOMAINS) {
      const ascending = nice(Math.min(a, b), Math.max(a, b), 10);
      expect(niceDomain([a, b]), `${a},${b}`).toEqual(a <= b ? ascending : ascending.reverse());
    }
    expect(niceDomain([0, 0.73])).toEqual([0, 0.8]);
    expect(niceDomain([0, 30])).toEqual([0, 30]);
  });
});

describe('band scale', () => {
  it('splits a range into the same bands as d3', () => {
    for (const keys of [['a'], ['a', 'b'], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']]) {
      for (const padding of [0, 0.05, 0.2]) {
        const ours = bandScale(keys, [48, 306], padding);
        const d3 = scaleBand<string>().domain(keys).range([48, 306]).padding(padding);
        expect(ours.bandwidth).toBeCloseTo(d3.bandwidth(), 10);
        for (const key of keys) expect(ours(key)).toBeCloseTo(d3(key)!, 10);
      }
    }
    expect(bandScale(['a', 'b'], [0, 100], 0.2)('missing')).toBeUndefined();
  });
});

describe('line path', () => {
  const points: [number, number][] = [
    [48, 200],
    [177.123456, 49.6],
    [306, 12],
  ];
  it('draws straight and stepped lines exactly as d3-shape', () => {
    expect(linePath(points)).toBe(line().curve(curveLinear)(points));
    expect(linePath(points, true)).toBe(line().curve(curveStepAfter)(points));
    expect(linePath(points)).toBe('M48,200L177.123,49.6L306,12');
    expect(linePath(points, true)).toBe('M48,200L177.123,200L177.123,49.6L306,49.6L306,12');
  });
  it('handles one point and none as d3 does', () => {
    expect(linePath([[1, 2]])).toBe(line()([[1, 2]]));
    expect(linePath([])).toBeNull();
  });
});
