import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  equalOpportunityDifference,
  predictiveParityDifference,
  type UndefinedGroupPolicy,
} from '../../../src/lib/fairness/disparity.ts';
import { expectMetricError, shuffled } from '../expect-error.ts';
import { FAIRLEARN_SF, FAIRLEARN_Y_PRED, FAIRLEARN_Y_TRUE } from './fixtures.ts';

describe('fairlearn user-guide examples (common_fairness_metrics.rst)', () => {
  it('demographic parity difference is 0.25 and ratio 0.666...', () => {
    // fairlearn docs: demographic_parity_difference(...) -> 0.25; demographic_parity_ratio(...) -> 0.66666...
    expect(demographicParityDifference(FAIRLEARN_Y_TRUE, FAIRLEARN_Y_PRED, FAIRLEARN_SF)).toBe(0.25);
    expect(demographicParityRatio(FAIRLEARN_Y_TRUE, FAIRLEARN_Y_PRED, FAIRLEARN_SF)).toBeCloseTo(2 / 3, 15);
  });

  it('equalized odds difference is 1.0', () => {
    // fairlearn docs: equalized_odds_difference(...) -> 1.0 (FPR 1 in group a, 0 in group b).
    expect(equalizedOddsDifference(FAIRLEARN_Y_TRUE, FAIRLEARN_Y_PRED, FAIRLEARN_SF)).toBe(1);
  });

  it('equal opportunity and predictive parity, hand-computed from the same data', () => {
    // TPR: a 1/2, b 3/5, c 2/5 -> 0.2. Precision: a 1/3, b 1, c 1/2 -> 2/3.
    expect(equalOpportunityDifference(FAIRLEARN_Y_TRUE, FAIRLEARN_Y_PRED, FAIRLEARN_SF)).toBeCloseTo(0.2, 15);
    expect(predictiveParityDifference(FAIRLEARN_Y_TRUE, FAIRLEARN_Y_PRED, FAIRLEARN_SF)).toBeCloseTo(2 / 3, 15);
  });
});

describe('a group with no positive labels', () => {
  // Group "b" has only negatives: its TPR is 0/0.
  const yTrue = [1, 1, 0, 0, 0, 0];
  const yPred = [1, 0, 0, 0, 1, 0];
  const groups = ['a', 'a', 'a', 'b', 'b', 'b'];

  it('throws by default, naming the group and the way out', () => {
    expectMetricError(
      () => equalOpportunityDifference(yTrue, yPred, groups),
      'undefined',
      /^Equal opportunity difference is undefined: group "b" has no positive labels.*undefinedGroups: 'exclude'/,
    );
    expectMetricError(() => equalizedOddsDifference(yTrue, yPred, groups), 'undefined', /group "b"/);
  });

  it("'exclude' compares only the groups where the rate is defined", () => {
    expect(equalOpportunityDifference(yTrue, yPred, groups, { undefinedGroups: 'exclude' })).toBe(0);
    // FPR: a 0/1 = 0, b 1/3 -> 1/3; TPR only in a.
    expect(equalizedOddsDifference(yTrue, yPred, groups, { undefinedGroups: 'exclude' })).toBeCloseTo(1 / 3, 15);
  });

  it("'zero' reproduces fairlearn, which scores the missing TPR as 0", () => {
    // fairlearn's true_positive_rate uses confusion_matrix(normalize='true'), turning 0/0 into 0:
    // TPR a = 1/2, b = 0 -> 0.5.
    expect(equalOpportunityDifference(yTrue, yPred, groups, { undefinedGroups: 'zero' })).toBe(0.5);
    expect(equalizedOddsDifference(yTrue, yPred, groups, { undefinedGroups: 'zero' })).toBe(0.5);
  });

  it('demographic parity is unaffected (selection rates always exist)', () => {
    expect(demographicParityDifference(yTrue, yPred, groups)).toBe(0);
    expect(demographicParityRatio(yTrue, yPred, groups)).toBe(1);
  });

  it('throws when no group has the rate, even with exclude', () => {
    expectMetricError(
      () => equalOpportunityDifference([0, 0], [1, 0], ['a', 'b'], { undefinedGroups: 'exclude' }),
      'undefined',
      /every group has no positive labels/,
    );
  });

  it('predictive parity needs positive predictions in each group', () => {
    expectMetricError(
      () => predictiveParityDifference([1, 0, 1, 0], [1, 0, 0, 0], ['a', 'a', 'b', 'b']),
      'undefined',
      /no positive predictions/,
    );
    expect(
      predictiveParityDifference([1, 0, 1, 0], [1, 0, 0, 0], ['a', 'a', 'b', 'b'], { undefinedGroups: 'exclude' }),
    ).toBe(0);
  });
});

describe('edge cases and properties', () => {
  it('demographic parity ratio is undefined when nobody is selected', () => {
    expectMetricError(
      () => demographicParityRatio([1, 0], [0, 0], ['a', 'b']),
      'undefined',
      /no group has a positive prediction/,
    );
    expect(demographicParityDifference([1, 0], [0, 0], ['a', 'b'])).toBe(0);
  });

  it('a single group has no disparity', () => {
    expect(demographicParityDifference([1, 0], [1, 0], ['a', 'a'])).toBe(0);
    expect(demographicParityRatio([1, 0], [1, 0], ['a', 'a'])).toBe(1);
    expect(equalizedOddsDifference([1, 0], [1, 0], ['a', 'a'])).toBe(0);
  });

  it('rejects an unknown policy', () => {
    const notAPolicy = 'skip' as unknown as UndefinedGroupPolicy;
    expectMetricError(
      () => equalOpportunityDifference([1], [1], ['a'], { undefinedGroups: notAPolicy }),
      'out-of-range',
      /undefinedGroups/,
    );
  });

  const row = fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 1), fc.constantFrom('a', 'b', 'c'));

  it('differences are in [0, 1], ratios in [0, 1], and neither depends on row order', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.integer(), (rows, seed) => {
        const cols = (r: typeof rows) => [r.map((x) => x[0]), r.map((x) => x[1]), r.map((x) => x[2])] as const;
        const [yt, yp, g] = cols(rows);
        const [yt2, yp2, g2] = cols(shuffled(rows, seed));
        const dpd = demographicParityDifference(yt, yp, g);
        expect(dpd).toBeGreaterThanOrEqual(0);
        expect(dpd).toBeLessThanOrEqual(1);
        expect(demographicParityDifference(yt2, yp2, g2)).toBe(dpd);
        const options = { undefinedGroups: 'zero' } as const;
        const eod = equalizedOddsDifference(yt, yp, g, options);
        expect(eod).toBeGreaterThanOrEqual(0);
        expect(eod).toBeLessThanOrEqual(1);
        expect(equalizedOddsDifference(yt2, yp2, g2, options)).toBe(eod);
        // Equalized odds is at least the equal-opportunity (TPR) gap.
        expect(eod).toBeGreaterThanOrEqual(equalOpportunityDifference(yt, yp, g, options));
        if (yp.includes(1)) {
          const ratio = demographicParityRatio(yt, yp, g);
          expect(ratio).toBeGreaterThanOrEqual(0);
          expect(ratio).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
