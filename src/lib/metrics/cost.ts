/**
 * The operating point that minimises the cost of errors: with a price on each false positive and
 * each false negative, the threshold of a scoring model with the lowest total cost.
 */
import { rocCurve } from './roc.ts';
import { requireNonNegative } from '../validate.ts';

export interface CheapestThreshold {
  /** The cheapest threshold among the observed scores (a score >= it predicts 1). */
  threshold: number;
  /** Total cost at that threshold: costFp · FP + costFn · FN. */
  cost: number;
}

/**
 * The threshold with the lowest total misclassification cost, among the ROC curve's thresholds.
 *
 * Formula: cost(t) = costFp · FPR(t) · N + costFn · (1 − TPR(t)) · P, minimised over the distinct
 * scores; the first (highest) threshold wins a tie. The "predict nothing" point (threshold +∞) is
 * reported as threshold 1.
 * Reference: Elkan (2001), "The Foundations of Cost-Sensitive Learning", IJCAI.
 *
 * @throws MetricInputError from rocCurve (empty, mismatched, non-binary or one-class labels), or
 *   if a cost is negative or not finite.
 * @example
 * cheapestThreshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 1, 1); // { threshold: 0.8, cost: 1 }
 */
export function cheapestThreshold(
  yTrue: readonly number[],
  scores: readonly number[],
  costFp: number,
  costFn: number,
): CheapestThreshold {
  const metric = 'Cheapest threshold';
  requireNonNegative(costFp, 'costFp', metric);
  requireNonNegative(costFn, 'costFn', metric);
  const { fpr, tpr, thresholds } = rocCurve(yTrue, scores);
  const positives = yTrue.filter((y) => y === 1).length;
  const negatives = yTrue.length - positives;
  let best: CheapestThreshold = { threshold: 1, cost: Infinity };
  thresholds.forEach((threshold, i) => {
    const cost = costFp * (fpr[i] as number) * negatives + costFn * (1 - (tpr[i] as number)) * positives;
    if (cost < best.cost) best = { threshold: Number.isFinite(threshold) ? threshold : 1, cost };
  });
  return best;
}
