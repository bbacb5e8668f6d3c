import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { distillationLoss, entropy, softmaxWithTemperature } from '../../../src/lib/systems/index.ts';

const expectAllClose = (actual: number[], expected: number[], digits: number) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, digits));
};

describe('softmaxWithTemperature', () => {
  it('softmax([1, 2, 3]) = [0.09003057, 0.24472847, 0.66524096] (scipy.special.softmax docs)', () => {
    expectAllClose(softmaxWithTemperature([1, 2, 3]), [0.09003057, 0.24472847, 0.66524096], 8);
  });

  it('T = 2 softens it: [0.18632372, 0.30719589, 0.50648039] (scipy.special.softmax([0.5, 1, 1.5]), scipy 1.17.1)', () => {
    expectAllClose(softmaxWithTemperature([1, 2, 3], 2), [0.18632372, 0.30719589, 0.50648039], 8);
  });

  it('does not overflow on large logits (subtracts the maximum first)', () => {
    expectAllClose(softmaxWithTemperature([1000, 1001, 1002]), [0.09003057, 0.24472847, 0.66524096], 8);
    expectAllClose(softmaxWithTemperature([-1e308, 1e308]), [0, 1], 12);
  });

  it('tends to uniform as T grows and to one-hot as T shrinks', () => {
    expectAllClose(softmaxWithTemperature([1, 2, 3], 1e9), [1 / 3, 1 / 3, 1 / 3], 6);
    expectAllClose(softmaxWithTemperature([1, 2, 3], 0.01), [0, 0, 1], 12);
  });

  it('sums to 1 and stays in [0, 1] for any finite logits and temperature (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0.05, max: 100, noNaN: true }),
        (logits, T) => {
          const p = softmaxWithTemperature(logits, T);
          expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
          for (const x of p) expect(x >= 0 && x <= 1).toBe(true);
        },
      ),
    );
  });

  it.each([
    [[], 1, /logits is empty/],
    [[1, NaN], 1, /logits\[1\] is NaN/],
    [[1, 2], 0, /temperature T is 0/],
    [[1, 2], -1, /temperature/],
    [[0, 1e308], 1e-10, /too small/],
  ])('rejects logits %o with T = %s', (logits, T, message) => {
    expect(() => softmaxWithTemperature(logits, T)).toThrow(message);
  });
});

describe('entropy', () => {
  // scipy.stats.entropy docs: a fair coin has 1 bit; a 0.9/0.1 coin 0.46899559358928117 bits.
  it('matches the scipy.stats.entropy documentation examples', () => {
    expect(entropy([0.5, 0.5], 2)).toBe(1);
    expect(entropy([0.9, 0.1], 2)).toBeCloseTo(0.46899559358928117, 15);
  });

  it('uses nats by default (scipy 1.17.1: entropy([0.2, 0.3, 0.5]) = 1.0296530140645737)', () => {
    expect(entropy([0.2, 0.3, 0.5])).toBeCloseTo(1.0296530140645737, 15);
    expect(entropy([0.2, 0.3, 0.5], 10)).toBeCloseTo(0.44717262228329563, 15);
  });

  it('is 0 for a certain outcome and log2(n) bits for a uniform one (0 · log 0 = 0)', () => {
    expect(entropy([0, 1, 0])).toBe(0);
    expect(entropy([0.25, 0.25, 0.25, 0.25], 2)).toBe(2);
  });

  it.each([
    [[], undefined, /empty/],
    [[0.5, 0.6], undefined, /sum to 1.1/],
    [[-0.5, 1.5], undefined, /between 0 and 1/],
    [[0.5, NaN], undefined, /NaN/],
    [[0.5, 0.5], 1, /base/],
    [[0.5, 0.5], 0, /base/],
  ])('rejects %o with base %s', (probs, base, message) => {
    expect(() => entropy(probs, base)).toThrow(message);
  });
});

describe('distillationLoss', () => {
  // Computed with scipy 1.17.1: q = softmax(teacher/T), KL = Σ q (log q − log_softmax(student/T)),
  // soft = T²·KL, hard = −log_softmax(student)[label], total = α·soft + (1 − α)·hard.
  it('matches a scipy computation of the Hinton et al. (2015) loss', () => {
    const loss = distillationLoss({
      studentLogits: [1, 2, 0.5],
      teacherLogits: [0.2, 3, 1],
      label: 1,
      T: 2,
      alpha: 0.7,
    });
    expect(loss.soft).toBeCloseTo(0.2335763796363584, 14);
    expect(loss.hard).toBeCloseTo(0.4643687841079449, 14);
    expect(loss.total).toBeCloseTo(0.30281410097783434, 14);
  });

  it('has no soft loss when the student matches the teacher; alpha weights the soft term', () => {
    const same = { studentLogits: [2, 1, 0], teacherLogits: [2, 1, 0], label: 0, T: 4 };
    const hard = 0.40760596444438046; // −log softmax([2, 1, 0])[0], scipy 1.17.1
    expect(distillationLoss({ ...same, alpha: 0.5 })).toEqual({
      soft: 0,
      hard: expect.closeTo(hard, 14),
      total: expect.closeTo(hard / 2, 14),
    });
    expect(distillationLoss({ ...same, alpha: 1 }).total).toBe(0);
    expect(distillationLoss({ ...same, alpha: 0 }).total).toBeCloseTo(hard, 14);
  });

  it('reduces to cross-entropy with alpha = 0 and to T²·KL with alpha = 1', () => {
    const input = { studentLogits: [1, 2, 0.5], teacherLogits: [0.2, 3, 1], label: 1, T: 2 };
    const { soft, hard } = distillationLoss({ ...input, alpha: 0.3 });
    expect(distillationLoss({ ...input, alpha: 0 }).total).toBe(hard);
    expect(distillationLoss({ ...input, alpha: 1 }).total).toBe(soft);
  });

  it('stays finite with extreme logits', () => {
    const loss = distillationLoss({
      studentLogits: [1e4, -1e4],
      teacherLogits: [-1e4, 1e4],
      label: 1,
      T: 1,
      alpha: 0.5,
    });
    expect(Number.isFinite(loss.total)).toBe(true);
    expect(loss.hard).toBeCloseTo(2e4, 6);
  });

  it('is non-negative and finite for any inputs in range (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 10 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
              fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: n, maxLength: n }),
              fc.integer({ min: 0, max: n - 1 }),
            ),
          ),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([studentLogits, teacherLogits, label], T, alpha) => {
          const loss = distillationLoss({ studentLogits, teacherLogits, label, T, alpha });
          for (const value of [loss.total, loss.soft, loss.hard]) {
            expect(Number.isFinite(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it.each([
    [{ label: 3 }, /only 3 classes/],
    [{ label: -1 }, /label/],
    [{ label: 0.5 }, /label/],
    [{ teacherLogits: [1, 2] }, /teacherLogits has 2/],
    [{ studentLogits: [] }, /empty/],
    [{ T: 0 }, /temperature/],
    [{ alpha: 1.5 }, /alpha is 1.5/],
    [{ alpha: NaN }, /alpha is NaN/],
  ])('rejects %o', (override, message) => {
    const input = { studentLogits: [1, 2, 3], teacherLogits: [3, 2, 1], label: 0, T: 2, alpha: 0.5, ...override };
    expect(() => distillationLoss(input)).toThrow(message);
    expect(() => distillationLoss(input)).toThrow(MetricInputError);
  });
});
