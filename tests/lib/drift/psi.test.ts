import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { psi, psiBinContributions, PSI_EPSILON } from '../../../src/lib/drift/psi.ts';
import { klDivergence } from '../../../src/lib/drift/divergence.ts';
import { expectMetricError } from '../expect-error.ts';

const bins = fc
  .integer({ min: 1, max: 12 })
  .chain((k) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 500 }), { minLength: k, maxLength: k }),
      fc.array(fc.integer({ min: 0, max: 500 }), { minLength: k, maxLength: k }),
    ),
  )
  .filter(([e, a]) => e.some((v) => v > 0) && a.some((v) => v > 0));

describe('psi', () => {
  it('matches a hand-computed value', () => {
    // 50/50 -> 40/60: (0.4 - 0.5)·ln(0.8) + (0.6 - 0.5)·ln(1.2) = 0.0405465108108164...
    expect(psi([50, 50], [40, 60])).toBeCloseTo(0.1 * Math.log(1.25) + 0.1 * Math.log(1.2), 15);
    expect(psi([0.5, 0.5], [0.4, 0.6])).toBeCloseTo(0.04054651081081642, 15);
  });

  it('treats counts and proportions alike', () => {
    expect(psi([10, 30, 60], [20, 30, 50])).toBeCloseTo(psi([0.1, 0.3, 0.6], [0.2, 0.3, 0.5]), 15);
  });

  it('replaces an empty bin by epsilon = 1e-4 (documented default)', () => {
    expect(PSI_EPSILON).toBe(1e-4);
    // Bin 2 is empty in actual: its share becomes 1e-4 (others not renormalised).
    const expected = (0.5 - 0.5) * Math.log(1) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0;
    expect(psi([50, 50], [100, 0])).toBeCloseTo(expected + (1 - 0.5) * Math.log(1 / 0.5), 12);
    expect(Number.isFinite(psi([100, 0, 0], [0, 0, 100]))).toBe(true);
    expect(psi([50, 50], [100, 0], { epsilon: 1e-6 })).toBeGreaterThan(psi([50, 50], [100, 0]));
  });

  it('is >= 0, 0 for identical distributions, and the sum of its bin contributions', () => {
    fc.assert(
      fc.property(bins, ([expected, actual]) => {
        const value = psi(expected, actual);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(psi(expected, expected)).toBe(0);
        const terms = psiBinContributions(expected, actual);
        terms.forEach((term) => expect(term).toBeGreaterThanOrEqual(0));
        expect(terms.reduce((a, b) => a + b, 0)).toBeCloseTo(value, 12);
      }),
    );
  });

  it('equals KL(a‖e) + KL(e‖a) when no bin is empty (symmetrised KL, scipy.stats.entropy)', () => {
    fc.assert(
      fc.property(bins, ([expected, actual]) => {
        const e = expected.map((v) => v + 1);
        const a = actual.map((v) => v + 1);
        expect(psi(e, a)).toBeCloseTo(klDivergence(a, e) + klDivergence(e, a), 12);
      }),
    );
  });

  it('copes with huge counts (no overflow in the normalising sum)', () => {
    expect(psi([1e308, 1e308], [1e308, 5e307])).toBeCloseTo(psi([2, 2], [2, 1]), 14);
  });

  it('rejects bad input', () => {
    expectMetricError(() => psi([], []), 'empty');
    expectMetricError(() => psi([1, 2], [1]), 'length-mismatch');
    expectMetricError(() => psi([1, -2], [1, 2]), 'out-of-range', /expected\[1\] is -2/);
    expectMetricError(() => psi([1, 2], [Number.NaN, 2]), 'not-finite');
    expectMetricError(() => psi([0, 0], [1, 2]), 'undefined', /sums to 0/);
    expectMetricError(() => psi([1, 2], [1, 2], { epsilon: 0 }), 'out-of-range', /epsilon/);
  });
});
