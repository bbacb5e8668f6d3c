import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { twoProportionZTest } from '../../../src/lib/experiments/z-test.ts';
import { expectMetricError } from '../expect-error.ts';

// References: statsmodels 0.13.5 proportions_ztest([xB, xA], [nB, nA]) (pooled, two-sided) and
// confint_proportions_2indep(xB, nB, xA, nA, method='wald', compare='diff').
describe('twoProportionZTest against statsmodels', () => {
  it.each([
    [200, 1000, 250, 1000, 2.677397763008329, 0.007419649261025687, 0.013463621687539826, 0.08653637831246015],
    [48, 1000, 60, 1000, 1.1871997599007444, 0.2351488355774013, -0.007803978887021355, 0.03180397888702135],
    [10, 50, 20, 60, 1.563471919941143, 0.11794163538761544, -0.02951719165216163, 0.2961838583188282],
    [0, 100, 5, 100, 2.2645540682891916, 0.023540058261177936, 0.007283575292052945, 0.09271642470794705],
  ])('A %i/%i vs B %i/%i', (successesA, trialsA, successesB, trialsB, z, p, low, high) => {
    const result = twoProportionZTest({ successesA, trialsA, successesB, trialsB });
    expect(result.z).toBeCloseTo(z, 12);
    expect(result.pValue).toBeCloseTo(p, 12);
    expect(result.ciLow).toBeCloseTo(low, 12);
    expect(result.ciHigh).toBeCloseTo(high, 12);
    expect(result.difference).toBeCloseTo(successesB / trialsB - successesA / trialsA, 15);
  });

  it('reports rates and relative lift', () => {
    const result = twoProportionZTest({ successesA: 200, trialsA: 1000, successesB: 250, trialsB: 1000 });
    expect(result.rateA).toBe(0.2);
    expect(result.rateB).toBe(0.25);
    expect(result.relativeLift).toBeCloseTo(0.25, 14);
  });

  it('uses alpha for the interval width', () => {
    const at95 = twoProportionZTest({ successesA: 200, trialsA: 1000, successesB: 250, trialsB: 1000 });
    const at99 = twoProportionZTest({ successesA: 200, trialsA: 1000, successesB: 250, trialsB: 1000, alpha: 0.01 });
    expect(at99.ciHigh - at99.ciLow).toBeGreaterThan(at95.ciHigh - at95.ciLow);
    // Width ratio = z_{0.995} / z_{0.975} = 2.5758293035489004 / 1.959963984540054 (scipy.stats.norm.ppf).
    expect((at99.ciHigh - at99.ciLow) / (at95.ciHigh - at95.ciLow)).toBeCloseTo(
      2.5758293035489004 / 1.959963984540054,
      12,
    );
  });
});

describe('degenerate data', () => {
  it('zero conversions in both arms: z 0, p 1, no relative lift (statsmodels gives NaN)', () => {
    expect(twoProportionZTest({ successesA: 0, trialsA: 100, successesB: 0, trialsB: 100 })).toEqual({
      rateA: 0,
      rateB: 0,
      difference: 0,
      z: 0,
      pValue: 1,
      ciLow: 0,
      ciHigh: 0,
      relativeLift: null,
    });
  });

  it('100% conversions in both arms: z 0, p 1, lift 0', () => {
    const result = twoProportionZTest({ successesA: 100, trialsA: 100, successesB: 80, trialsB: 80 });
    expect(result).toMatchObject({ z: 0, pValue: 1, difference: 0, ciLow: 0, ciHigh: 0, relativeLift: 0 });
  });

  it('0% in A but not in B: defined test, undefined lift', () => {
    const result = twoProportionZTest({ successesA: 0, trialsA: 100, successesB: 5, trialsB: 100 });
    expect(result.relativeLift).toBeNull();
    expect(Number.isFinite(result.z)).toBe(true);
  });

  it('never returns NaN; swapping arms flips z and keeps p', () => {
    const arm = fc
      .integer({ min: 1, max: 5000 })
      .chain((trials) => fc.tuple(fc.integer({ min: 0, max: trials }), fc.constant(trials)));
    fc.assert(
      fc.property(arm, arm, ([successesA, trialsA], [successesB, trialsB]) => {
        const ab = twoProportionZTest({ successesA, trialsA, successesB, trialsB });
        const ba = twoProportionZTest({
          successesA: successesB,
          trialsA: trialsB,
          successesB: successesA,
          trialsB: trialsA,
        });
        for (const value of [ab.z, ab.pValue, ab.ciLow, ab.ciHigh, ab.difference])
          expect(Number.isNaN(value)).toBe(false);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        expect(ba.z).toBeCloseTo(-ab.z, 10);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
        expect(ab.ciLow).toBeLessThanOrEqual(ab.difference);
        expect(ab.ciHigh).toBeGreaterThanOrEqual(ab.difference);
      }),
    );
  });
});

describe('input validation', () => {
  it('rejects zero trials, impossible counts, fractions and a bad alpha', () => {
    expectMetricError(
      () => twoProportionZTest({ successesA: 0, trialsA: 0, successesB: 1, trialsB: 10 }),
      'out-of-range',
      /trialsA/,
    );
    expectMetricError(
      () => twoProportionZTest({ successesA: 11, trialsA: 10, successesB: 1, trialsB: 10 }),
      'out-of-range',
      /exceeds/,
    );
    expectMetricError(
      () => twoProportionZTest({ successesA: 1, trialsA: 10, successesB: 11, trialsB: 10 }),
      'out-of-range',
      /successesB/,
    );
    expectMetricError(
      () => twoProportionZTest({ successesA: -1, trialsA: 10, successesB: 1, trialsB: 10 }),
      'out-of-range',
    );
    expectMetricError(
      () => twoProportionZTest({ successesA: 1.5, trialsA: 10, successesB: 1, trialsB: 10 }),
      'out-of-range',
      /whole number/,
    );
    expectMetricError(
      () => twoProportionZTest({ successesA: 1, trialsA: 10, successesB: 1, trialsB: 10, alpha: 1 }),
      'out-of-range',
      /alpha/,
    );
    expectMetricError(
      () => twoProportionZTest({ successesA: Number.NaN, trialsA: 10, successesB: 1, trialsB: 10 }),
      'not-finite',
    );
  });
});
