// Synthetic scored groups for the fairness widgets.
import { describe, expect, it } from 'vitest';
import { groupScores } from '../../../src/lib/datasets/groups.ts';
import { expectMetricError } from '../expect-error.ts';

const specs = [
  { name: 'A', n: 400, baseRate: 0.6, separation: 2 },
  { name: 'B', n: 300, baseRate: 0.25, separation: 2, offset: -1 },
];

describe('groupScores', () => {
  it('is reproducible and has the requested sizes and base rates', () => {
    const data = groupScores(specs, 3);
    expect(groupScores(specs, 3)).toEqual(data);
    expect(data.groups.filter((g) => g === 'A')).toHaveLength(400);
    expect(data.groups.filter((g) => g === 'B')).toHaveLength(300);
    expect(data.yTrue.filter((y, i) => y === 1 && data.groups[i] === 'A')).toHaveLength(240);
    expect(data.yTrue.filter((y, i) => y === 1 && data.groups[i] === 'B')).toHaveLength(75);
    expect(data.scores.every((s) => s > 0 && s < 1 && Math.abs(s * 1e4 - Math.round(s * 1e4)) < 1e-6)).toBe(true);
  });
  it('separates the classes and lowers the scores of an offset group', () => {
    const data = groupScores(
      [
        { name: 'A', n: 2000, baseRate: 0.5, separation: 2 },
        { name: 'B', n: 2000, baseRate: 0.5, separation: 2, offset: -1 },
      ],
      5,
    );
    const mean = (keep: (i: number) => boolean) => {
      const xs = data.scores.filter((_, i) => keep(i));
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean((i) => data.groups[i] === 'A' && data.yTrue[i] === 1)).toBeGreaterThan(
      mean((i) => data.groups[i] === 'A' && data.yTrue[i] === 0) + 0.2,
    );
    expect(mean((i) => data.groups[i] === 'B')).toBeLessThan(mean((i) => data.groups[i] === 'A') - 0.1);
  });
  it('rejects bad groups', () => {
    expectMetricError(() => groupScores([], 1), 'empty');
    expectMetricError(() => groupScores([specs[0], specs[0]], 1), 'out-of-range', /distinct/);
    expectMetricError(() => groupScores([{ ...specs[0], n: 0 }], 1), 'out-of-range', /whole number/);
    expectMetricError(() => groupScores([{ ...specs[0], baseRate: 1.5 }], 1), 'out-of-range', /base rate/);
    expectMetricError(() => groupScores([{ ...specs[0], separation: -1 }], 1), 'out-of-range');
    expectMetricError(() => groupScores([{ ...specs[0], offset: NaN }], 1), 'out-of-range');
  });
});
