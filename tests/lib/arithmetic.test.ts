import { describe, expect, it } from 'vitest';
import {
  bisectLeft,
  bisectRight,
  quantilesInPlace,
  sigmoid,
  sortedCopy,
  sortedQuantile,
  sum,
} from '../../src/lib/arithmetic.ts';
import fc from 'fast-check';
import { mulberry32, normalSample } from '../../src/lib/random.ts';

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

describe('quantilesInPlace', () => {
  it("matches numpy's linear method without sorting", () => {
    // np.quantile([1, 2, 3, 4], [0, 0.25, 0.5, 0.9, 1]) = [1, 1.75, 2.5, 3.7, 4], from any order.
    expect(quantilesInPlace(Float64Array.of(4, 1, 3, 2), [0, 0.25, 0.5, 0.9, 1])).toEqual([1, 1.75, 2.5, 3.7, 4]);
    expect(quantilesInPlace(Float64Array.of(7), [0, 0.5, 1])).toEqual([7, 7, 7]);
  });

  it('gives bit for bit what sortedQuantile gives from the sorted values, ties and all', () => {
    const random = mulberry32(7);
    const qs = [0, 0.01, 0.37, 0.5, 0.95, 0.99, 0.999, 1];
    for (const n of [1, 2, 3, 5, 10, 101, 1000, 10_001]) {
      for (const levels of [3, 1e9]) {
        // few distinct values (many ties) and almost all distinct
        const values = Float64Array.from({ length: n }, () => Math.floor(random() * levels) / 7);
        const sorted = Float64Array.from(values).sort();
        expect(quantilesInPlace(values, qs), `n ${n}, ${levels} levels`).toEqual(
          qs.map((q) => sortedQuantile(sorted, q)),
        );
        // It only reorders: the same values are still there.
        expect(Float64Array.from(values).sort()).toEqual(sorted);
      }
    }
  });
});

describe('sum and sigmoid', () => {
  it('add left to right and squash logits', () => {
    expect(sum([0.1, 0.2, 0.3])).toBe(0.1 + 0.2 + 0.3);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(Math.log(3))).toBeCloseTo(0.75, 15);
  });
});

describe('sortedCopy', () => {
  /** The built-in sort's answer, compared value by value with Object.is (so -0 and 0 differ). */
  const expectSortedAsBuiltIn = (values: number[]) => {
    const got = sortedCopy(values);
    const want = Float64Array.from(values).sort();
    expect(got.length).toBe(want.length);
    expect(got.every((v, i) => Object.is(v, want[i]))).toBe(true);
  };

  it('gives the built-in sort on the doc example, -0 before 0', () => {
    expect([...sortedCopy([3, -1, 2, 0, -0])]).toEqual([-1, -0, 0, 2, 3]);
    expect(Object.is(sortedCopy([3, -1, 2, 0, -0])[1], -0)).toBe(true);
  });

  it('gives the built-in sort on spread-out draws, with buckets of a few values (the fast path)', () => {
    const random = mulberry32(11);
    for (const n of [64, 1000, 20_000]) expectSortedAsBuiltIn(Array.from({ length: n }, () => normalSample(random)));
  });

  it('gives the built-in sort on any finite values: ties, zeros of both signs, outliers, extremes', () => {
    const finite = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE),
    );
    fc.assert(fc.property(fc.array(finite, { maxLength: 400 }), expectSortedAsBuiltIn), { numRuns: 200 });
    // Long enough for buckets; small integers and zeros make the fast path's ties.
    const small = fc.oneof(fc.integer({ min: -300, max: 300 }), fc.constantFrom(0, -0, 0.5, -0.5));
    fc.assert(fc.property(fc.array(small, { minLength: 64, maxLength: 400 }), expectSortedAsBuiltIn), { numRuns: 200 });
  });

  it('sorts already sorted, reversed and constant input', () => {
    const ramp = Array.from({ length: 500 }, (_, i) => i / 7);
    expectSortedAsBuiltIn(ramp);
    expectSortedAsBuiltIn([...ramp].reverse());
    expectSortedAsBuiltIn(Array.from({ length: 500 }, () => 4.2));
  });
});
