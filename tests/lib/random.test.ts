import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binomialSample, mulberry32 } from '../../src/lib/random.ts';

describe('mulberry32', () => {
  it('matches the reference implementation (bryc/code PRNGs.md) for seed 42', () => {
    // First outputs of the canonical mulberry32(42), computed with the published one-liner.
    const random = mulberry32(42);
    expect(random()).toBe(0.6011037519201636);
    expect(random()).toBe(0.44829055899754167);
  });

  it('is reproducible and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        for (let i = 0; i < 20; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it('has a uniform mean and variance over many draws', () => {
    const random = mulberry32(7);
    let total = 0;
    let squares = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = random();
      total += x;
      squares += x * x;
    }
    const mean = total / n;
    // Uniform(0, 1): mean 1/2, variance 1/12; standard error of the mean ≈ 0.00065.
    expect(mean).toBeCloseTo(0.5, 2);
    expect(squares / n - mean * mean).toBeCloseTo(1 / 12, 2);
  });
});

describe('binomialSample', () => {
  it('returns the trivial cases exactly', () => {
    const random = mulberry32(1);
    expect(binomialSample(random, 0, 0.3)).toBe(0);
    expect(binomialSample(random, 50, 0)).toBe(0);
    expect(binomialSample(random, 50, 1)).toBe(50);
  });

  it('stays within [0, trials]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (n, p, seed) => {
          const x = binomialSample(mulberry32(seed), n, p);
          expect(Number.isInteger(x)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(n);
        },
      ),
    );
  });

  it.each([
    [1000, 0.05],
    [200, 0.5],
    [300, 0.9],
  ])('has mean n·p and variance n·p·(1-p) for n = %i, p = %f', (n, p) => {
    const random = mulberry32(123);
    const draws = 20_000;
    let total = 0;
    let squares = 0;
    for (let i = 0; i < draws; i++) {
      const x = binomialSample(random, n, p);
      total += x;
      squares += x * x;
    }
    const mean = total / draws;
    const variance = squares / draws - mean * mean;
    const sd = Math.sqrt(n * p * (1 - p));
    // Tolerances are 5 standard errors of the sample mean / about 5% for the variance.
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
  });
});
