import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kolmogorovSurvival, ksStatistic, ksTest, type KsMethod } from '../../../src/lib/drift/ks.ts';
import { expectMetricError, shuffled } from '../expect-error.ts';

// Two samples of 25 and 24 values (2 decimals); references from scipy 1.10.1 ks_2samp.
const A = [
  0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09, -1.28,
  2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47,
];
const B = [
  2.2, 1.66, 1.38, 0.2, 0.36, 0.0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.37, 1.22, 1.04, 1.77, 0.96,
  0.35, 1.22, 2.0, 0.32,
];

/** Exact p-value by brute force: the share of all splits of 1..m+n into sizes m, n with D >= d. */
function enumeratedPValue(m: number, n: number, d: number): number {
  const total = m + n;
  let hits = 0;
  let splits = 0;
  for (let mask = 0; mask < 1 << total; mask++) {
    let bits = 0;
    for (let b = mask; b; b >>= 1) bits += b & 1;
    if (bits !== m) continue;
    splits++;
    let i = 0;
    let j = 0;
    let maxGap = 0;
    for (let position = 0; position < total; position++) {
      if (mask & (1 << position)) i++;
      else j++;
      maxGap = Math.max(maxGap, Math.abs(i / m - j / n));
    }
    if (maxGap >= d - 1e-12) hits++;
  }
  return hits / splits;
}

describe('ksStatistic', () => {
  it('matches scipy ks_2samp statistics', () => {
    expect(ksStatistic(A, B)).toBeCloseTo(0.345, 15);
    // Ties across samples (scipy 1.10.1: 0.45).
    expect(ksStatistic([1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 3, 4, 4, 4, 5, 6, 7, 7])).toBeCloseTo(0.45, 15);
    expect(ksStatistic([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(ksStatistic([1, 2, 3], [4, 5, 6])).toBe(1);
  });

  it('is symmetric, in [0, 1], and ignores input order', () => {
    const sample = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const d = ksStatistic(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(ksStatistic(b, a)).toBe(d);
        expect(ksStatistic([...a].reverse(), b)).toBe(d);
      }),
    );
  });

  it('rejects empty samples and NaN', () => {
    expectMetricError(() => ksStatistic([], [1]), 'empty');
    expectMetricError(() => ksStatistic([1, Number.NaN], [1]), 'not-finite');
  });
});

describe('ksTest', () => {
  it('matches scipy ks_2samp(method="exact") for unequal sizes', () => {
    // scipy 1.10.1: ks_2samp(A, B, method='exact') -> statistic 0.345, pvalue 0.08503934341456963.
    const result = ksTest(A, B);
    expect(result.method).toBe('exact');
    expect(result.statistic).toBeCloseTo(0.345, 15);
    expect(result.pValue).toBeCloseTo(0.08503934341456963, 13);
    // Ties: ks_2samp([1,2,2,3,3,3,4,5], [2,3,3,4,4,4,5,6,7,7]) -> 0.45, 0.2475433063668358.
    const tied = ksTest([1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 3, 4, 4, 4, 5, 6, 7, 7]);
    expect(tied.statistic).toBe(0.45);
    expect(tied.pValue).toBeCloseTo(0.2475433063668358, 13);
  });

  it('matches scipy for equal sizes (closed form)', () => {
    // scipy 1.10.1: statistic 1/3, pvalue 0.9307359307359307; and 0.6, 0.05244755244755244.
    const small = ksTest([0.1, 0.4, 0.7, 0.9, 1.3, 1.5], [0.2, 0.5, 0.6, 1.1, 1.7, 1.9]);
    expect(small).toEqual({ statistic: 1 / 3, pValue: expect.closeTo(0.9307359307359307, 13), method: 'exact' });
    const shifted = ksTest([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 14.5]);
    expect(shifted.statistic).toBe(0.6);
    expect(shifted.pValue).toBeCloseTo(0.05244755244755244, 13);
  });

  it('exact p-values equal a brute-force enumeration of all splits (m, n <= 6)', () => {
    // Concrete splits: b interleaved with a, shifted by `shift` positions.
    for (let m = 1; m <= 6; m++) {
      for (let n = 1; n <= 6; n++) {
        for (let shift = 0; shift <= m + n; shift++) {
          const values = Array.from({ length: m + n }, (_, i) => i);
          const b = values.slice(0, Math.min(shift, n)).concat(values.slice(m + Math.min(shift, n), m + n));
          const a = values.filter((v) => !b.includes(v));
          if (a.length !== m || b.length !== n) continue;
          const result = ksTest(a, b, { method: 'exact' });
          expect(result.pValue).toBeCloseTo(enumeratedPValue(m, n, result.statistic), 12);
        }
      }
    }
  });

  it('random small samples: exact p equals the enumeration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer(), (m, n, seed) => {
        // A random split of 0..m+n-1 (distinct values) into samples of sizes m and n.
        const values = shuffled(
          Array.from({ length: m + n }, (_, i) => i),
          seed,
        );
        const a = values.slice(0, m);
        const b = values.slice(m);
        const result = ksTest(a, b, { method: 'exact' });
        expect(result.pValue).toBeCloseTo(enumeratedPValue(m, n, result.statistic), 12);
      }),
      { numRuns: 150 },
    );
  });

  it('matches scipy on larger samples (unequal sizes: lattice paths; equal: closed form)', () => {
    // scipy 1.10.1 ks_2samp(a, b, method='exact') with a = sin(0..299), b = 1.1·cos(1.3·(0..199)) + 0.1:
    // statistic 0.175, pvalue 0.001156189541489953.
    const a = Array.from({ length: 300 }, (_, i) => Math.sin(i));
    const b = Array.from({ length: 200 }, (_, j) => Math.cos(1.3 * j) * 1.1 + 0.1);
    const unequal = ksTest(a, b);
    expect(unequal.statistic).toBe(0.175);
    expect(unequal.pValue).toBeCloseTo(0.001156189541489953, 13);
    expect(Math.abs(unequal.pValue - 0.001156189541489953) / 0.001156189541489953).toBeLessThan(1e-9);
    // a = sin(0..399), b = sin(1.7·(0..399)) + 0.2: statistic 0.2025, pvalue 1.3711905167668337e-07.
    const c = Array.from({ length: 400 }, (_, i) => Math.sin(i));
    const d = Array.from({ length: 400 }, (_, i) => Math.sin(i * 1.7) + 0.2);
    const equal = ksTest(c, d);
    expect(equal.statistic).toBe(0.2025);
    expect(Math.abs(equal.pValue - 1.3711905167668337e-7) / 1.3711905167668337e-7).toBeLessThan(1e-9);
  });

  it('asymp uses the Kolmogorov distribution (scipy.stats.kstwobign.sf)', () => {
    // scipy 1.10.1: kstwobign.sf(sqrt(25·24/49)·0.345) -> 0.10840185304469735. (scipy's own
    // ks_2samp(method='asymp') gives 0.0886 here via kstwo.sf(D, round(en)): documented deviation.)
    const result = ksTest(A, B, { method: 'asymp' });
    expect(result.method).toBe('asymp');
    expect(result.pValue).toBeCloseTo(0.10840185304469735, 13);
  });

  it('auto switches to asymp above 10,000 values, as scipy', () => {
    const big = Array.from({ length: 10_001 }, (_, i) => i / 10_001);
    const shifted = big.map((v) => v + 0.01);
    const result = ksTest(big, shifted);
    expect(result.method).toBe('asymp');
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(1);
  });

  it('returns p = 1 for identical samples and p in [0, 1] always', () => {
    expect(ksTest([1, 2, 3], [1, 2, 3]).pValue).toBe(1);
    const sample = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(sample, sample, fc.constantFrom<'exact' | 'asymp'>('exact', 'asymp'), (a, b, method) => {
        const { pValue } = ksTest(a, b, { method });
        expect(pValue).toBeGreaterThanOrEqual(0);
        expect(pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => ksTest([], [1, 2]), 'empty');
    expectMetricError(() => ksTest([1, Infinity], [1, 2]), 'not-finite');
    // An unknown method (possible from untyped callers) must be rejected at run time too.
    const notAMethod = 'fast' as unknown as KsMethod;
    expectMetricError(() => ksTest([1], [2], { method: notAMethod }), 'out-of-range', /method/);
  });
});

describe('kolmogorovSurvival', () => {
  it.each([
    // scipy 1.10.1 kstwobign.sf(x)
    [0.2, 0.999999999999495],
    [0.5, 0.9639452436648751],
    [1.0, 0.26999967167735456],
    [1.18, 0.1234538094297657],
    [1.5, 0.022217962616525127],
    [2.0, 0.0006709252557796953],
    [3.0, 3.045995948942526e-8],
  ])('Q(%f) = %f', (lambda, expected) => {
    expect(kolmogorovSurvival(lambda)).toBeCloseTo(expected, 14);
    expect(Math.abs(kolmogorovSurvival(lambda) - expected) / expected).toBeLessThan(1e-10);
  });

  it('is 1 at 0 and below, decreasing, and rejects NaN', () => {
    expect(kolmogorovSurvival(0)).toBe(1);
    expect(kolmogorovSurvival(-1)).toBe(1);
    let previous = 1;
    for (let x = 0.05; x < 4; x += 0.05) {
      const q = kolmogorovSurvival(x);
      expect(q).toBeLessThanOrEqual(previous + 1e-15);
      previous = q;
    }
    expectMetricError(() => kolmogorovSurvival(Number.NaN), 'not-finite');
  });
});
