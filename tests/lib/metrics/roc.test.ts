import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rocAuc, rocCurve } from '../../../src/lib/metrics/roc.ts';
import { confusionAtThreshold } from '../../../src/lib/metrics/confusion.ts';
import { expectMetricError, shuffled } from '../expect-error.ts';

const DOC_Y = [0, 0, 1, 1];
const DOC_SCORES = [0.1, 0.4, 0.35, 0.8];

/** P(score of a random positive > score of a random negative) + ½ P(tie), by brute force. */
function mannWhitneyProbability(yTrue: readonly number[], scores: readonly number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] !== 1) continue;
    for (let j = 0; j < yTrue.length; j++) {
      if (yTrue[j] !== 0) continue;
      pairs++;
      const si = scores[i] as number;
      const sj = scores[j] as number;
      wins += si > sj ? 1 : si === sj ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

/** Labelled scores with both classes present; small integer scores make ties common. */
const labelledScores = fc
  .array(fc.tuple(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 8 })), { minLength: 2, maxLength: 60 })
  .filter((pairs) => pairs.some((p) => p[0] === 1) && pairs.some((p) => p[0] === 0));

describe('rocCurve', () => {
  it('matches the roc_curve docstring example (thresholds[0] = Infinity as scikit-learn >= 1.3)', () => {
    // scikit-learn roc_curve docstring: fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1],
    // thresholds [inf, 0.8, 0.4, 0.35, 0.1] (1.8 in place of inf before 1.3).
    expect(rocCurve(DOC_Y, DOC_SCORES)).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
      thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1],
    });
  });

  const y = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0];
  const s = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];

  it('keeps one point per distinct score by default (drop_intermediate=False)', () => {
    // sklearn 1.2.1 roc_curve(y, s, drop_intermediate=False).
    const curve = rocCurve(y, s);
    expect(curve.thresholds).toEqual([Infinity, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]);
    expect(curve.tpr).toEqual([0, 0.25, 0.5, 0.5, 0.75, 0.75, 0.75, 1, 1, 1, 1]);
    const sixths = [0, 0, 0, 1, 1, 2, 3, 3, 4, 5, 6];
    curve.fpr.forEach((value, i) => expect(value).toBeCloseTo((sixths[i] as number) / 6, 15));
  });

  it('drops collinear points with dropIntermediate, as drop_intermediate=True', () => {
    // sklearn 1.2.1 roc_curve(y, s) (default drop_intermediate=True): thresholds
    // [1.95, 0.95, 0.9, 0.8, 0.7, 0.5, 0.4, 0.1]; first threshold is inf from 1.3 on.
    const curve = rocCurve(y, s, { dropIntermediate: true });
    expect(curve.thresholds).toEqual([Infinity, 0.95, 0.9, 0.8, 0.7, 0.5, 0.4, 0.1]);
    expect(curve.tpr).toEqual([0, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1]);
    const sixths = [0, 0, 0, 1, 1, 3, 3, 6];
    curve.fpr.forEach((value, i) => expect(value).toBeCloseTo((sixths[i] as number) / 6, 15));
  });

  it('groups tied scores into one point', () => {
    // sklearn 1.2.1: roc_curve([1,0,1,1,0,0,1,0,1,0], [.9,.9,.7,.5,.5,.5,.3,.2,.2,.1], drop_intermediate=False)
    const curve = rocCurve([1, 0, 1, 1, 0, 0, 1, 0, 1, 0], [0.9, 0.9, 0.7, 0.5, 0.5, 0.5, 0.3, 0.2, 0.2, 0.1]);
    expect(curve.thresholds).toEqual([Infinity, 0.9, 0.7, 0.5, 0.3, 0.2, 0.1]);
    expect(curve.fpr).toEqual([0, 0.2, 0.2, 0.6, 0.6, 0.8, 1]);
    expect(curve.tpr).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1, 1]);
  });

  it('each point is the confusion matrix at its threshold', () => {
    fc.assert(
      fc.property(labelledScores, (pairs) => {
        const yTrue = pairs.map((p) => p[0]);
        const scores = pairs.map((p) => p[1]);
        const curve = rocCurve(yTrue, scores);
        const positives = yTrue.filter((v) => v === 1).length;
        const negatives = yTrue.length - positives;
        curve.thresholds.forEach((threshold, i) => {
          const c = confusionAtThreshold(yTrue, scores, threshold);
          expect(curve.tpr[i]).toBe(c.tp / positives);
          expect(curve.fpr[i]).toBe(c.fp / negatives);
        });
        expect(curve.fpr.at(-1)).toBe(1);
        expect(curve.tpr.at(-1)).toBe(1);
      }),
    );
  });

  it('is undefined with a single class', () => {
    expectMetricError(() => rocCurve([0, 0, 0], [0.1, 0.2, 0.3]), 'undefined', /no positive labels/);
    expectMetricError(() => rocCurve([1, 1], [0.1, 0.2]), 'undefined', /no negative labels/);
  });
});

describe('rocAuc', () => {
  it('is 0.75 for the roc_auc_score / roc_curve docstring example', () => {
    // scikit-learn docs: y = [0, 0, 1, 1] (pos_label=2 in the roc_curve example),
    // scores [0.1, 0.4, 0.35, 0.8] -> auc 0.75.
    expect(rocAuc(DOC_Y, DOC_SCORES)).toBe(0.75);
  });

  it('counts ties as one half (sklearn 1.2.1 roc_auc_score = 0.6)', () => {
    expect(rocAuc([1, 0, 1, 1, 0, 0, 1, 0, 1, 0], [0.9, 0.9, 0.7, 0.5, 0.5, 0.5, 0.3, 0.2, 0.2, 0.1])).toBeCloseTo(
      0.6,
      15,
    );
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('matches roc_auc_score on a ranked list (sklearn 1.2.1: 0.8333333333333333)', () => {
    expect(rocAuc([1, 1, 0, 1, 0, 0, 1, 0, 0, 0], [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1])).toBeCloseTo(
      0.8333333333333333,
      15,
    );
  });

  it('equals the Mann-Whitney probability on random data with ties', () => {
    fc.assert(
      fc.property(labelledScores, (pairs) => {
        const yTrue = pairs.map((p) => p[0]);
        const scores = pairs.map((p) => p[1]);
        expect(rocAuc(yTrue, scores)).toBeCloseTo(mannWhitneyProbability(yTrue, scores), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the trapezoidal area under rocCurve', () => {
    fc.assert(
      fc.property(labelledScores, (pairs) => {
        const yTrue = pairs.map((p) => p[0]);
        const scores = pairs.map((p) => p[1]);
        const { fpr, tpr } = rocCurve(yTrue, scores);
        let area = 0;
        for (let i = 1; i < fpr.length; i++) {
          area += (((fpr[i] as number) - (fpr[i - 1] as number)) * ((tpr[i] as number) + (tpr[i - 1] as number))) / 2;
        }
        expect(rocAuc(yTrue, scores)).toBeCloseTo(area, 12);
      }),
    );
  });

  it('is invariant to input order and to a monotone transform of the scores', () => {
    fc.assert(
      fc.property(labelledScores, fc.integer(), (pairs, seed) => {
        const auc = rocAuc(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        const mixed = shuffled(pairs, seed);
        expect(
          rocAuc(
            mixed.map((p) => p[0]),
            mixed.map((p) => p[1]),
          ),
        ).toBe(auc);
        expect(
          rocAuc(
            pairs.map((p) => p[0]),
            pairs.map((p) => 1 / (1 + Math.exp(-p[1]))),
          ),
        ).toBe(auc);
      }),
    );
  });

  it('flipping the scores gives 1 - AUC', () => {
    fc.assert(
      fc.property(labelledScores, (pairs) => {
        const yTrue = pairs.map((p) => p[0]);
        expect(
          rocAuc(
            yTrue,
            pairs.map((p) => -p[1]),
          ),
        ).toBeCloseTo(
          1 -
            rocAuc(
              yTrue,
              pairs.map((p) => p[1]),
            ),
          12,
        );
      }),
    );
  });

  it('throws for one class (scikit-learn raises ValueError too), empty or bad input', () => {
    expectMetricError(
      () => rocAuc([1, 1, 1], [0.2, 0.4, 0.6]),
      'undefined',
      /^ROC AUC is undefined: yTrue has no negative labels/,
    );
    expectMetricError(() => rocAuc([0, 0], [0.2, 0.4]), 'undefined', /no positive labels/);
    expectMetricError(() => rocAuc([], []), 'empty');
    expectMetricError(() => rocAuc([0, 1], [0.2]), 'length-mismatch');
    expectMetricError(() => rocAuc([0, 1], [0.2, Number.NaN]), 'not-finite');
    expectMetricError(() => rocAuc([0, 1], [0.2, Infinity]), 'not-finite');
    expectMetricError(() => rocAuc([0, -1], [0.2, 0.3]), 'not-binary');
  });

  it('handles 100,000 examples (sorts once)', () => {
    const n = 100_000;
    const yTrue = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    // Score = index: positives sit at every third index, so AUC is computable by hand.
    const scores = Array.from({ length: n }, (_, i) => i);
    const auc = rocAuc(yTrue, scores);
    expect(auc).toBeCloseTo(mannWhitneyClosedForm(yTrue), 10);
  });
});

/** AUC when scores are 0..n-1 in order: Σ over positives of the negatives below them. */
function mannWhitneyClosedForm(yTrue: readonly number[]): number {
  let negativesBelow = 0;
  let wins = 0;
  let positives = 0;
  for (const label of yTrue) {
    if (label === 1) {
      wins += negativesBelow;
      positives++;
    } else negativesBelow++;
  }
  return wins / (positives * negativesBelow);
}
