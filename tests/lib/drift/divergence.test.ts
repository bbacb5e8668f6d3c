import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsDistance, jsDivergence, klDivergence } from '../../../src/lib/drift/divergence.ts';
import { expectMetricError } from '../expect-error.ts';

const pair = fc
  .integer({ min: 1, max: 10 })
  .chain((k) =>
    fc.tuple(
      fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: k, maxLength: k }),
      fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: k, maxLength: k }),
    ),
  )
  .filter(([p, q]) => p.some((v) => v > 0) && q.some((v) => v > 0));

describe('klDivergence (scipy.stats.entropy(p, q))', () => {
  it('matches scipy values', () => {
    // scipy 1.10.1: entropy([1/2, 1/2], [9/10, 1/10]) -> 0.5108256237659907; base=2 -> 0.7369655941662062.
    expect(klDivergence([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(0.5108256237659907, 15);
    expect(klDivergence([0.5, 0.5], [0.9, 0.1], { base: 2 })).toBeCloseTo(0.7369655941662062, 15);
    // Counts are normalised: entropy([10, 30, 60], [20, 30, 50]) -> 0.04007821602037823.
    expect(klDivergence([10, 30, 60], [20, 30, 50])).toBeCloseTo(0.04007821602037823, 15);
  });

  it('is Infinity when q is 0 where p is not (scipy returns inf)', () => {
    expect(klDivergence([1, 0], [0, 1])).toBe(Infinity);
    // p = 0 where q > 0 is fine: 0·ln 0 = 0.
    expect(klDivergence([1, 0], [0.5, 0.5])).toBeCloseTo(Math.LN2, 15);
  });

  it('is >= 0 and 0 for identical distributions', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        expect(klDivergence(p, q)).toBeGreaterThanOrEqual(-1e-12);
        expect(klDivergence(p, p)).toBeCloseTo(0, 12);
      }),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => klDivergence([], []), 'empty');
    expectMetricError(() => klDivergence([1], [1, 2]), 'length-mismatch');
    expectMetricError(() => klDivergence([1, -1], [1, 2]), 'out-of-range');
    expectMetricError(() => klDivergence([0, 0], [1, 2]), 'undefined');
    expectMetricError(() => klDivergence([1, 2], [1, 2], { base: 1 }), 'out-of-range', /base/);
    expectMetricError(() => klDivergence([1, 2], [1, 2], { base: -2 }), 'out-of-range', /base/);
    expectMetricError(() => klDivergence([1, Number.NaN], [1, 2]), 'not-finite');
  });
});

describe('jsDistance and jsDivergence (scipy.spatial.distance.jensenshannon)', () => {
  it('matches the jensenshannon docstring examples', () => {
    // scipy docstring: jensenshannon([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], 2.0) -> 1.0
    expect(jsDistance([1, 0, 0], [0, 1, 0], { base: 2 })).toBeCloseTo(1, 15);
    // jensenshannon([1.0, 0.0], [0.5, 0.5]) -> 0.46450140402245893 (natural log)
    expect(jsDistance([1, 0], [0.5, 0.5])).toBeCloseTo(0.46450140402245893, 15);
    // The same pair in base 2 (scipy 1.10.1): 0.5579230452841438
    expect(jsDistance([1, 0], [0.5, 0.5], { base: 2 })).toBeCloseTo(0.5579230452841438, 15);
    // jensenshannon([1.0, 0.0, 0.0], [1.0, 0.0, 0.0]) -> 0.0
    expect(jsDistance([1, 0, 0], [1, 0, 0])).toBe(0);
  });

  it('divergence is the squared distance', () => {
    expect(jsDivergence([1, 0], [0.5, 0.5])).toBeCloseTo(0.46450140402245893 ** 2, 15);
  });

  it('reaches ln 2 (1 bit) for disjoint supports', () => {
    expect(jsDivergence([1, 0], [0, 1])).toBeCloseTo(Math.LN2, 15);
    expect(jsDivergence([1, 0], [0, 1], { base: 2 })).toBeCloseTo(1, 15);
  });

  it('is symmetric, finite, in [0, ln 2], and 0 for identical distributions', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        const js = jsDivergence(p, q);
        expect(Number.isFinite(js)).toBe(true);
        expect(js).toBeGreaterThanOrEqual(0);
        expect(js).toBeLessThanOrEqual(Math.LN2 + 1e-12);
        expect(jsDivergence(q, p)).toBeCloseTo(js, 14);
        expect(jsDistance(p, q)).toBeCloseTo(Math.sqrt(js), 14);
        expect(jsDivergence(p, p)).toBeCloseTo(0, 14);
      }),
    );
  });

  it('stays finite for subnormal shares (found by fast-check)', () => {
    // p's share in bin 5 is about 7e-324; halving it for the mixture would underflow to 0.
    const p = [0, 0, 0, 0, 0, 1.5e-323, 0, 2.0000000000000004];
    const q = [25.999999999999865, 0, 1.3322676295501878e-13, 0, 0, 0, 0, 0];
    expect(jsDivergence(p, q)).toBeCloseTo(Math.LN2, 12);
    expect(Number.isFinite(klDivergence([1, 1e-320], [1e-320, 1]))).toBe(true);
  });

  it('rejects bad input', () => {
    expectMetricError(() => jsDistance([1, 2], [1]), 'length-mismatch');
    expectMetricError(() => jsDivergence([0, 0], [0, 1]), 'undefined', /sums to 0/);
    expectMetricError(() => jsDistance([1, 2], [1, 2], { base: 0 }), 'out-of-range');
  });
});
