/**
 * Two helpers for reading a reliability diagram: how many predictions fall in every uniform bin
 * (empty bins included, which calibrationCurve drops), and whether the model is over- or
 * under-confident overall.
 */
import { bisectLeft } from '../arithmetic.ts';
import { uniformInnerEdges } from './calibration.ts';
import {
  requireBinary,
  requireInteger,
  requireNonEmpty,
  requireProbabilities,
  requireSameLength,
} from '../validate.ts';

/**
 * Number of predictions in each of nBins equal-width bins over [0, 1], using the same bins as
 * calibrationCurve and scikit-learn's calibration_curve(strategy='uniform'): edges k/nBins,
 * closed on the right, the first bin also holds 0: [0, 1/n], (1/n, 2/n], ..., ((n-1)/n, 1].
 * The non-zero entries equal calibrationCurve(...).counts.
 *
 * @param probs predicted probabilities, in [0, 1].
 * @param nBins a whole number >= 1.
 * @returns an array of nBins counts (zeros for empty bins).
 * @throws MetricInputError for empty input, a probability outside [0, 1] or NaN, or an invalid nBins.
 * @example
 * reliabilityBinCounts([0, 0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9], 3); // [4, 2, 3]
 * reliabilityBinCounts([0.9, 0.95], 4); // [0, 0, 0, 2]
 */
export function reliabilityBinCounts(probs: readonly number[], nBins: number): number[] {
  const metric = 'Reliability bin counts';
  requireNonEmpty(probs, 'probs', metric);
  requireProbabilities(probs, 'probs', metric);
  requireInteger(nBins, 'nBins', metric, 1);
  // The bins of calibrationCurve, so a value exactly on an edge lands in the same bin in both.
  const innerEdges = uniformInnerEdges(nBins);
  const counts = new Array<number>(nBins).fill(0);
  for (const p of probs) {
    const bin = bisectLeft(innerEdges, p);
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

export interface ConfidenceGap {
  /** Mean confidence in the predicted label, max(p, 1 - p), between 0.5 and 1. */
  meanConfidence: number;
  /** Share of examples whose predicted label (1 when p >= 0.5) equals the true label. */
  accuracy: number;
  /** meanConfidence - accuracy: > 0 over-confident, < 0 under-confident. */
  gap: number;
}

/**
 * Confidence gap: mean confidence minus accuracy of the predicted labels. A calibrated model's
 * confidence matches its accuracy on average; over-confident models (most modern neural nets,
 * Guo et al. 2017) have a positive gap, under-confident ones a negative gap. Unlike ECE, it has
 * a sign and needs no bins; errors in opposite directions can cancel, so read it with ECE.
 *
 * Formula: predicted label ŷᵢ = 1 if pᵢ >= 0.5 else 0; confidence cᵢ = max(pᵢ, 1 - pᵢ);
 * gap = (1/n) Σ cᵢ - (1/n) Σ 1(ŷᵢ = yᵢ). The top-label (binary) form of Guo et al.'s
 * "avg. confidence" and "accuracy".
 * Reference: https://arxiv.org/abs/1706.04599 (Guo et al., "On Calibration of Modern Neural Networks", section 2)
 *
 * @param yTrue true labels, each 0 or 1.
 * @param probs predicted probability of class 1, in [0, 1].
 * @throws MetricInputError for empty or mismatched input, labels other than 0/1, or
 *   probabilities outside [0, 1] or NaN.
 * @example
 * confidenceGap([1, 0, 1, 0], [0.9, 0.2, 0.4, 0.6]);
 * // meanConfidence (0.9 + 0.8 + 0.6 + 0.6) / 4 = 0.725, accuracy 2/4 = 0.5, gap 0.225
 */
export function confidenceGap(yTrue: readonly number[], probs: readonly number[]): ConfidenceGap {
  const metric = 'Confidence gap';
  requireNonEmpty(yTrue, 'yTrue', metric);
  requireSameLength(yTrue, probs, 'yTrue', 'probs', metric);
  requireBinary(yTrue, 'yTrue', metric);
  requireProbabilities(probs, 'probs', metric);
  let confidence = 0;
  let correct = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i] as number;
    confidence += Math.max(p, 1 - p);
    if ((p >= 0.5 ? 1 : 0) === yTrue[i]) correct++;
  }
  const meanConfidence = confidence / probs.length;
  const accuracy = correct / probs.length;
  return { meanConfidence, accuracy, gap: meanConfidence - accuracy };
}
