import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { brierScore, LOG_LOSS_EPSILON, logLoss } from '../../../src/lib/metrics/probabilistic.ts';
import { expectMetricError, shuffled } from '../expect-error.ts';

const labelledProbs = fc.array(fc.tuple(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), {
  minLength: 1,
  maxLength: 50,
});

describe('logLoss', () => {
  it('matches the log_loss docstring example', () => {
    // scikit-learn docstring: log_loss(["spam", "ham", "ham", "spam"],
    //   [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) -> 0.21616...; "spam" is class 1 here,
    // so P(1) = [.9, .1, .2, .65]. sklearn 1.2.1 prints 0.21616187468057912.
    expect(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65])).toBeCloseTo(0.21616187468057912, 15);
  });

  it('clips to [eps, 1 - eps] with eps = float64 machine epsilon', () => {
    // sklearn 1.2.1 (eps='auto'): log_loss([1, 0], [0.0, 1.0]) -> 36.04365338911715 = -ln(2.22e-16).
    expect(LOG_LOSS_EPSILON).toBe(2.220446049250313e-16);
    expect(logLoss([1, 0], [0, 1])).toBeCloseTo(36.04365338911715, 10);
    expect(logLoss([1, 0], [1, 0])).toBeCloseTo(0, 12);
    // scikit-learn < 1.3 used eps = 1e-15: -ln(1e-15) = 34.538776394910684.
    expect(logLoss([1], [0], { eps: 1e-15 })).toBeCloseTo(34.538776394910684, 10);
  });

  it('is ln 2 for a coin flip and is never negative or NaN', () => {
    expect(logLoss([0, 1, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBeCloseTo(Math.LN2, 15);
    fc.assert(
      fc.property(labelledProbs, fc.integer(), (pairs, seed) => {
        const loss = logLoss(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(Number.isFinite(loss)).toBe(true);
        expect(loss).toBeGreaterThanOrEqual(0);
        const mixed = shuffled(pairs, seed);
        expect(
          logLoss(
            mixed.map((p) => p[0]),
            mixed.map((p) => p[1]),
          ),
        ).toBeCloseTo(loss, 10);
      }),
    );
  });

  it('rejects probabilities outside [0, 1], NaN, bad labels, bad eps', () => {
    expectMetricError(
      () => logLoss([1, 0], [1.2, 0.1]),
      'out-of-range',
      /probs\[0\] is 1.2; probabilities must be between 0 and 1/,
    );
    expectMetricError(() => logLoss([1, 0], [0.5, -0.1]), 'out-of-range');
    expectMetricError(() => logLoss([1, 0], [0.5, Number.NaN]), 'not-finite');
    expectMetricError(() => logLoss([1, 2], [0.5, 0.5]), 'not-binary');
    expectMetricError(() => logLoss([], []), 'empty');
    expectMetricError(() => logLoss([1], [0.5, 0.5]), 'length-mismatch');
    expectMetricError(() => logLoss([1], [0.5], { eps: 0 }), 'out-of-range', /eps/);
    expectMetricError(() => logLoss([1], [0.5], { eps: 0.5 }), 'out-of-range', /eps/);
  });
});

describe('brierScore', () => {
  it('matches the brier_score_loss docstring example', () => {
    // scikit-learn docstring: brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) -> 0.037...
    // (sklearn 1.2.1: 0.03749999999999999).
    expect(brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).toBeCloseTo(0.0375, 15);
  });

  it('is 0.25 for always 0.5, 0 when perfect, 1 when certain and wrong', () => {
    expect(brierScore([0, 1], [0.5, 0.5])).toBe(0.25);
    expect(brierScore([0, 1], [0, 1])).toBe(0);
    expect(brierScore([0, 1], [1, 0])).toBe(1);
  });

  it('stays in [0, 1] and ignores input order', () => {
    fc.assert(
      fc.property(labelledProbs, fc.integer(), (pairs, seed) => {
        const score = brierScore(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        const mixed = shuffled(pairs, seed);
        expect(
          brierScore(
            mixed.map((p) => p[0]),
            mixed.map((p) => p[1]),
          ),
        ).toBeCloseTo(score, 12);
      }),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => brierScore([1], [1.01]), 'out-of-range');
    expectMetricError(() => brierScore([1], [Number.NaN]), 'not-finite');
    expectMetricError(() => brierScore([], []), 'empty');
  });
});
