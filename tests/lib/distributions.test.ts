// Reference values from scipy 1.11 (scipy.stats.norm and scipy.stats.chi2), printed with repr().
import { describe, expect, it } from 'vitest';
import { chiSquareSurvival, normalCdf, normalQuantile, normalTwoSidedPValue } from '../../src/lib/distributions.ts';
import { expectMetricError } from './expect-error.ts';

const closeRelative = (actual: number, expected: number, tolerance = 1e-14) =>
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThan(tolerance);

describe('normalCdf', () => {
  it('matches scipy.stats.norm.cdf in the body and both tails', () => {
    closeRelative(normalCdf(1.96), 0.9750021048517795);
    closeRelative(normalCdf(-1.96), 0.024997895148220435);
    closeRelative(normalCdf(0.5), 0.6914624612740131);
    closeRelative(normalCdf(-8), 6.22096057427178e-16);
    closeRelative(normalCdf(-20), 2.7536241186062337e-89, 1e-13); // x / √2 rounds in the last bits
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
  });
});

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf', () => {
    closeRelative(normalQuantile(0.975), 1.959963984540054);
    closeRelative(normalQuantile(0.8), 0.8416212335729143);
    closeRelative(normalQuantile(0.001), -3.090232306167813);
    closeRelative(normalQuantile(1e-10), -6.361340902404056);
    closeRelative(normalQuantile(0.995), 2.5758293035489004);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('inverts normalCdf', () => {
    for (const p of [1e-300, 1e-12, 0.02, 0.3, 0.7, 0.98, 1 - 1e-12])
      closeRelative(normalCdf(normalQuantile(p)), p, 1e-12);
  });
});

describe('normalTwoSidedPValue', () => {
  it('is 2 * scipy.stats.norm.sf(|z|)', () => {
    closeRelative(normalTwoSidedPValue(1.96), 0.04999579029644097);
    closeRelative(normalTwoSidedPValue(-3), 0.0026997960632601866);
    expect(normalTwoSidedPValue(0)).toBe(1);
  });
});

describe('chiSquareSurvival', () => {
  it('matches scipy.stats.chi2.sf for even and odd degrees of freedom', () => {
    closeRelative(chiSquareSurvival(2, 5), 0.8491450360846096);
    closeRelative(chiSquareSurvival(1, 1), 0.31731050786291415);
    closeRelative(chiSquareSurvival(3.841458820694124, 1), 0.05, 1e-12);
    closeRelative(chiSquareSurvival(10, 2), Math.exp(-5));
    closeRelative(chiSquareSurvival(18.307038053275146, 10), 0.05, 1e-12);
  });

  it('keeps tiny upper tails instead of rounding them to 0', () => {
    // scipy.stats.chi2.sf(200, 2) = exp(-100)
    closeRelative(chiSquareSurvival(200, 2), Math.exp(-100));
    expect(chiSquareSurvival(500, 3)).toBeGreaterThan(0);
  });

  it('is 1 at 0, 0 at infinity, and refuses a fractional dof', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(Infinity, 3)).toBe(0);
    expectMetricError(() => chiSquareSurvival(1, 1.5), 'out-of-range');
  });
});
