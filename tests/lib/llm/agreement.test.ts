import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectMetricError } from '../expect-error.ts';
import {
  chanceAgreement,
  cohenKappa,
  kappaReading,
  labelConfusion,
  positionBias,
  positionFlipRate,
  rawAgreement,
  type SwappedVerdicts,
} from '../../../src/lib/llm/index.ts';

const repeat = <T>(value: T, times: number): T[] => new Array<T>(times).fill(value);

describe('cohenKappa', () => {
  it("scikit-learn's docstring example: 0.6875", () => {
    const y1 = ['negative', 'positive', 'negative', 'neutral', 'positive'];
    const y2 = ['negative', 'positive', 'negative', 'neutral', 'negative'];
    // p_o = 4/5; p_e = (2 x 3 + 1 x 1 + 2 x 1) / 25 = 0.36; (0.8 - 0.36) / 0.64 = 0.6875.
    expect(cohenKappa(y1, y2)).toBeCloseTo(0.6875, 15);
  });

  it('Wikipedia example: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> 0.4', () => {
    const a = [...repeat('yes', 25), ...repeat('no', 25)];
    const b = [...repeat('yes', 20), ...repeat('no', 5), ...repeat('yes', 10), ...repeat('no', 15)];
    // p_o = 0.7, p_e = 0.5 x 0.6 + 0.5 x 0.4 = 0.5.
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 15);
  });

  // Values from scikit-learn's own tests (sklearn/metrics/tests/test_classification.py, test_cohen_kappa).
  it('matches scikit-learn test_cohen_kappa: 0.348, 0.8013 and 0.9315', () => {
    const y1 = [...repeat(0, 40), ...repeat(1, 60)];
    const y2 = [...repeat(0, 20), ...repeat(1, 20), ...repeat(0, 10), ...repeat(1, 50)];
    expect(cohenKappa(y1, y2)).toBeCloseTo(0.348, 3);
    expect(cohenKappa(y2, y1)).toBe(cohenKappa(y1, y2));
    const z1 = [...repeat(0, 46), ...repeat(1, 44), ...repeat(2, 10)];
    expect(cohenKappa(z1, [...repeat(0, 52), ...repeat(1, 32), ...repeat(2, 16)])).toBeCloseTo(0.8013, 4);
    expect(cohenKappa(z1, [...repeat(0, 50), ...repeat(1, 40), ...repeat(2, 10)])).toBeCloseTo(0.9315, 4);
    expect(cohenKappa(z1, z1)).toBe(1);
  });

  it('does not depend on what the labels are called (strings, numbers, booleans)', () => {
    const a = [true, true, false, true, false, false, true];
    const b = [true, false, false, true, true, false, true];
    const asNumbers = (labels: boolean[]) => labels.map(Number);
    const asStrings = (labels: boolean[]) => labels.map((label) => (label ? 'pass' : 'fail'));
    expect(cohenKappa(asNumbers(a), asNumbers(b))).toBe(cohenKappa(a, b));
    expect(cohenKappa(asStrings(a), asStrings(b))).toBe(cohenKappa(a, b));
  });

  it('is symmetric and at most 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('a', 'b', 'c')), {
          minLength: 1,
          maxLength: 60,
        }),
        (pairs) => {
          const a = pairs.map(([x]) => x);
          const b = pairs.map(([, y]) => y);
          const kappa = cohenKappa(a, b, { replaceUndefinedBy: 1 });
          expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
          expect(cohenKappa(b, a, { replaceUndefinedBy: 1 })).toBeCloseTo(kappa, 12);
        },
      ),
    );
  });

  it('one class only: both raters always say "yes", kappa is 0/0 and throws an undefined error', () => {
    expectMetricError(
      () => cohenKappa(['yes', 'yes', 'yes'], ['yes', 'yes', 'yes']),
      'undefined',
      /Cohen's kappa is undefined: both raters gave every item the same label \("yes"\)/,
    );
  });

  it('one class only, with replaceUndefinedBy: returns that value instead', () => {
    expect(cohenKappa([1, 1], [1, 1], { replaceUndefinedBy: 0 })).toBe(0);
    expect(cohenKappa([1, 1], [1, 1], { replaceUndefinedBy: 1 })).toBe(1);
    expectMetricError(
      () => cohenKappa([1, 1], [1, 1], { replaceUndefinedBy: 2 }),
      'out-of-range',
      /replaceUndefinedBy is 2; it must be between -1 and 1/,
    );
  });

  it('each rater using a different single label is defined: kappa 0 (p_o = p_e = 0)', () => {
    expect(cohenKappa(['yes', 'yes'], ['no', 'no'])).toBe(0);
  });

  it('systematic disagreement is below chance: kappa -1 for swapped binary labels', () => {
    expect(cohenKappa([0, 1, 0, 1], [1, 0, 1, 0])).toBe(-1);
  });

  it.each([
    [[], [], 'empty', /labelsA is empty/],
    [['a'], ['a', 'b'], 'length-mismatch', /labelsA has 1 values but labelsB has 2/],
    [['a', 1], ['a', 'a'], 'out-of-range', /labelsA\[1\] is 1 \(number\) but the first label is a string/],
    [[1, NaN], [1, 1], 'not-finite', /labelsA\[1\] is NaN/],
  ] as const)('rejects %o and %o', (a, b, code, message) => {
    expectMetricError(() => cohenKappa(a as readonly string[], b as readonly string[]), code, message);
  });
});

describe('labelConfusion and rawAgreement', () => {
  it("scikit-learn's confusion_matrix example, labels sorted", () => {
    expect(
      labelConfusion(['cat', 'ant', 'cat', 'cat', 'ant', 'bird'], ['ant', 'ant', 'cat', 'cat', 'ant', 'cat']),
    ).toEqual({
      labels: ['ant', 'bird', 'cat'],
      matrix: [
        [2, 0, 0],
        [0, 0, 1],
        [1, 0, 2],
      ],
    });
  });

  it('sorts numbers numerically, not as text', () => {
    expect(labelConfusion([10, 9, 2], [2, 10, 9]).labels).toEqual([2, 9, 10]);
  });

  it('raw agreement is the share of matching labels', () => {
    expect(rawAgreement(['yes', 'no', 'yes', 'yes'], ['yes', 'no', 'no', 'yes'])).toBe(0.75);
    expect(rawAgreement(['yes', 'yes'], ['yes', 'yes'])).toBe(1);
  });
});

describe('kappaReading', () => {
  it.each([
    [-0.2, 'poor'],
    [0, 'slight'],
    [0.2, 'slight'],
    [0.21, 'fair'],
    [0.4, 'fair'],
    [0.5, 'moderate'],
    [0.6875, 'substantial'],
    [0.8, 'substantial'],
    [0.81, 'almost perfect'],
    [1, 'almost perfect'],
  ])('%d reads %s (Landis & Koch 1977)', (kappa, reading) => {
    expect(kappaReading(kappa)).toBe(reading);
  });

  it('rejects a value outside [-1, 1]', () => {
    expectMetricError(() => kappaReading(1.5), 'out-of-range', /kappa is 1.5/);
  });
});

describe('positionBias and positionFlipRate', () => {
  const verdicts: SwappedVerdicts[] = [
    { aFirst: 'A', bFirst: 'A' }, // consistent
    { aFirst: 'A', bFirst: 'B' }, // picked whichever came first
    { aFirst: 'B', bFirst: 'A' }, // picked whichever came second
    { aFirst: 'tie', bFirst: 'B' }, // win one way, tie the other
    { aFirst: 'B', bFirst: 'B' }, // consistent
  ];

  it('counts flips by direction', () => {
    expect(positionBias(verdicts)).toEqual({
      flipRate: 3 / 5,
      favorsFirst: 1 / 5,
      favorsSecond: 1 / 5,
      tieFlips: 1 / 5,
      pairs: 5,
    });
    expect(positionFlipRate(verdicts)).toBe(3 / 5);
  });

  it('a judge that always picks the first answer flips on every pair it does not tie', () => {
    expect(positionFlipRate(repeat<SwappedVerdicts>({ aFirst: 'A', bFirst: 'B' }, 10))).toBe(1);
    expect(positionFlipRate(repeat<SwappedVerdicts>({ aFirst: 'tie', bFirst: 'tie' }, 10))).toBe(0);
  });

  it('rejects an empty list and an unknown verdict', () => {
    expectMetricError(() => positionFlipRate([]), 'empty', /verdicts is empty/);
    expectMetricError(
      () => positionBias([{ aFirst: 'A', bFirst: 'first' as 'A' }]),
      'out-of-range',
      /verdicts\[0\]\.bFirst is "first"; use 'A', 'B' or 'tie'/,
    );
  });
});

describe('chanceAgreement', () => {
  // The evaluation chapter: the judge passes 145 of 200, the expert 135: 0.725 x 0.675 + 0.275 x 0.325.
  it('is the p_e of kappa: 0.57875 for the evaluation chapter table', () => {
    const judge = [...Array(145).fill('pass'), ...Array(55).fill('fail')];
    const human = [
      ...Array(120).fill('pass'),
      ...Array(25).fill('fail'),
      ...Array(15).fill('pass'),
      ...Array(40).fill('fail'),
    ];
    expect(chanceAgreement(judge, human)).toBeCloseTo(0.57875, 12);
    const po = rawAgreement(judge, human);
    const pe = chanceAgreement(judge, human);
    expect(cohenKappa(judge, human)).toBeCloseTo((po - pe) / (1 - pe), 12);
  });
});
