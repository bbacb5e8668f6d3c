import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupMetrics } from '../../../src/lib/fairness/group-metrics.ts';
import { expectMetricError } from '../expect-error.ts';
import { FAIRLEARN_SF, FAIRLEARN_Y_PRED, FAIRLEARN_Y_TRUE } from './fixtures.ts';

describe('groupMetrics', () => {
  it('gives per-group rates for the fairlearn user-guide data (hand-checked counts)', () => {
    const table = groupMetrics(FAIRLEARN_Y_TRUE, FAIRLEARN_Y_PRED, FAIRLEARN_SF);
    expect(Object.keys(table)).toEqual(['b', 'a', 'c']);
    // a: tp 1, fp 2, tn 0, fn 1; b: tp 3, fp 0, tn 1, fn 2; c: tp 2, fp 2, tn 1, fn 3.
    expect(table.a).toEqual({
      count: 4,
      selectionRate: 0.75,
      tpr: 0.5,
      fpr: 1,
      precision: 1 / 3,
      confusion: { tp: 1, fp: 2, tn: 0, fn: 1 },
    });
    expect(table.b).toMatchObject({ count: 6, selectionRate: 0.5, tpr: 0.6, fpr: 0, precision: 1 });
    expect(table.c).toMatchObject({ count: 8, selectionRate: 0.5, tpr: 0.4, fpr: 2 / 3, precision: 0.5 });
  });

  it('reports null, not 0 or NaN, for a rate a group cannot have', () => {
    // Group "x" has no positive labels and no positive predictions; "y" has no negatives.
    const table = groupMetrics([0, 0, 1, 1], [0, 0, 1, 0], ['x', 'x', 'y', 'y']);
    expect(table.x).toMatchObject({ count: 2, selectionRate: 0, tpr: null, fpr: 0, precision: null });
    expect(table.y).toMatchObject({ count: 2, selectionRate: 0.5, tpr: 0.5, fpr: null, precision: 1 });
  });

  it('keys numeric groups by their string form', () => {
    const table = groupMetrics([1, 0, 1], [1, 1, 0], [1, 2, 1]);
    expect(Object.keys(table)).toEqual(['1', '2']);
    expect(table['1']?.tpr).toBe(0.5);
  });

  it('counts add up and rates are null or in [0, 1]', () => {
    const row = fc.tuple(fc.constantFrom(0, 1), fc.constantFrom(0, 1), fc.constantFrom('a', 'b', 'c', 'd'));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const table = groupMetrics(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
          rows.map((r) => r[2]),
        );
        const total = Object.values(table).reduce((sum, g) => sum + g.count, 0);
        expect(total).toBe(rows.length);
        for (const g of Object.values(table)) {
          for (const rate of [g.selectionRate, g.tpr, g.fpr, g.precision]) {
            if (rate === null) continue;
            expect(rate).toBeGreaterThanOrEqual(0);
            expect(rate).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('rejects bad input', () => {
    expectMetricError(() => groupMetrics([], [], []), 'empty');
    expectMetricError(() => groupMetrics([1, 0], [1, 0], ['a']), 'length-mismatch', /groups/);
    expectMetricError(() => groupMetrics([1, 0], [1, 0.5], ['a', 'b']), 'not-binary');
    expectMetricError(() => groupMetrics([1, 0], [1, 0], ['a', Number.NaN]), 'not-finite', /groups\[1\]/);
  });
});
