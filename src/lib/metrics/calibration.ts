/**
 * Calibration: do predicted probabilities match observed frequencies?
 */
import { bisectLeft } from '../arithmetic.ts';
import {
  requireBinary,
  requireInteger,
  requireNonEmpty,
  requireProbabilities,
  requireSameLength,
} from '../validate.ts';

export interface CalibrationCurve {
  /** Fraction of positives in each non-empty bin (the y axis of a reliability diagram). */
  probTrue: number[];
  /** Mean predicted probability in each non-empty bin (the x axis). */
  probPred: number[];
  /** Number of examples in each non-empty bin. */
  counts: number[];
}

/**
 * Inner edges k · (1 / nBins), k = 1 … nBins - 1, of scikit-learn's uniform bins. bisectLeft over
 * them gives a probability's bin, closed on the right, the first also holding 0:
 * [0, e₁], (e₁, e₂], ..., (e_{n-1}, 1], as numpy.searchsorted(inner_edges, p) does.
 */
export function uniformInnerEdges(nBins: number): number[] {
  const step = 1 / nBins;
  const innerEdges: number[] = [];
  for (let k = 1; k < nBins; k++) innerEdges.push(k * step);
  return innerEdges;
}

function binStatistics(yTrue: readonly number[], probs: readonly number[], nBins: number, metric: string) {
  requireNonEmpty(yTrue, 'yTrue', metric);
  requireSameLength(yTrue, probs, 'yTrue', 'probs', metric);
  requireBinary(yTrue, 'yTrue', metric);
  requireProbabilities(probs, 'probs', metric);
  requireInteger(nBins, 'nBins', metric, 1);
  const innerEdges = uniformInnerEdges(nBins);
  const sums = new Float64Array(nBins);
  const positives = new Float64Array(nBins);
  const totals = new Float64Array(nBins);
  for (let i = 0; i < probs.length; i++) {
    const bin = bisectLeft(innerEdges, probs[i] as number);
    sums[bin] = (sums[bin] as number) + (probs[i] as number);
    positives[bin] = (positives[bin] as number) + (yTrue[i] as number);
    totals[bin] = (totals[bin] as number) + 1;
  }
  const curve: CalibrationCurve = { probTrue: [], probPred: [], counts: [] };
  for (let bin = 0; bin < nBins; bin++) {
    const total = totals[bin] as number;
    if (total === 0) continue;
    curve.probTrue.push((positives[bin] as number) / total);
    curve.probPred.push((sums[bin] as number) / total);
    curve.counts.push(total);
  }
  return curve;
}

/**
 * Calibration curve (reliability diagram): bins the predicted probabilities into nBins equal-
 * width bins and reports, per non-empty bin, the observed fraction of positives and the mean
 * predicted probability. A calibrated model lies on the diagonal.
 *
 * Formula: bin b = [0, 1/n] or ((b)/n, (b+1)/n]; probTrue_b = Σ_{i∈b} yᵢ / |b|,
 * probPred_b = Σ_{i∈b} pᵢ / |b|; empty bins are dropped. Matches
 * sklearn.calibration.calibration_curve(strategy='uniform'), plus the bin counts.
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.calibration.calibration_curve.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param probs predicted probability of class 1, in [0, 1].
 * @param nBins number of equal-width bins, a whole number >= 1 (scikit-learn's default is 5).
 * @throws MetricInputError for empty or mismatched input, labels other than 0/1, probabilities
 *   outside [0, 1] or NaN, or nBins not a whole number >= 1.
 * @example
 * calibrationCurve([0, 0, 0, 0, 1, 1, 1, 1, 1], [0, 0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9], 3);
 * // { probTrue: [0, 1, 1], probPred: [0.15, 0.525, 0.8], counts: [4, 2, 3] }
 */
export function calibrationCurve(yTrue: readonly number[], probs: readonly number[], nBins = 5): CalibrationCurve {
  return binStatistics(yTrue, probs, nBins, 'Calibration curve');
}

/**
 * Expected calibration error (ECE): the gap between confidence and accuracy, averaged over
 * bins and weighted by how many examples fall in each.
 *
 * Formula: ECE = Σ_b (|b| / n) · |probTrue_b - probPred_b|, over the uniform bins of
 * calibrationCurve (empty bins contribute nothing). This is the binary, class-1 form; Guo et
 * al. (2017) use the top-label confidence for multiclass models. scikit-learn has no ECE
 * function, so the reference is its calibration guide and the paper.
 * References: https://scikit-learn.org/stable/modules/calibration.html and
 * https://arxiv.org/abs/1706.04599 (Guo et al., "On Calibration of Modern Neural Networks").
 *
 * @param yTrue true labels, each 0 or 1.
 * @param probs predicted probability of class 1, in [0, 1].
 * @param nBins number of equal-width bins, a whole number >= 1 (default 10).
 * @throws MetricInputError as calibrationCurve.
 * @example
 * expectedCalibrationError([0, 1], [0.2, 0.6], 5); // (1/2)·0.2 + (1/2)·0.4 = 0.30000000000000004
 */
export function expectedCalibrationError(yTrue: readonly number[], probs: readonly number[], nBins = 10): number {
  const curve = binStatistics(yTrue, probs, nBins, 'Expected calibration error');
  let ece = 0;
  for (let bin = 0; bin < curve.counts.length; bin++) {
    const gap = Math.abs((curve.probTrue[bin] as number) - (curve.probPred[bin] as number));
    ece += ((curve.counts[bin] as number) / yTrue.length) * gap;
  }
  return ece;
}
