/**
 * The cumulative counts behind the ROC and precision-recall curves (scikit-learn's private
 * `_binary_clf_curve`): one sort of the scores, then one pass. Internal to src/lib/metrics.
 */
import { MetricInputError } from '../errors.ts';
import { requireBinary, requireFiniteValues, requireNonEmpty, requireSameLength } from '../validate.ts';

export interface ThresholdCounts {
  /** Distinct scores, highest first. */
  thresholds: number[];
  /** tps[i]: positives with score >= thresholds[i]. */
  tps: number[];
  /** fps[i]: negatives with score >= thresholds[i]. */
  fps: number[];
  positives: number;
  negatives: number;
}

/**
 * Counts true and false positives at every distinct score, highest score first.
 * O(n log n) for the sort, O(n) after it.
 *
 * @throws MetricInputError for empty or mismatched input, non-binary labels, non-finite scores.
 */
export function thresholdCounts(yTrue: readonly number[], scores: readonly number[], metric: string): ThresholdCounts {
  requireNonEmpty(yTrue, 'yTrue', metric);
  requireSameLength(yTrue, scores, 'yTrue', 'scores', metric);
  requireBinary(yTrue, 'yTrue', metric);
  requireFiniteValues(scores, 'scores', metric);

  const n = yTrue.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number));

  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let rank = 0; rank < n; rank++) {
    const index = order[rank] as number;
    if (yTrue[index] === 1) tp++;
    else fp++;
    const score = scores[index] as number;
    const next = rank + 1 < n ? (scores[order[rank + 1] as number] as number) : undefined;
    // Close a tie group when the next score differs (or at the end).
    if (next === undefined || next !== score) {
      thresholds.push(score);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds, tps, fps, positives: tp, negatives: fp };
}

/** Throws the "undefined" error when a class the metric divides by is absent. */
export function requireBothClasses(counts: ThresholdCounts, metric: string, needNegatives: boolean): void {
  if (counts.positives === 0) {
    throw new MetricInputError(
      `${metric} is undefined: yTrue has no positive labels (no 1s); it needs at least one.`,
      'undefined',
    );
  }
  if (needNegatives && counts.negatives === 0) {
    throw new MetricInputError(
      `${metric} is undefined: yTrue has no negative labels (no 0s); it needs at least one.`,
      'undefined',
    );
  }
}
