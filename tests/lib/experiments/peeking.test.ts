import { describe, expect, it } from 'vitest';
import { simulatePeeking } from '../../../src/lib/experiments/peeking.ts';
import { expectMetricError } from '../expect-error.ts';

describe('simulatePeeking', () => {
  it('is reproducible for a seed and changes with the seed', () => {
    const input = { days: 7, visitorsPerDay: 300, baseline: 0.1, experiments: 300, alpha: 0.05 };
    const first = simulatePeeking({ ...input, seed: 11 });
    expect(simulatePeeking({ ...input, seed: 11 })).toEqual(first);
    expect(simulatePeeking({ ...input, seed: 12 })).not.toEqual(first);
  });

  it('reproduces the repeated-significance-test inflation of Armitage, McPherson & Rowe (1969)', () => {
    // Overall false positive rate of a nominal 5% two-sided test repeated after each of K equal
    // batches: K = 5 -> 0.142, K = 10 -> 0.193 (Armitage et al. 1969; also Pocock 1977, Table 1).
    // 4,000 A/A tests give a standard error of about 0.006; the tolerance is 0.02.
    const ten = simulatePeeking({
      days: 10,
      visitorsPerDay: 2000,
      baseline: 0.1,
      experiments: 4000,
      alpha: 0.05,
      seed: 1,
    });
    expect(Math.abs(ten.naiveFalsePositiveRate - 0.193)).toBeLessThan(0.02);
    expect(Math.abs(ten.fixedHorizonFalsePositiveRate - 0.05)).toBeLessThan(0.015);
    const five = simulatePeeking({
      days: 5,
      visitorsPerDay: 2000,
      baseline: 0.1,
      experiments: 4000,
      alpha: 0.05,
      seed: 2,
    });
    expect(Math.abs(five.naiveFalsePositiveRate - 0.142)).toBeLessThan(0.02);
  });

  it('reports a cumulative rate per day that rises to the naive rate', () => {
    const result = simulatePeeking({ days: 14, visitorsPerDay: 200, baseline: 0.2, experiments: 500, seed: 3 });
    expect(result.cumulativeFalsePositiveRate).toHaveLength(14);
    for (let d = 1; d < 14; d++) {
      expect(result.cumulativeFalsePositiveRate[d]).toBeGreaterThanOrEqual(
        result.cumulativeFalsePositiveRate[d - 1] as number,
      );
    }
    expect(result.cumulativeFalsePositiveRate.at(-1)).toBe(result.naiveFalsePositiveRate);
    expect(result.naiveFalsePositiveRate).toBeGreaterThanOrEqual(result.fixedHorizonFalsePositiveRate);
    expect(result.experiments).toBe(500);
  });

  it('with a single look, peeking and the fixed horizon agree', () => {
    const result = simulatePeeking({ days: 1, visitorsPerDay: 1000, baseline: 0.3, experiments: 400, seed: 4 });
    expect(result.naiveFalsePositiveRate).toBe(result.fixedHorizonFalsePositiveRate);
  });

  it('survives rates so low that early days have no conversions', () => {
    const result = simulatePeeking({ days: 5, visitorsPerDay: 10, baseline: 0.001, experiments: 200, seed: 5 });
    expect(Number.isNaN(result.naiveFalsePositiveRate)).toBe(false);
    expect(result.naiveFalsePositiveRate).toBeGreaterThanOrEqual(0);
  });

  it('rejects out-of-range input', () => {
    const ok = { days: 5, visitorsPerDay: 100, baseline: 0.1, experiments: 10 };
    expectMetricError(() => simulatePeeking({ ...ok, days: 0 }), 'out-of-range', /days/);
    expectMetricError(() => simulatePeeking({ ...ok, visitorsPerDay: 2.5 }), 'out-of-range', /visitorsPerDay/);
    expectMetricError(() => simulatePeeking({ ...ok, experiments: 0 }), 'out-of-range', /experiments/);
    expectMetricError(() => simulatePeeking({ ...ok, baseline: 1 }), 'out-of-range', /baseline/);
    expectMetricError(() => simulatePeeking({ ...ok, alpha: 0 }), 'out-of-range', /alpha/);
    expectMetricError(() => simulatePeeking({ ...ok, seed: 1.5 }), 'out-of-range', /seed/);
    expectMetricError(() => simulatePeeking({ ...ok, baseline: Number.NaN }), 'not-finite');
  });
});
