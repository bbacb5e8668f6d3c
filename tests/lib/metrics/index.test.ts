import { describe, expect, it } from 'vitest';
import * as metrics from '~/lib/metrics/index.ts';
import * as drift from '~/lib/drift/index.ts';
import * as fairness from '~/lib/fairness/index.ts';
import * as experiments from '~/lib/experiments/index.ts';
import { MetricInputError } from '~/lib/errors.ts';

// The stable API: widgets import these names from src/lib/metrics/index.ts.
const METRICS = [
  'confusionMatrix',
  'confusionAtThreshold',
  'accuracy',
  'precision',
  'recall',
  'specificity',
  'f1Score',
  'fBeta',
  'matthewsCorrcoef',
  'classificationMetrics',
  'rocCurve',
  'rocAuc',
  'precisionRecallCurve',
  'averagePrecision',
  'logLoss',
  'brierScore',
  'calibrationCurve',
  'expectedCalibrationError',
  'dcg',
  'ndcg',
  'reciprocalRank',
  'precisionAtK',
  'recallAtK',
  'averagePrecisionAtK',
  'meanReciprocalRank',
  'meanAveragePrecision',
];
const DRIFT = [
  'psi',
  'psiBinContributions',
  'klDivergence',
  'jsDivergence',
  'jsDistance',
  'ksStatistic',
  'ksTest',
  'kolmogorovSurvival',
  'chiSquareTest',
  'histogram',
  'quantile',
  'quantileEdges',
];
const FAIRNESS = [
  'groupMetrics',
  'demographicParityDifference',
  'demographicParityRatio',
  'equalizedOddsDifference',
  'equalOpportunityDifference',
  'predictiveParityDifference',
];
const EXPERIMENTS = ['sampleSizePerVariant', 'twoProportionZTest', 'simulatePeeking'];

describe('src/lib/metrics/index.ts', () => {
  it.each([...METRICS, ...DRIFT, ...FAIRNESS, ...EXPERIMENTS])('exports %s', (name) => {
    expect(typeof (metrics as Record<string, unknown>)[name]).toBe('function');
  });

  it('re-exports the drift, fairness and experiments modules unchanged', () => {
    for (const name of DRIFT)
      expect((metrics as Record<string, unknown>)[name]).toBe((drift as Record<string, unknown>)[name]);
    for (const name of FAIRNESS)
      expect((metrics as Record<string, unknown>)[name]).toBe((fairness as Record<string, unknown>)[name]);
    for (const name of EXPERIMENTS) {
      expect((metrics as Record<string, unknown>)[name]).toBe((experiments as Record<string, unknown>)[name]);
    }
  });

  it('exports the error class and the documented constants', () => {
    expect(metrics.MetricInputError).toBe(MetricInputError);
    expect(metrics.LOG_LOSS_EPSILON).toBe(Number.EPSILON);
    expect(metrics.PSI_EPSILON).toBe(1e-4);
  });
});
