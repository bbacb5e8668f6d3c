/**
 * Per-group rates for fairness assessment, the table behind fairlearn's MetricFrame.
 */
import { MetricInputError } from '../errors.ts';
import { emptyConfusion, tally, type ConfusionCounts } from '../metrics/confusion.ts';
import { requireBinary, requireNonEmpty, requireSameLength } from '../validate.ts';

/** A sensitive-feature value: a string, or a finite number (used as its string form). */
export type GroupValue = string | number;

/** Rates of one group. A rate whose denominator is 0 in that group is null, never NaN or 0. */
export interface GroupRates {
  /** Number of examples in the group. */
  count: number;
  /** Share predicted positive: (tp + fp) / count. Always defined. */
  selectionRate: number;
  /** True positive rate tp / (tp + fn); null when the group has no positive labels. */
  tpr: number | null;
  /** False positive rate fp / (fp + tn); null when the group has no negative labels. */
  fpr: number | null;
  /** Precision tp / (tp + fp); null when the group has no positive predictions. */
  precision: number | null;
  /** The group's confusion counts, so a UI can say why a rate is null. */
  confusion: ConfusionCounts;
}

/**
 * Group metrics: count, selection rate, TPR, FPR and precision for each value of the
 * sensitive feature, keyed by the value's string form in order of first appearance.
 *
 * Formula: per group g, selectionRate = (tp + fp) / n_g, tpr = tp / (tp + fn),
 * fpr = fp / (fp + tn), precision = tp / (tp + fp).
 * A group with no positive labels has tpr = null (and one with no negatives fpr = null, one
 * with no positive predictions precision = null). Deviation: fairlearn's true_positive_rate
 * returns 0 there (scikit-learn's normalised confusion matrix turns 0/0 into 0), which hides
 * the missing data; the disparity functions below let you choose how to treat such groups.
 * Reference: https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.MetricFrame.html
 * (MetricFrame with selection_rate, true_positive_rate, false_positive_rate, precision_score).
 *
 * @param yTrue true labels, each 0 or 1.
 * @param yPred predicted labels, each 0 or 1.
 * @param groups sensitive-feature value of each example (string or finite number).
 * @throws MetricInputError for empty or mismatched arrays, labels other than 0/1, or a group
 *   value that is not a string or a finite number.
 * @example
 * groupMetrics([1, 0, 1, 0], [1, 0, 0, 0], ['a', 'a', 'b', 'b']);
 * // { a: { count: 2, selectionRate: 0.5, tpr: 1, fpr: 0, precision: 1, ... },
 * //   b: { count: 2, selectionRate: 0, tpr: 0, fpr: 0, precision: null, ... } }
 */
export function groupMetrics(
  yTrue: readonly number[],
  yPred: readonly number[],
  groups: readonly GroupValue[],
): Record<string, GroupRates> {
  return computeGroupMetrics(yTrue, yPred, groups, 'Group metrics');
}

/** groupMetrics with the calling metric's name in error messages. Internal. */
export function computeGroupMetrics(
  yTrue: readonly number[],
  yPred: readonly number[],
  groups: readonly GroupValue[],
  metric: string,
): Record<string, GroupRates> {
  requireNonEmpty(yTrue, 'yTrue', metric);
  requireSameLength(yTrue, yPred, 'yTrue', 'yPred', metric);
  requireSameLength(yTrue, groups, 'yTrue', 'groups', metric);
  requireBinary(yTrue, 'yTrue', metric);
  requireBinary(yPred, 'yPred', metric);
  const byGroup = new Map<string, ConfusionCounts>();
  groups.forEach((group, i) => {
    if (!(typeof group === 'string' || (typeof group === 'number' && Number.isFinite(group)))) {
      throw new MetricInputError(
        `${metric}: groups[${i}] is ${String(group)}; a group must be a string or a finite number.`,
        'not-finite',
      );
    }
    const key = String(group);
    let counts = byGroup.get(key);
    if (counts === undefined) {
      counts = emptyConfusion();
      byGroup.set(key, counts);
    }
    tally(counts, yTrue[i] === 1, yPred[i] === 1);
  });
  const rate = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
  return Object.fromEntries(
    [...byGroup].map(([key, c]) => {
      const count = c.tp + c.fp + c.tn + c.fn;
      const rates: GroupRates = {
        count,
        selectionRate: (c.tp + c.fp) / count,
        tpr: rate(c.tp, c.tp + c.fn),
        fpr: rate(c.fp, c.fp + c.tn),
        precision: rate(c.tp, c.tp + c.fp),
        confusion: c,
      };
      return [key, rates];
    }),
  );
}
