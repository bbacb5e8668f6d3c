/**
 * Threshold metrics computed from confusion counts, with scikit-learn's definitions.
 *
 * 0/0 cases follow scikit-learn's `zero_division` parameter: by default the metric is 0
 * (scikit-learn's zero_division=0, minus the warning); pass `{ zeroDivision: 1 }` for 1, or
 * `{ zeroDivision: 'throw' }` to get a MetricInputError that says why the metric is undefined.
 */
import { MetricInputError } from '../errors.ts';
import { requireFinite } from '../validate.ts';
import { requireCounts, type ConfusionCounts } from './confusion.ts';

/** What a 0/0 metric becomes: 0 or 1 (scikit-learn's zero_division), or 'throw'. */
export type ZeroDivision = 0 | 1 | 'throw';

export interface ZeroDivisionOptions {
  /** Value for a 0/0 metric; default 0 as scikit-learn's zero_division=0. */
  zeroDivision?: ZeroDivision;
}

/** Divides, or applies the zero-division policy when the denominator is 0. */
function divide(numerator: number, denominator: number, zeroDivision: ZeroDivision, why: string): number {
  if (denominator > 0) return numerator / denominator;
  if (zeroDivision === 'throw') throw new MetricInputError(why, 'undefined');
  return zeroDivision;
}

/**
 * Accuracy: the share of examples classified correctly.
 *
 * Formula: (tp + tn) / (tp + fp + tn + fn).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.accuracy_score.html
 *
 * @throws MetricInputError if a count is negative or not finite, or all counts are 0.
 * @example
 * accuracy({ tp: 5, fp: 2, tn: 3, fn: 2 }); // 0.6666666666666666
 */
export function accuracy(counts: ConfusionCounts): number {
  requireCounts(counts, 'Accuracy');
  const { tp, fp, tn, fn } = counts;
  return (tp + tn) / (tp + fp + tn + fn);
}

/**
 * Precision (positive predictive value): of the predicted positives, the share that are positive.
 *
 * Formula: tp / (tp + fp). When nothing is predicted positive (tp + fp = 0) it is 0/0: the
 * result is `zeroDivision` (default 0, as scikit-learn's zero_division=0).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.precision_score.html
 *
 * @throws MetricInputError for invalid counts, or when tp + fp = 0 and zeroDivision is 'throw'.
 * @example
 * precision({ tp: 5, fp: 2, tn: 3, fn: 2 }); // 0.7142857142857143
 * precision({ tp: 0, fp: 0, tn: 3, fn: 2 }); // 0 (no predicted positives)
 */
export function precision(counts: ConfusionCounts, options: ZeroDivisionOptions = {}): number {
  requireCounts(counts, 'Precision');
  return divide(
    counts.tp,
    counts.tp + counts.fp,
    options.zeroDivision ?? 0,
    'Precision is undefined: the model predicted no positives (tp + fp = 0). Lower the threshold or set zeroDivision.',
  );
}

/**
 * Recall (sensitivity, true positive rate): of the positives, the share the model finds.
 *
 * Formula: tp / (tp + fn). With no positive labels (tp + fn = 0) the result is `zeroDivision`
 * (default 0, as scikit-learn's zero_division=0).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.recall_score.html
 *
 * @throws MetricInputError for invalid counts, or when tp + fn = 0 and zeroDivision is 'throw'.
 * @example
 * recall({ tp: 5, fp: 2, tn: 3, fn: 2 }); // 0.7142857142857143
 */
export function recall(counts: ConfusionCounts, options: ZeroDivisionOptions = {}): number {
  requireCounts(counts, 'Recall');
  return divide(
    counts.tp,
    counts.tp + counts.fn,
    options.zeroDivision ?? 0,
    'Recall is undefined: there are no positive labels (tp + fn = 0). Add examples of the positive class.',
  );
}

/**
 * Specificity (true negative rate): of the negatives, the share classified negative.
 *
 * Formula: tn / (tn + fp), i.e. scikit-learn's recall_score with pos_label=0. With no negative
 * labels the result is `zeroDivision` (default 0).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.recall_score.html
 *
 * @throws MetricInputError for invalid counts, or when tn + fp = 0 and zeroDivision is 'throw'.
 * @example
 * specificity({ tp: 5, fp: 2, tn: 3, fn: 2 }); // 0.6
 */
export function specificity(counts: ConfusionCounts, options: ZeroDivisionOptions = {}): number {
  requireCounts(counts, 'Specificity');
  return divide(
    counts.tn,
    counts.tn + counts.fp,
    options.zeroDivision ?? 0,
    'Specificity is undefined: there are no negative labels (tn + fp = 0). Add examples of the negative class.',
  );
}

/**
 * F1 score: the harmonic mean of precision and recall.
 *
 * Formula: 2·tp / (2·tp + fp + fn), which equals 2PR / (P + R) and is 0 whenever tp = 0.
 * Only when tp + fp + fn = 0 (no positives anywhere) is it 0/0: the result is `zeroDivision`
 * (default 0), as scikit-learn >= 1.3.
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.f1_score.html
 *
 * @throws MetricInputError for invalid counts, or when tp + fp + fn = 0 and zeroDivision is 'throw'.
 * @example
 * f1Score({ tp: 5, fp: 2, tn: 3, fn: 2 }); // 0.7142857142857143
 */
export function f1Score(counts: ConfusionCounts, options: ZeroDivisionOptions = {}): number {
  requireCounts(counts, 'F1');
  return divide(
    2 * counts.tp,
    2 * counts.tp + counts.fp + counts.fn,
    options.zeroDivision ?? 0,
    'F1 is undefined: there are no positive labels and no positive predictions (tp + fp + fn = 0).',
  );
}

/**
 * F-beta score from a precision and a recall: recall counts beta times as much as precision.
 *
 * Formula: (1 + β²)·P·R / (β²·P + R). When P = R = 0 the formula is 0/0 and the result is 0
 * (scikit-learn's zero_division=0 convention). β = 1 gives F1; β = 2 favours recall.
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.fbeta_score.html
 *
 * @param precisionValue precision in [0, 1].
 * @param recallValue recall in [0, 1].
 * @param beta weight of recall, a finite number > 0.
 * @throws MetricInputError if precision or recall is outside [0, 1] or not finite, or beta <= 0.
 * @example
 * fBeta(0.5, 1, 2); // 0.8333333333333334
 * fBeta(0, 0, 1); // 0
 */
export function fBeta(precisionValue: number, recallValue: number, beta: number): number {
  const metric = 'F-beta';
  for (const [name, value] of [
    ['precision', precisionValue],
    ['recall', recallValue],
  ] as const) {
    requireFinite(value, name, metric);
    if (value < 0 || value > 1) {
      throw new MetricInputError(`${metric}: ${name} is ${value}; it must be between 0 and 1.`, 'out-of-range');
    }
  }
  requireFinite(beta, 'beta', metric);
  if (beta <= 0) {
    throw new MetricInputError(`${metric}: beta is ${beta}; it must be greater than 0.`, 'out-of-range');
  }
  const beta2 = beta * beta;
  // For a beta so large that β² overflows, use the limit β -> ∞: recall (0 if precision is 0).
  if (!Number.isFinite(beta2)) return precisionValue > 0 ? recallValue : 0;
  const denominator = beta2 * precisionValue + recallValue;
  return denominator === 0 ? 0 : ((1 + beta2) * precisionValue * recallValue) / denominator;
}

/**
 * Matthews correlation coefficient: the correlation between labels and predictions, from -1
 * (always wrong) through 0 (no better than chance) to 1 (perfect); robust to class imbalance.
 *
 * Formula: (tp·tn - fp·fn) / sqrt((tp + fp)(tp + fn)(tn + fp)(tn + fn)). When any factor is 0
 * (one class absent from labels or predictions) the result is 0, as scikit-learn returns.
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.matthews_corrcoef.html
 *
 * @throws MetricInputError if a count is negative or not finite, or all counts are 0.
 * @example
 * matthewsCorrcoef({ tp: 2, fp: 1, tn: 0, fn: 1 }); // -0.3333333333333333
 */
export function matthewsCorrcoef(counts: ConfusionCounts): number {
  requireCounts(counts, 'Matthews correlation coefficient');
  const { tp, fp, tn, fn } = counts;
  const denominator = Math.sqrt(tp + fp) * Math.sqrt(tp + fn) * Math.sqrt(tn + fp) * Math.sqrt(tn + fn);
  if (denominator === 0) return 0;
  return Math.max(-1, Math.min(1, (tp * tn - fp * fn) / denominator));
}

/** The threshold metrics of one confusion matrix. */
export interface ClassificationMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  specificity: number;
  f1: number;
  mcc: number;
  /** Metrics that were 0/0 and so hold the zeroDivision value (MCC: 0), for the UI to flag. */
  undefinedMetrics: Array<'precision' | 'recall' | 'specificity' | 'f1' | 'mcc'>;
}

/**
 * All threshold metrics of a confusion matrix at once: accuracy, precision, recall,
 * specificity, F1 and MCC, each as defined by the function of the same name.
 *
 * Reference: https://scikit-learn.org/stable/modules/model_evaluation.html#classification-metrics
 *
 * @param counts the confusion matrix { tp, fp, tn, fn }.
 * @param options zeroDivision for precision, recall, specificity and F1 (default 0).
 * @throws MetricInputError for invalid counts, or a 0/0 metric when zeroDivision is 'throw'.
 * @example
 * classificationMetrics({ tp: 5, fp: 2, tn: 3, fn: 2 });
 * // { accuracy: 0.667, precision: 0.714, recall: 0.714, specificity: 0.6, f1: 0.714,
 * //   mcc: 0.314, undefinedMetrics: [] }
 */
export function classificationMetrics(
  counts: ConfusionCounts,
  options: ZeroDivisionOptions = {},
): ClassificationMetrics {
  requireCounts(counts, 'Classification metrics');
  const { tp, fp, tn, fn } = counts;
  const undefinedMetrics: ClassificationMetrics['undefinedMetrics'] = [];
  if (tp + fp === 0) undefinedMetrics.push('precision');
  if (tp + fn === 0) undefinedMetrics.push('recall');
  if (tn + fp === 0) undefinedMetrics.push('specificity');
  if (tp + fp + fn === 0) undefinedMetrics.push('f1');
  if ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn) === 0) undefinedMetrics.push('mcc');
  return {
    accuracy: accuracy(counts),
    precision: precision(counts, options),
    recall: recall(counts, options),
    specificity: specificity(counts, options),
    f1: f1Score(counts, options),
    mcc: matthewsCorrcoef(counts),
    undefinedMetrics,
  };
}
