/**
 * Group-fairness metrics (fairlearn's definitions): per-group rates and the gaps between them.
 * Pure functions, no DOM; every invalid or undefined case throws MetricInputError.
 */
export { groupMetrics, type GroupRates, type GroupValue } from './group-metrics.ts';
export {
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  equalOpportunityDifference,
  predictiveParityDifference,
  type DisparityOptions,
  type UndefinedGroupPolicy,
} from './disparity.ts';
