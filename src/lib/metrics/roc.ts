/**
 * ROC curve and the area under it, as scikit-learn's roc_curve and roc_auc_score (binary).
 */
import { requireBothClasses, thresholdCounts } from './curve.ts';

export interface RocCurve {
  /** False positive rate fp / negatives at each threshold, non-decreasing from 0 to 1. */
  fpr: number[];
  /** True positive rate tp / positives at each threshold, non-decreasing from 0 to 1. */
  tpr: number[];
  /** Decreasing thresholds; thresholds[0] is Infinity (nothing predicted positive). */
  thresholds: number[];
}

export interface RocCurveOptions {
  /**
   * Drop points that lie on a straight segment between their neighbours (scikit-learn's
   * drop_intermediate). Default false: one point per distinct score, which is what a
   * threshold slider needs. scikit-learn's default is true; the area is the same either way.
   */
  dropIntermediate?: boolean;
}

/**
 * Receiver operating characteristic (ROC) curve: true positive rate against false positive
 * rate as the threshold falls through every distinct score (score >= threshold predicts 1).
 *
 * Formula: for each distinct score t, highest first, tpr = #{y = 1, s >= t} / #{y = 1} and
 * fpr = #{y = 0, s >= t} / #{y = 0}; the curve starts at (0, 0) with threshold Infinity, as
 * scikit-learn >= 1.3 (older versions used max score + 1). Tied scores form one point.
 * Sorts once: O(n log n).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.roc_curve.html
 *
 * @param yTrue true labels, each 0 or 1, with at least one of each.
 * @param scores finite scores, higher meaning more likely positive.
 * @param options dropIntermediate (default false, i.e. scikit-learn's drop_intermediate=False).
 * @throws MetricInputError for empty or mismatched input, non-binary labels, non-finite scores,
 *   or labels of a single class (a rate would be 0/0; scikit-learn returns NaN there).
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1] }
 */
export function rocCurve(yTrue: readonly number[], scores: readonly number[], options: RocCurveOptions = {}): RocCurve {
  const metric = 'ROC curve';
  const counts = thresholdCounts(yTrue, scores, metric);
  requireBothClasses(counts, metric, true);
  let { tps, fps, thresholds } = counts;

  if (options.dropIntermediate === true && tps.length > 2) {
    // Keep the ends and every point where the curve bends (second difference non-zero).
    const keep: number[] = [0];
    for (let i = 1; i < tps.length - 1; i++) {
      const bendsTp = (tps[i + 1] as number) - 2 * (tps[i] as number) + (tps[i - 1] as number) !== 0;
      const bendsFp = (fps[i + 1] as number) - 2 * (fps[i] as number) + (fps[i - 1] as number) !== 0;
      if (bendsTp || bendsFp) keep.push(i);
    }
    keep.push(tps.length - 1);
    tps = keep.map((i) => tps[i] as number);
    fps = keep.map((i) => fps[i] as number);
    thresholds = keep.map((i) => thresholds[i] as number);
  }

  return {
    fpr: [0, ...fps.map((fp) => fp / counts.negatives)],
    tpr: [0, ...tps.map((tp) => tp / counts.positives)],
    thresholds: [Infinity, ...thresholds],
  };
}

/**
 * Area under the ROC curve (ROC AUC): the probability that a random positive scores higher
 * than a random negative, ties counting one half (the Mann-Whitney U statistic / (P·N)).
 *
 * Formula: AUC = Σ over tie groups g of fp_g · (TP_before_g + tp_g / 2) / (P · N), which is the
 * trapezoidal area under the ROC curve (scikit-learn's value). Counts are summed as integers
 * before the one division. Sorts once: O(n log n).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.roc_auc_score.html
 *
 * @param yTrue true labels, each 0 or 1, with at least one of each.
 * @param scores finite scores, higher meaning more likely positive.
 * @throws MetricInputError for empty or mismatched input, non-binary labels, non-finite scores,
 *   or a single class ("ROC AUC is undefined: yTrue has no positive labels ..."), where
 *   scikit-learn raises ValueError too.
 * @example
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 */
export function rocAuc(yTrue: readonly number[], scores: readonly number[]): number {
  const metric = 'ROC AUC';
  const counts = thresholdCounts(yTrue, scores, metric);
  requireBothClasses(counts, metric, true);
  // Twice the area in count units, so every term is an integer.
  let twiceArea = 0;
  let previousTp = 0;
  let previousFp = 0;
  for (let i = 0; i < counts.tps.length; i++) {
    const tp = counts.tps[i] as number;
    const fp = counts.fps[i] as number;
    twiceArea += (fp - previousFp) * (tp + previousTp);
    previousTp = tp;
    previousFp = fp;
  }
  return twiceArea / (2 * counts.positives * counts.negatives);
}
