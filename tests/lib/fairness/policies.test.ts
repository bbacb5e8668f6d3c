// Threshold policies. The small example below is worked by hand on the grid 0, 0.25, 0.5, 0.75, 1:
//   group a: scores 0.9 0.8 0.6 0.4 0.3, labels 1 1 0 1 0
//   group b: scores 0.7 0.5 0.35 0.2,    labels 1 0 0 0
// Correct predictions (TP + TN) per threshold: a = 3 3 3 4 2, b = 1 2 3 3 3.
// Selection rates: a = 1 1 0.6 0.4 0, b = 1 0.75 0.5 0 0. TPR: a = 1 1 2/3 2/3 0, b = 1 1 1 0 0.
import { describe, expect, it } from 'vitest';
import {
  bestAccuracyThresholds,
  demographicParityThresholds,
  equalOpportunityThresholds,
  groupBaseRates,
  groupUnawareThresholds,
  policyThresholds,
  predictWithThresholds,
  thresholdSweep,
  THRESHOLD_GRID,
  POLICY_NAMES,
  type GroupedData,
} from '../../../src/lib/fairness/policies.ts';
import { groupScores } from '../../../src/lib/datasets/groups.ts';
import { groupMetrics } from '../../../src/lib/fairness/group-metrics.ts';
import { expectMetricError } from '../expect-error.ts';

const small: GroupedData = {
  scores: [0.9, 0.8, 0.6, 0.4, 0.3, 0.7, 0.5, 0.35, 0.2],
  yTrue: [1, 1, 0, 1, 0, 1, 0, 0, 0],
  groups: ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'],
};
const grid = [0, 0.25, 0.5, 0.75, 1];
const sweep = thresholdSweep(small, grid);

describe('thresholdSweep', () => {
  it('records each group at each threshold', () => {
    expect(sweep.groups).toEqual(['a', 'b']);
    expect(sweep.rates.a.map((r) => r.confusion.tp + r.confusion.tn)).toEqual([3, 3, 3, 4, 2]);
    expect(sweep.rates.b.map((r) => r.confusion.tp + r.confusion.tn)).toEqual([1, 2, 3, 3, 3]);
    expect(sweep.rates.a.map((r) => r.selectionRate)).toEqual([1, 1, 0.6, 0.4, 0]);
    expect(sweep.rates.a[2]).toMatchObject({ tpr: 2 / 3, fpr: 0.5, precision: 2 / 3 });
    expect(sweep.rates.b[4].precision).toBeNull();
  });
  it('has a default grid of 0, 0.01, ..., 1', () => {
    expect(THRESHOLD_GRID).toHaveLength(101);
    expect(THRESHOLD_GRID[37]).toBe(0.37);
    expect(thresholdSweep(small).thresholds).toBe(THRESHOLD_GRID);
  });
  it('rejects bad data and grids', () => {
    expectMetricError(() => thresholdSweep(small, [0.5, 0.5]), 'out-of-range', /increase strictly/);
    expectMetricError(() => thresholdSweep(small, []), 'empty');
    expectMetricError(() => thresholdSweep({ ...small, yTrue: [2, ...small.yTrue.slice(1)] }), 'not-binary');
    expectMetricError(() => thresholdSweep({ ...small, groups: ['a'] }), 'length-mismatch');
  });
});

describe('policies on the worked example', () => {
  it('group-unaware: the single most accurate threshold (7 of 9 correct at 0.75)', () => {
    expect(groupUnawareThresholds(sweep)).toEqual({ a: 0.75, b: 0.75 });
  });
  it('best accuracy per group: a 0.75 (4 correct), b 0.5 (3 correct, the lowest of three ties)', () => {
    expect(bestAccuracyThresholds(sweep)).toEqual({ a: 0.75, b: 0.5 });
  });
  it('demographic parity: exact parity only at rate 0 or 1; 0 is more accurate (5 vs 4 correct)', () => {
    expect(demographicParityThresholds(sweep)).toEqual({ a: 1, b: 0.75 });
    // A gap of 0.05 allows nothing new; 0.1 allows a at 0.4 (4 correct) with b at 0.5 (3 correct),
    // which beats a at 0.6 with b at 0.5 (6 correct).
    expect(demographicParityThresholds(sweep, { tolerance: 0.05 })).toEqual({ a: 1, b: 0.75 });
    expect(demographicParityThresholds(sweep, { tolerance: 0.1 })).toEqual({ a: 0.75, b: 0.5 });
  });
  it('equal opportunity: TPR 1 in both (a 0, b 0.5: 6 correct) beats TPR 0 (5 correct)', () => {
    expect(equalOpportunityThresholds(sweep)).toEqual({ a: 0, b: 0.5 });
  });
  it('policyThresholds dispatches by name', () => {
    expect(policyThresholds('bestPerGroup', sweep)).toEqual({ a: 0.75, b: 0.5 });
    expect(POLICY_NAMES).toEqual(['groupUnaware', 'demographicParity', 'equalOpportunity', 'bestPerGroup']);
    expectMetricError(() => policyThresholds('other' as 'bestPerGroup', sweep), 'out-of-range', /unknown policy/);
  });
  it('equal opportunity needs positives in every group', () => {
    const withC = thresholdSweep(
      { scores: [...small.scores, 0.4, 0.6], yTrue: [...small.yTrue, 0, 0], groups: [...small.groups, 'c', 'c'] },
      grid,
    );
    expectMetricError(() => equalOpportunityThresholds(withC), 'undefined', /group "c" has no positive labels/);
    expectMetricError(() => demographicParityThresholds(sweep, { tolerance: -1 }), 'out-of-range');
  });
});

describe('policies on synthetic groups with different base rates', () => {
  const data = groupScores(
    [
      { name: 'A', n: 1000, baseRate: 0.6, separation: 2 },
      { name: 'B', n: 1000, baseRate: 0.4, separation: 2 },
    ],
    7,
  );
  const full = thresholdSweep(data);
  const outcome = (thresholds: Record<string, number>) => {
    const yPred = predictWithThresholds(data.scores, data.groups, thresholds);
    const table = groupMetrics(data.yTrue, yPred, data.groups);
    const correct = yPred.filter((y, i) => y === data.yTrue[i]).length;
    return { table, correct };
  };
  it('each parity policy meets its own criterion within 0.01', () => {
    const dp = outcome(demographicParityThresholds(full)).table;
    expect(Math.abs(dp.A.selectionRate - dp.B.selectionRate)).toBeLessThanOrEqual(0.01);
    const eo = outcome(equalOpportunityThresholds(full)).table;
    expect(Math.abs((eo.A.tpr as number) - (eo.B.tpr as number))).toBeLessThanOrEqual(0.01);
  });
  it('best accuracy per group is the most accurate of all, and parity costs accuracy', () => {
    const best = outcome(bestAccuracyThresholds(full)).correct;
    for (const name of POLICY_NAMES) expect(outcome(policyThresholds(name, full)).correct).toBeLessThanOrEqual(best);
    expect(outcome(demographicParityThresholds(full)).correct).toBeLessThan(
      outcome(groupUnawareThresholds(full)).correct,
    );
  });
});

describe('predictWithThresholds and groupBaseRates', () => {
  it('cuts each group at its own threshold (score >= threshold)', () => {
    expect(predictWithThresholds([0.3, 0.6, 0.3], ['a', 'a', 'b'], { a: 0.5, b: 0.3 })).toEqual([0, 1, 1]);
    expectMetricError(() => predictWithThresholds([0.3], ['z'], { a: 0.5 }), 'undefined', /group "z" has no threshold/);
    expectMetricError(() => predictWithThresholds([0.3], ['a', 'b'], { a: 0.5 }), 'length-mismatch');
  });
  it('gives each group its share of positives', () => {
    expect(groupBaseRates(small.yTrue, small.groups)).toEqual({ a: 0.6, b: 0.25 });
    expectMetricError(() => groupBaseRates([], []), 'empty');
  });
});
