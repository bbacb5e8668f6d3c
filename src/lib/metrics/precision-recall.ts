/**
 * Precision-recall curve and average precision, as scikit-learn's precision_recall_curve and
 * average_precision_score (binary).
 */
import { requireBothClasses, thresholdCounts } from './curve.ts';

export interface PrecisionRecallCurve {
  /** precision[i] at thresholds[i]; the last entry is 1 (no threshold), as scikit-learn. */
  precision: number[];
  /** recall[i] at thresholds[i], non-increasing; the last entry is 0. */
  recall: number[];
  /** Distinct scores in increasing order; one fewer than precision and recall. */
  thresholds: number[];
}

/**
 * Precision-recall curve: precision and recall at every distinct score used as the threshold
 * (score >= threshold predicts 1).
 *
 * Formula: for each distinct score t, precision = tp(t) / (tp(t) + fp(t)) and
 * recall = tp(t) / #{y = 1}. As scikit-learn (>= 1.1): thresholds increase, every distinct
 * score is kept, and a final point (precision 1, recall 0) with no threshold closes the curve.
 * Sorts once: O(n log n).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.precision_recall_curve.html
 *
 * @param yTrue true labels, each 0 or 1, with at least one 1.
 * @param scores finite scores, higher meaning more likely positive.
 * @throws MetricInputError for empty or mismatched input, non-binary labels, non-finite scores,
 *   or no positive labels. (scikit-learn warns and sets recall to 1 there; we refuse, because
 *   recall is 0/0.)
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // { precision: [0.5, 0.667, 0.5, 1, 1], recall: [1, 1, 0.5, 0.5, 0], thresholds: [0.1, 0.35, 0.4, 0.8] }
 */
export function precisionRecallCurve(yTrue: readonly number[], scores: readonly number[]): PrecisionRecallCurve {
  const metric = 'Precision-recall curve';
  const counts = thresholdCounts(yTrue, scores, metric);
  requireBothClasses(counts, metric, false);
  const precision: number[] = [];
  const recall: number[] = [];
  const thresholds: number[] = [];
  for (let i = counts.tps.length - 1; i >= 0; i--) {
    const tp = counts.tps[i] as number;
    const fp = counts.fps[i] as number;
    // tp + fp >= 1: every threshold is one of the scores.
    precision.push(tp / (tp + fp));
    recall.push(tp / counts.positives);
    thresholds.push(counts.thresholds[i] as number);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds };
}

/**
 * Average precision (AP): precision at each threshold, weighted by the recall gained there.
 *
 * Formula: AP = Σₙ (Rₙ - Rₙ₋₁) · Pₙ over thresholds from highest to lowest, R₀ = 0. This is
 * scikit-learn's step-wise sum, not the trapezoidal area (which is optimistic). Tied scores
 * form one step. Sorts once: O(n log n).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.average_precision_score.html
 *
 * @param yTrue true labels, each 0 or 1, with at least one 1.
 * @param scores finite scores, higher meaning more likely positive.
 * @throws MetricInputError for empty or mismatched input, non-binary labels, non-finite scores,
 *   or no positive labels ("Average precision is undefined: yTrue has no positive labels ...").
 * @example
 * averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.8333333333333333
 */
export function averagePrecision(yTrue: readonly number[], scores: readonly number[]): number {
  const metric = 'Average precision';
  const counts = thresholdCounts(yTrue, scores, metric);
  requireBothClasses(counts, metric, false);
  let ap = 0;
  let previousTp = 0;
  for (let i = 0; i < counts.tps.length; i++) {
    const tp = counts.tps[i] as number;
    const fp = counts.fps[i] as number;
    if (tp > previousTp) ap += ((tp - previousTp) / counts.positives) * (tp / (tp + fp));
    previousTp = tp;
  }
  return ap;
}
