import { describe, expect, it } from 'vitest';
import { bisectLeft, bisectRight, sigmoid, sortedQuantile, sum } from '../../src/lib/arithmetic.ts';

describe('bisectLeft and bisectRight', () => {
  // Python's bisect module on [1, 2, 2, 3]: bisect_left(a, 2) = 1, bisect_right(a, 2) = 3.
  it('place x before or after equal elements, as Python bisect', () => {
    const a = [1, 2, 2, 3];
    expect([0, 1, 2, 3, 4].map((x) => bisectLeft(a, x))).toEqual([0, 0, 1, 3, 4]);
    expect([0, 1, 2, 3, 4].map((x) => bisectRight(a, x))).toEqual([0, 1, 3, 4, 4]);
    expect(bisectLeft([], 1)).toBe(0);
    expect(bisectRight([], 1)).toBe(0);
  });
});

describe('sortedQuantile', () => {
  // numpy 1.26: np.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.9, 1]) = [1, 1.75, 2.5, 3.7, 4].
  it("matches numpy's linear method", () => {
    expect([0, 0.25, 0.5, 0.9, 1].map((q) => sortedQuantile([1, 2, 3, 4], q))).toEqual([1, 1.75, 2.5, 3.7, 4]);
    expect(sortedQuantile([7], 0.3)).toBe(7);
  });

  it('stays finite where the difference of neighbours overflows', () => {
    expect(sortedQuantile([-1.7e308, 1.7e308], 0.5)).toBe(0);
  });
});

describe('sum and sigmoid', () => {
  it('add left to right and squash logits', () => {
    expect(sum([0.1, 0.2, 0.3])).toBe(0.1 + 0.2 + 0.3);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(Math.log(3))).toBeCloseTo(0.75, 15);
  });
});
