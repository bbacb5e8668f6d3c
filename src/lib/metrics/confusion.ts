/**
 * Confusion-matrix counts for binary labels (0 = negative, 1 = positive).
 */
import { requireBinary, requireFinite, requireFiniteValues, requireNonEmpty, requireSameLength } from '../validate.ts';
import { MetricInputError } from '../errors.ts';

/** A binary label: 1 is the positive class. */
export type BinaryLabel = 0 | 1;

/** The four cells of a binary confusion matrix. */
export interface ConfusionCounts {
  /** True positives: label 1, predicted 1. */
  tp: number;
  /** False positives: label 0, predicted 1. */
  fp: number;
  /** True negatives: label 0, predicted 0. */
  tn: number;
  /** False negatives: label 1, predicted 0. */
  fn: number;
}

/**
 * Confusion matrix: counts of each (true label, predicted label) pair.
 *
 * Formula: tp = #{y = 1, ŷ = 1}, fp = #{y = 0, ŷ = 1}, tn = #{y = 0, ŷ = 0}, fn = #{y = 1, ŷ = 0}.
 * scikit-learn's `confusion_matrix(y_true, y_pred).ravel()` gives the same numbers in the
 * order (tn, fp, fn, tp).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.confusion_matrix.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param yPred predicted labels, each 0 or 1, same length.
 * @throws MetricInputError if either is empty, the lengths differ, or a value is not 0 or 1.
 * @example
 * confusionMatrix([1, 1, 1, 0], [1, 0, 1, 1]); // { tp: 2, fp: 1, tn: 0, fn: 1 }
 */
export function confusionMatrix(yTrue: readonly number[], yPred: readonly number[]): ConfusionCounts {
  const metric = 'Confusion matrix';
  requireNonEmpty(yTrue, 'yTrue', metric);
  requireSameLength(yTrue, yPred, 'yTrue', 'yPred', metric);
  requireBinary(yTrue, 'yTrue', metric);
  requireBinary(yPred, 'yPred', metric);
  const counts = emptyConfusion();
  for (let i = 0; i < yTrue.length; i++) tally(counts, yTrue[i] === 1, yPred[i] === 1);
  return counts;
}

/**
 * Confusion matrix of a scoring model cut at a threshold: a score >= threshold predicts 1.
 *
 * Formula: ŷᵢ = 1 if scoreᵢ >= threshold else 0, then confusionMatrix(yTrue, ŷ).
 * The ">=" matches scikit-learn's `roc_curve`, whose point for threshold t counts scores >= t.
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.roc_curve.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param scores model scores (any finite numbers: probabilities, logits...), same length.
 * @param threshold the cut; may be ±Infinity (everything negative / positive), not NaN.
 * @throws MetricInputError if inputs are empty, lengths differ, a label is not 0/1, a score is
 *   not finite, or the threshold is NaN.
 * @example
 * confusionAtThreshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.4); // { tp: 1, fp: 1, tn: 1, fn: 1 }
 */
export function confusionAtThreshold(
  yTrue: readonly number[],
  scores: readonly number[],
  threshold: number,
): ConfusionCounts {
  const metric = 'Confusion matrix at a threshold';
  requireNonEmpty(yTrue, 'yTrue', metric);
  requireSameLength(yTrue, scores, 'yTrue', 'scores', metric);
  requireBinary(yTrue, 'yTrue', metric);
  requireFiniteValues(scores, 'scores', metric);
  if (Number.isNaN(threshold) || typeof threshold !== 'number') {
    throw new MetricInputError(`${metric}: threshold is ${threshold}; it must be a number.`, 'not-finite');
  }
  const counts = emptyConfusion();
  for (let i = 0; i < yTrue.length; i++) tally(counts, yTrue[i] === 1, (scores[i] as number) >= threshold);
  return counts;
}

/** Confusion counts of no examples, to tally into. */
export function emptyConfusion(): ConfusionCounts {
  return { tp: 0, fp: 0, tn: 0, fn: 0 };
}

/** Adds one example to confusion counts: the one place that decides which cell it lands in. */
export function tally(counts: ConfusionCounts, actualPositive: boolean, predictedPositive: boolean): void {
  if (predictedPositive) {
    if (actualPositive) counts.tp++;
    else counts.fp++;
  } else if (actualPositive) counts.fn++;
  else counts.tn++;
}

/**
 * Checks that confusion counts are finite, non-negative, not all zero and total at most 2^53 - 1
 * (so products such as MCC's cannot overflow). Counts may be fractional (weighted data). Internal helper shared by the metrics built on counts.
 */
export function requireCounts(counts: ConfusionCounts, metric: string): void {
  for (const cell of ['tp', 'fp', 'tn', 'fn'] as const) {
    const value = counts[cell];
    requireFinite(value, cell, metric);
    if (value < 0) {
      throw new MetricInputError(`${metric}: ${cell} is ${value}; a count cannot be negative.`, 'out-of-range');
    }
  }
  const total = counts.tp + counts.fp + counts.tn + counts.fn;
  if (total === 0) {
    throw new MetricInputError(`${metric}: all four counts are 0; there are no examples.`, 'empty');
  }
  if (total > Number.MAX_SAFE_INTEGER) {
    throw new MetricInputError(
      `${metric}: the counts add up to ${total}; they must total at most ${Number.MAX_SAFE_INTEGER}.`,
      'out-of-range',
    );
  }
}
