/**
 * The metrics API used by every widget: pure functions, no DOM, each documented with its
 * formula and a scikit-learn / scipy / fairlearn / statsmodels reference. Invalid input and
 * undefined cases throw MetricInputError (or return a documented value); nothing returns NaN.
 *
 * Drift, fairness and experiment functions live in their own folders and are re-exported here,
 * so a widget needs one import.
 */
export { MetricInputError, type MetricInputErrorCode } from '../errors.ts';

export { confusionMatrix, confusionAtThreshold, type BinaryLabel, type ConfusionCounts } from './confusion.ts';
export {
  accuracy,
  precision,
  recall,
  specificity,
  f1Score,
  fBeta,
  matthewsCorrcoef,
  classificationMetrics,
  type ClassificationMetrics,
  type ZeroDivision,
  type ZeroDivisionOptions,
} from './classification.ts';
export { rocCurve, rocAuc, type RocCurve, type RocCurveOptions } from './roc.ts';
export { precisionRecallCurve, averagePrecision, type PrecisionRecallCurve } from './precision-recall.ts';
export { logLoss, brierScore, LOG_LOSS_EPSILON, type LogLossOptions } from './probabilistic.ts';
export { calibrationCurve, expectedCalibrationError, type CalibrationCurve } from './calibration.ts';
export { dcg, ndcg, type GainKind, type GainOptions } from './ranking.ts';
export {
  reciprocalRank,
  precisionAtK,
  recallAtK,
  averagePrecisionAtK,
  meanReciprocalRank,
  meanAveragePrecision,
} from './retrieval.ts';

export * from '../drift/index.ts';
export * from '../fairness/index.ts';
export * from '../experiments/index.ts';
