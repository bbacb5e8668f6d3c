import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleSizePerVariant } from '../../../src/lib/experiments/sample-size.ts';
import { expectMetricError } from '../expect-error.ts';

// References: statsmodels 0.13.5 samplesize_proportions_2indep_onetail(diff, prop2=baseline,
// power, alpha=alpha, alternative=...), which evaluates exactly this formula (unrounded value
// in each comment); we round up.
describe('sampleSizePerVariant', () => {
  it('5% baseline, +0.5 points absolute, alpha 0.05, power 0.8, two-sided -> 31,234 per arm', () => {
    // statsmodels: 31233.43794013002
    expect(sampleSizePerVariant({ baseline: 0.05, mde: 0.005, alpha: 0.05, power: 0.8, twoSided: true })).toBe(31234);
    // Defaults are alpha 0.05, power 0.8, two-sided, absolute mde.
    expect(sampleSizePerVariant({ baseline: 0.05, mde: 0.005 })).toBe(31234);
  });

  it('one-sided uses z_{1-alpha}', () => {
    // statsmodels alternative='larger': 24602.44014805983
    expect(sampleSizePerVariant({ baseline: 0.05, mde: 0.005, twoSided: false })).toBe(24603);
  });

  it('reads a relative mde as a fraction of the baseline', () => {
    // 10% -> 12% is +20% relative = +0.02 absolute; statsmodels: 3840.8474824362734.
    expect(sampleSizePerVariant({ baseline: 0.1, mde: 0.2, relative: true })).toBe(3841);
    expect(sampleSizePerVariant({ baseline: 0.1, mde: 0.02 })).toBe(3841);
    // 10% -> 12.5% (+25% relative): 2506.537815386787.
    expect(sampleSizePerVariant({ baseline: 0.1, mde: 0.25, relative: true })).toBe(2507);
  });

  it('handles a drop (negative mde), other alpha and power', () => {
    // 20% -> 15%: 905.3657779642217. 50% -> 55%: 1564.6720527749499.
    expect(sampleSizePerVariant({ baseline: 0.2, mde: -0.05 })).toBe(906);
    expect(sampleSizePerVariant({ baseline: 0.5, mde: 0.05 })).toBe(1565);
    // 10% -> 9%, alpha 0.01, power 0.9: 25582.634401273393 (same formula, computed with scipy.stats.norm).
    expect(sampleSizePerVariant({ baseline: 0.1, mde: -0.01, alpha: 0.01, power: 0.9 })).toBe(25583);
  });

  it('needs more users for a smaller effect, more power or a smaller alpha', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (baseline, relativeMde) => {
          const n = sampleSizePerVariant({ baseline, mde: relativeMde, relative: true });
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(1);
          expect(sampleSizePerVariant({ baseline, mde: relativeMde / 2, relative: true })).toBeGreaterThanOrEqual(n);
          expect(
            sampleSizePerVariant({ baseline, mde: relativeMde, relative: true, power: 0.9 }),
          ).toBeGreaterThanOrEqual(n);
          expect(
            sampleSizePerVariant({ baseline, mde: relativeMde, relative: true, alpha: 0.01 }),
          ).toBeGreaterThanOrEqual(n);
        },
      ),
    );
  });

  it('rejects rates, alpha and power outside (0, 1), a zero mde and NaN', () => {
    expectMetricError(() => sampleSizePerVariant({ baseline: 0, mde: 0.01 }), 'out-of-range', /baseline/);
    expectMetricError(() => sampleSizePerVariant({ baseline: 1, mde: -0.01 }), 'out-of-range', /baseline/);
    expectMetricError(() => sampleSizePerVariant({ baseline: 0.5, mde: 0 }), 'out-of-range', /zero effect/);
    expectMetricError(
      () => sampleSizePerVariant({ baseline: 0.98, mde: 0.05 }),
      'out-of-range',
      /target rate .* is 1.03/,
    );
    expectMetricError(
      () => sampleSizePerVariant({ baseline: 0.5, mde: -1, relative: true }),
      'out-of-range',
      /target rate/,
    );
    expectMetricError(() => sampleSizePerVariant({ baseline: 0.5, mde: 0.1, alpha: 0 }), 'out-of-range', /alpha/);
    expectMetricError(() => sampleSizePerVariant({ baseline: 0.5, mde: 0.1, alpha: 1.2 }), 'out-of-range', /alpha/);
    expectMetricError(() => sampleSizePerVariant({ baseline: 0.5, mde: 0.1, power: 1 }), 'out-of-range', /power/);
    expectMetricError(() => sampleSizePerVariant({ baseline: 0.5, mde: 0.1, power: 0.001 }), 'out-of-range', /too low/);
    expectMetricError(() => sampleSizePerVariant({ baseline: Number.NaN, mde: 0.1 }), 'not-finite');
    expectMetricError(() => sampleSizePerVariant({ baseline: 0.5, mde: Infinity }), 'not-finite');
  });
});
