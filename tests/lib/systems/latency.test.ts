import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { latencySummary, percentile } from '../../../src/lib/systems/index.ts';

describe('percentile', () => {
  // numpy.percentile documentation: a = [[10, 7, 4], [3, 2, 1]]; np.percentile(a, 50) = 3.5 over the
  // flattened array, and np.percentile(a, 50, axis=0) = [6.5, 4.5, 2.5], axis=1 -> [7, 2].
  it('matches the numpy.percentile documentation example', () => {
    expect(percentile([10, 7, 4, 3, 2, 1], 50)).toBe(3.5);
    expect([percentile([10, 3], 50), percentile([7, 2], 50), percentile([4, 1], 50)]).toEqual([6.5, 4.5, 2.5]);
    expect([percentile([10, 7, 4], 50), percentile([3, 2, 1], 50)]).toEqual([7, 2]);
  });

  // np.percentile(v, q) with numpy 2.4.6, default method='linear'.
  const v = [0.3, 12.5, 7.25, 1.0, 99.9, 42.0, 5.5, 3.3, 18.0, 0.01];
  it.each([
    [0, 0.01],
    [1, 0.0361],
    [33.3, 3.2930999999999995],
    [50, 6.375],
    [90, 47.78999999999998],
    [95, 73.84499999999994],
    [99, 94.68900000000001],
    [99.9, 99.37890000000009],
    [100, 99.9],
  ])('p%s matches numpy 2.4.6 to the last bit (%s)', (p, expected) => {
    expect(percentile(v, p)).toBe(expected);
  });

  it('does not reorder the caller array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('lies between the minimum and maximum and grows with p (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, p, q) => {
          const [low, high] = p <= q ? [p, q] : [q, p];
          const a = percentile(values, low);
          const b = percentile(values, high);
          expect(a).toBeGreaterThanOrEqual(Math.min(...values));
          expect(b).toBeLessThanOrEqual(Math.max(...values));
          expect(a).toBeLessThanOrEqual(b);
        },
      ),
    );
  });

  it('stays finite even for values near the largest double (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, p) => {
          const result = percentile(values, p);
          expect(Number.isFinite(result)).toBe(true);
          expect(result).toBeGreaterThanOrEqual(Math.min(...values));
          expect(result).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
    );
    expect(percentile([-1.7e308, 1.7e308], 50)).toBe(0);
  });

  it.each([
    [[], 50, /values is empty/],
    [[1, NaN], 50, /values\[1\] is NaN/],
    [[1, 2], 101, /use 99, not 0.99|between 0 and 100/],
    [[1, 2], -1, /between 0 and 100/],
    [[1, 2], NaN, /p is NaN/],
  ])('rejects %o at p = %s', (values, p, message) => {
    expect(() => percentile(values, p)).toThrow(message);
  });
});

describe('latencySummary', () => {
  // numpy 2.4.6: np.percentile([12, 15, 11, 80, 14], [50, 95, 99]) = [14, 66.99999999999999, 77.39999999999999].
  it('reports p50, p95, p99, mean, max and count', () => {
    expect(latencySummary([12, 15, 11, 80, 14])).toEqual({
      p50: 14,
      p95: 66.99999999999999,
      p99: 77.39999999999999,
      mean: 26.4,
      max: 80,
      count: 5,
    });
  });

  it('keeps the mean finite when the sum would overflow', () => {
    expect(latencySummary([1.5e308, 1.5e308]).mean).toBe(1.5e308);
  });

  it('handles a single value', () => {
    expect(latencySummary([7])).toEqual({ p50: 7, p95: 7, p99: 7, mean: 7, max: 7, count: 1 });
  });

  it.each([[[]], [[-1, 2]], [[1, Infinity]]])('rejects %o', (values) => {
    expect(() => latencySummary(values)).toThrow(/Latency summary/);
  });
});
