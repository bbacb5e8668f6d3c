import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { histogram, histogramOfSorted, quantile, quantileEdges } from '../../../src/lib/drift/histogram.ts';
import { psi } from '../../../src/lib/drift/psi.ts';
import { expectMetricError } from '../expect-error.ts';

describe('quantile (numpy.quantile, method="linear")', () => {
  it('matches numpy', () => {
    // numpy 1.24: np.quantile([3.1, 2.2, 5.5, 1.0, 4.4, 6.6, 7.7, 2.2, 9.0, 0.5], [.25, .5, .75])
    // -> [2.2, 3.75, 6.325]
    const x = [3.1, 2.2, 5.5, 1.0, 4.4, 6.6, 7.7, 2.2, 9.0, 0.5];
    expect(quantile(x, 0.25)).toBeCloseTo(2.2, 14);
    expect(quantile(x, 0.5)).toBeCloseTo(3.75, 14);
    expect(quantile(x, 0.75)).toBeCloseTo(6.325, 14);
    expect(quantile(x, 0)).toBe(0.5);
    expect(quantile(x, 1)).toBe(9);
    expect(quantile([7], 0.3)).toBe(7);
  });

  it('rejects bad input', () => {
    expectMetricError(() => quantile([], 0.5), 'empty');
    expectMetricError(() => quantile([1, 2], 1.5), 'out-of-range');
    expectMetricError(() => quantile([1, Number.NaN], 0.5), 'not-finite');
  });
});

describe('quantileEdges', () => {
  it('puts edges at the reference deciles with open outer bins', () => {
    // numpy: np.quantile(x, np.arange(1, 10) / 10) -> [1, 1.24, 2.2, 2.2, 2.65, 3.88, 5.17, 6.38, 7.59];
    // the repeated 2.2 is merged, so 9 bins come back instead of 10.
    const x = [0.5, 1.0, 1.0, 2.2, 2.2, 2.2, 3.1, 4.4, 5.5, 6.6, 7.7, 9.0];
    const edges = quantileEdges(x, 10);
    expect(edges[0]).toBe(-Infinity);
    expect(edges.at(-1)).toBe(Infinity);
    const inner = edges.slice(1, -1);
    const expected = [1, 1.24, 2.2, 2.65, 3.88, 5.17, 6.38, 7.59];
    expect(inner.length).toBe(expected.length);
    inner.forEach((edge, i) => expect(edge).toBeCloseTo(expected[i] as number, 12));
  });

  it('gives equal-count bins on distinct data', () => {
    expect(quantileEdges([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([-Infinity, 3, 5, 7, Infinity]);
    expect(quantileEdges([1, 2, 3], 1)).toEqual([-Infinity, Infinity]);
  });

  it('edges strictly increase', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 1, max: 20 }),
        (values, bins) => {
          const edges = quantileEdges(values, bins);
          for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThan(edges[i - 1] as number);
          expect(edges.length).toBeLessThanOrEqual(bins + 1);
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => quantileEdges([], 10), 'empty');
    expectMetricError(() => quantileEdges([1, 2], 0), 'out-of-range', /bins/);
  });
});

describe('histogram (numpy.histogram semantics)', () => {
  it('matches numpy: half-open bins, the last one closed', () => {
    // numpy: np.histogram([1, 2, 2, 3, 4, 5, 5, 5], bins=[1, 2, 3, 5]) -> [1, 2, 5]
    expect(histogram([1, 2, 2, 3, 4, 5, 5, 5], [1, 2, 3, 5])).toEqual([1, 2, 5]);
  });

  it('ignores values outside the edges, as numpy; infinite outer edges catch everything', () => {
    expect(histogram([-5, 1, 6], [0, 2, 4])).toEqual([1, 0]);
    expect(histogram([-5, 1, 6], [-Infinity, 2, Infinity])).toEqual([2, 1]);
    expect(histogram([], [0, 1])).toEqual([0]);
  });

  it('with quantileEdges, counts every value and gives PSI 0 for the reference itself', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 10 }),
        (values, bins) => {
          const edges = quantileEdges(values, bins);
          const counts = histogram(values, edges);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
          expect(psi(counts, counts)).toBe(0);
        },
      ),
    );
  });

  it('rejects bad edges and values', () => {
    expectMetricError(() => histogram([1], [0]), 'out-of-range', /2 edges/);
    expectMetricError(() => histogram([1], [0, 0]), 'out-of-range', /increase strictly/);
    expectMetricError(() => histogram([1], [0, Number.NaN]), 'not-finite');
    expectMetricError(() => histogram([Number.NaN], [0, 1]), 'not-finite');
  });
});

describe('histogramOfSorted', () => {
  it('counts as histogram does, on the numpy example', () => {
    expect(histogramOfSorted([1, 2, 2, 3, 4, 5, 5, 5], [1, 2, 3, 5])).toEqual([1, 2, 5]);
    expect(histogramOfSorted([-5, 1, 6], [0, 2, 4])).toEqual([1, 0]);
    expect(histogramOfSorted([], [0, 1])).toEqual([0]);
  });

  it('equals histogram on any sorted sample, with values on the edges and outside them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 300 }),
        fc.uniqueArray(fc.integer({ min: -15, max: 15 }), { minLength: 2, maxLength: 8 }),
        fc.boolean(),
        (values, rawEdges, open) => {
          const edges = [...rawEdges].sort((a, b) => a - b);
          if (open) [edges[0], edges[edges.length - 1]] = [-Infinity, Infinity];
          const sorted = Float64Array.from(values).sort();
          expect(histogramOfSorted(sorted, edges)).toEqual(histogram(values, edges));
        },
      ),
    );
  });
});
