import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chiSquareTest } from '../../../src/lib/drift/chi-square.ts';
import { expectMetricError } from '../expect-error.ts';

describe('chiSquareTest (scipy.stats.chisquare)', () => {
  it('matches the chisquare docstring examples', () => {
    // scipy docstring: chisquare([16, 18, 16, 14, 12, 12]) -> statistic 2.0, pvalue 0.84914503608460956
    const uniform = chiSquareTest([16, 18, 16, 14, 12, 12]);
    expect(uniform.statistic).toBe(2);
    expect(uniform.pValue).toBeCloseTo(0.84914503608460956, 14);
    expect(uniform.dof).toBe(5);
    // chisquare([16, 18, 16, 14, 12, 12], f_exp=[16, 16, 16, 16, 16, 8]) -> 3.5, 0.62338762774958223
    const withExpected = chiSquareTest([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]);
    expect(withExpected.statistic).toBeCloseTo(3.5, 14);
    expect(withExpected.pValue).toBeCloseTo(0.62338762774958223, 14);
  });

  it('rescales expected to the observed total (shares or another sample size)', () => {
    const asCounts = chiSquareTest([16, 18, 16, 14, 12, 12], [16, 16, 16, 16, 16, 8]);
    const asShares = chiSquareTest([16, 18, 16, 14, 12, 12], [2, 2, 2, 2, 2, 1]);
    expect(asShares.statistic).toBeCloseTo(asCounts.statistic, 13);
    expect(asShares.pValue).toBeCloseTo(asCounts.pValue, 13);
  });

  it('gives p = 1 for a perfect fit and a tiny p for a gross misfit', () => {
    expect(chiSquareTest([10, 10, 10])).toEqual({ statistic: 0, pValue: 1, dof: 2 });
    const misfit = chiSquareTest([1000, 0], [1, 1]);
    expect(misfit.statistic).toBe(1000);
    expect(misfit.pValue).toBeGreaterThanOrEqual(0);
    expect(misfit.pValue).toBeLessThan(1e-12);
  });

  it('keeps zero observed counts (empty bins) valid', () => {
    // scipy 1.10.1: chisquare([0, 10, 20]) -> statistic 20.0, pvalue 4.5399929762484854e-05.
    const result = chiSquareTest([0, 10, 20]);
    expect(result.statistic).toBeCloseTo(20, 13);
    expect(result.pValue).toBeCloseTo(4.5399929762484854e-5, 13);
  });

  it('p-value is always a probability', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 15 }), (observed) => {
        fc.pre(observed.some((v) => v > 0));
        const { statistic, pValue, dof } = chiSquareTest(observed);
        expect(statistic).toBeGreaterThanOrEqual(0);
        expect(pValue).toBeGreaterThanOrEqual(0);
        expect(pValue).toBeLessThanOrEqual(1);
        expect(dof).toBe(observed.length - 1);
      }),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => chiSquareTest([]), 'empty');
    expectMetricError(() => chiSquareTest([5]), 'out-of-range', /at least 2/);
    expectMetricError(() => chiSquareTest([0, 0]), 'undefined', /sum to 0/);
    expectMetricError(() => chiSquareTest([1, -1]), 'out-of-range');
    expectMetricError(() => chiSquareTest([1, Number.NaN]), 'not-finite');
    expectMetricError(() => chiSquareTest([1, 2], [1]), 'length-mismatch');
    expectMetricError(() => chiSquareTest([1, 2], [1, 0]), 'out-of-range', /expected\[1\] is 0/);
    expectMetricError(() => chiSquareTest([1e308, 1e308]), 'out-of-range', /too large/);
  });
});
