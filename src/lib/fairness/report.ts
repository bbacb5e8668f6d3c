/**
 * The fairness report the fairness explorer shows: every group's rates and every gap between
 * groups at given per-group thresholds, with each rate or gap that is 0/0 reported as null and
 * the reason listed, instead of a made-up 0.
 */
import { MetricInputError } from '../errors.ts';
import { accuracy } from '../metrics/classification.ts';
import { confusionMatrix } from '../metrics/confusion.ts';
import {
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  equalOpportunityDifference,
  predictiveParityDifference,
} from './disparity.ts';
import { groupMetrics, type GroupRates } from './group-metrics.ts';
import { predictWithThresholds, type GroupedData } from './policies.ts';

/** A group rate with no value: TPR without positives, FPR without negatives, precision with nobody selected. */
export interface UndefinedRate {
  group: string;
  rate: 'tpr' | 'fpr' | 'precision';
}

export interface FairnessReport {
  table: Record<string, GroupRates>;
  accuracy: number;
  dpDifference: number;
  /** Lowest over highest selection rate, or null when nobody is selected anywhere (0/0). */
  dpRatio: number | null;
  /** Gaps over the groups where the rate is defined; null when fewer than two groups have it. */
  eoDifference: number | null;
  eoddsDifference: number | null;
  ppDifference: number | null;
  undefinedRates: UndefinedRate[];
}

/**
 * Group rates and fairness gaps (fairlearn's definitions) of a scored population cut at a
 * threshold per group. Groups whose rate is 0/0 are left out of that rate's gap, as fairlearn's
 * `undefinedGroups: 'exclude'` behaviour here; a gap with fewer than two groups left is null.
 *
 * @throws MetricInputError for invalid data or a group without a threshold.
 * @example
 * fairnessReport({ yTrue: [1, 0, 1, 0], scores: [0.9, 0.2, 0.4, 0.6], groups: ['A', 'A', 'B', 'B'] }, { A: 0.5, B: 0.5 }).dpDifference; // 0
 */
export function fairnessReport(data: GroupedData, thresholds: Record<string, number>): FairnessReport {
  const yPred = predictWithThresholds(data.scores, data.groups, thresholds);
  const table = groupMetrics(data.yTrue, yPred, data.groups);
  const rows = Object.entries(table);
  const undefinedRates: UndefinedRate[] = rows.flatMap(([group, rates]) =>
    (['tpr', 'fpr', 'precision'] as const).filter((rate) => rates[rate] === null).map((rate) => ({ group, rate })),
  );
  const defined = (rate: UndefinedRate['rate']) => rows.filter(([, r]) => r[rate] !== null).length >= 2;
  const options = { undefinedGroups: 'exclude' } as const;
  let dpRatio: number | null = null;
  try {
    dpRatio = demographicParityRatio(data.yTrue, yPred, data.groups);
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
  }
  return {
    table,
    accuracy: accuracy(confusionMatrix(data.yTrue, yPred)),
    dpDifference: demographicParityDifference(data.yTrue, yPred, data.groups),
    dpRatio,
    eoDifference: defined('tpr') ? equalOpportunityDifference(data.yTrue, yPred, data.groups, options) : null,
    eoddsDifference:
      defined('tpr') && defined('fpr') ? equalizedOddsDifference(data.yTrue, yPred, data.groups, options) : null,
    ppDifference: defined('precision') ? predictiveParityDifference(data.yTrue, yPred, data.groups, options) : null,
    undefinedRates,
  };
}
