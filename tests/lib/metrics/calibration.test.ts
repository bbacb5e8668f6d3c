import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calibrationCurve, expectedCalibrationError } from '../../../src/lib/metrics/calibration.ts';
import { expectMetricError } from '../expect-error.ts';

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 14));
}

// Probabilities that sit exactly on bin edges (0.2, 0.4, 0.6, 0.8) to pin the bin boundaries.
const Y = [0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1];
const P = [0.2, 0.2, 0.4, 0.6, 0.6, 0.6, 0.8, 0.1, 0.05, 0.95, 0.99, 0.7, 0.3, 0.45, 0.55];

describe('calibrationCurve', () => {
  it('matches the calibration_curve docstring example', () => {
    // scikit-learn docstring: y_true [0,0,0,0,1,1,1,1,1], y_pred [0,.1,.2,.3,.4,.65,.7,.8,.9],
    // n_bins=3 -> prob_true [0, 1, 1], prob_pred [0.15, 0.525, 0.8].
    const curve = calibrationCurve([0, 0, 0, 0, 1, 1, 1, 1, 1], [0, 0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9], 3);
    expectClose(curve.probTrue, [0, 1, 1]);
    expectClose(curve.probPred, [0.15, 0.525, 0.8]);
    expect(curve.counts).toEqual([4, 2, 3]);
  });

  it('puts edge values in the lower bin, as scikit-learn (right-closed bins)', () => {
    // sklearn 1.2.1 calibration_curve(Y, P, n_bins=5): prob_true [0.25, 0, 0.6, 1, 1],
    // prob_pred [0.1375, 0.35, 0.56, 0.75, 0.97].
    const curve = calibrationCurve(Y, P, 5);
    expectClose(curve.probTrue, [0.25, 0, 0.6, 1, 1]);
    expectClose(curve.probPred, [0.1375, 0.35, 0.56, 0.75, 0.97]);
    expect(curve.counts).toEqual([4, 2, 5, 2, 2]);
  });

  it('drops empty bins (sklearn 1.2.1, n_bins=10)', () => {
    // prob_true [0, .5, 0, 0, 0, .75, 1, 1, 1]; prob_pred [.075, .2, .3, .4, .45, .5875, .7, .8, .97].
    const curve = calibrationCurve(Y, P, 10);
    expectClose(curve.probTrue, [0, 0.5, 0, 0, 0, 0.75, 1, 1, 1]);
    expectClose(curve.probPred, [0.075, 0.2, 0.3, 0.4, 0.45, 0.5875, 0.7, 0.8, 0.97]);
    expect(curve.counts).toEqual([2, 2, 1, 1, 1, 4, 1, 1, 2]);
  });

  it('defaults to 5 bins, as scikit-learn', () => {
    expect(calibrationCurve(Y, P)).toEqual(calibrationCurve(Y, P, 5));
  });

  it('counts add up to n and every bin value is a probability', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 20 }),
        (pairs, bins) => {
          const curve = calibrationCurve(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
            bins,
          );
          expect(curve.counts.reduce((a, b) => a + b, 0)).toBe(pairs.length);
          expect(curve.counts.length).toBeLessThanOrEqual(bins);
          for (const value of [...curve.probTrue, ...curve.probPred]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => calibrationCurve([0, 1], [0.2, 1.5], 5), 'out-of-range');
    expectMetricError(() => calibrationCurve([0, 1], [0.2, Number.NaN], 5), 'not-finite');
    expectMetricError(() => calibrationCurve([0, 1], [0.2, 0.5], 0), 'out-of-range', /nBins/);
    expectMetricError(() => calibrationCurve([0, 1], [0.2, 0.5], 2.5), 'out-of-range', /nBins/);
    expectMetricError(() => calibrationCurve([], [], 5), 'empty');
    expectMetricError(() => calibrationCurve([0, 1], [0.5], 5), 'length-mismatch');
  });
});

describe('expectedCalibrationError', () => {
  it('is the count-weighted mean gap of the calibration curve', () => {
    // From the sklearn 1.2.1 n_bins=5 curve above:
    // (4·|0.25 - 0.1375| + 2·|0 - 0.35| + 5·|0.6 - 0.56| + 2·|1 - 0.75| + 2·|1 - 0.97|) / 15.
    const expected = (4 * 0.1125 + 2 * 0.35 + 5 * 0.04 + 2 * 0.25 + 2 * 0.03) / 15;
    expect(expectedCalibrationError(Y, P, 5)).toBeCloseTo(expected, 14);
    expect(expectedCalibrationError([0, 1], [0.2, 0.6], 5)).toBeCloseTo(0.3, 15);
  });

  it('is 0 for a calibrated bin and 1 for confident, wrong predictions', () => {
    expect(expectedCalibrationError([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5], 10)).toBe(0);
    expect(expectedCalibrationError([0, 1], [1, 0], 10)).toBe(1);
  });

  it('stays in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: 1,
          maxLength: 80,
        }),
        (pairs) => {
          const ece = expectedCalibrationError(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          expect(ece).toBeGreaterThanOrEqual(0);
          expect(ece).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => expectedCalibrationError([0, 1], [0.2, -0.5]), 'out-of-range');
    expectMetricError(() => expectedCalibrationError([], []), 'empty');
  });
});
