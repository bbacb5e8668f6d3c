/**
 * Scores for predicted probabilities (proper scoring rules): log loss and Brier score.
 */
import { MetricInputError } from '../errors.ts';
import { requireBinary, requireFinite, requireNonEmpty, requireProbabilities, requireSameLength } from '../validate.ts';

/** Default clipping for log loss: machine epsilon for float64, 2.220446049250313e-16. */
export const LOG_LOSS_EPSILON = Number.EPSILON;

export interface LogLossOptions {
  /**
   * Probabilities are clipped to [eps, 1 - eps] so a confident wrong answer costs a large but
   * finite amount (-ln(2.22e-16) ≈ 36.04). Default Number.EPSILON, as scikit-learn's
   * eps='auto' for float64 (scikit-learn < 1.3 used 1e-15). Must be in (0, 0.5).
   */
  eps?: number;
}

function requirePairs(yTrue: readonly number[], probs: readonly number[], metric: string): void {
  requireNonEmpty(yTrue, 'yTrue', metric);
  requireSameLength(yTrue, probs, 'yTrue', 'probs', metric);
  requireBinary(yTrue, 'yTrue', metric);
  requireProbabilities(probs, 'probs', metric);
}

/**
 * Log loss (binary cross-entropy): the mean negative log-likelihood of the labels under the
 * predicted probabilities of class 1.
 *
 * Formula: -(1/n) Σ [yᵢ·ln(pᵢ) + (1 - yᵢ)·ln(1 - pᵢ)], natural log, with pᵢ clipped to
 * [eps, 1 - eps] (eps = Number.EPSILON by default; see LogLossOptions).
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.log_loss.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param probs predicted probability of class 1 for each example, in [0, 1].
 * @param options eps for clipping.
 * @throws MetricInputError for empty or mismatched input, a label other than 0/1, a
 *   probability outside [0, 1] or NaN, or eps outside (0, 0.5).
 * @example
 * logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]); // 0.21616187468057912
 */
export function logLoss(yTrue: readonly number[], probs: readonly number[], options: LogLossOptions = {}): number {
  const metric = 'Log loss';
  requirePairs(yTrue, probs, metric);
  const eps = options.eps ?? LOG_LOSS_EPSILON;
  requireFinite(eps, 'eps', metric);
  if (eps <= 0 || eps >= 0.5) {
    throw new MetricInputError(`${metric}: eps is ${eps}; it must be between 0 and 0.5 (exclusive).`, 'out-of-range');
  }
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probs[i] as number));
    total -= yTrue[i] === 1 ? Math.log(p) : Math.log1p(-p);
  }
  return total / yTrue.length;
}

/**
 * Brier score: the mean squared difference between the predicted probability of class 1 and
 * the label. 0 is perfect; always predicting 0.5 scores 0.25.
 *
 * Formula: (1/n) Σ (pᵢ - yᵢ)².
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.brier_score_loss.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param probs predicted probability of class 1 for each example, in [0, 1].
 * @throws MetricInputError for empty or mismatched input, a label other than 0/1, or a
 *   probability outside [0, 1] or NaN.
 * @example
 * brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]); // 0.0375
 */
export function brierScore(yTrue: readonly number[], probs: readonly number[]): number {
  requirePairs(yTrue, probs, 'Brier score');
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const difference = (probs[i] as number) - (yTrue[i] as number);
    total += difference * difference;
  }
  return total / yTrue.length;
}
