/**
 * Group-fairness disparities as fairlearn computes them (method='between_groups'):
 * differences are max - min over groups, ratios are min / max.
 */
import { MetricInputError } from '../errors.ts';
import { computeGroupMetrics, type GroupRates, type GroupValue } from './group-metrics.ts';

/**
 * What to do with a group whose rate is 0/0 (e.g. TPR in a group with no positive labels):
 * - 'throw' (default): MetricInputError naming the group, because the gap is not known;
 * - 'exclude': compare only the groups where the rate is defined;
 * - 'zero': treat the rate as 0, which is what fairlearn does (via scikit-learn's 0/0 -> 0).
 */
export type UndefinedGroupPolicy = 'throw' | 'exclude' | 'zero';

export interface DisparityOptions {
  undefinedGroups?: UndefinedGroupPolicy;
}

type RateName = 'tpr' | 'fpr' | 'precision';

const WHY_UNDEFINED: Record<RateName, string> = {
  tpr: 'has no positive labels, so its true positive rate is 0/0',
  fpr: 'has no negative labels, so its false positive rate is 0/0',
  precision: 'has no positive predictions, so its precision is 0/0',
};

/** The defined values of one rate across groups, after applying the policy. */
function rateValues(
  table: Record<string, GroupRates>,
  rate: RateName,
  policy: UndefinedGroupPolicy,
  metric: string,
): number[] {
  if (policy !== 'throw' && policy !== 'exclude' && policy !== 'zero') {
    throw new MetricInputError(
      `${metric}: undefinedGroups is ${String(policy)}; use 'throw', 'exclude' or 'zero'.`,
      'out-of-range',
    );
  }
  const values: number[] = [];
  for (const [group, rates] of Object.entries(table)) {
    const value = rates[rate];
    if (value !== null) values.push(value);
    else if (policy === 'zero') values.push(0);
    else if (policy === 'throw') {
      throw new MetricInputError(
        `${metric} is undefined: group "${group}" ${WHY_UNDEFINED[rate]}. ` +
          `Add examples to that group, or pass { undefinedGroups: 'exclude' } to compare the others.`,
        'undefined',
      );
    }
  }
  if (values.length === 0) {
    throw new MetricInputError(`${metric} is undefined: every group ${WHY_UNDEFINED[rate]}.`, 'undefined');
  }
  return values;
}

function range(values: readonly number[]): number {
  return Math.max(...values) - Math.min(...values);
}

/**
 * Demographic parity difference: the gap between the highest and lowest selection rate
 * (share predicted positive) across groups. 0 means every group is selected equally often.
 *
 * Formula: max_g P(ŷ = 1 | A = g) - min_g P(ŷ = 1 | A = g). Always defined (every group has at
 * least one example); a single group gives 0.
 * Reference: https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.demographic_parity_difference.html
 *
 * @param yTrue true labels, each 0 or 1 (unused by the formula, checked for consistency as fairlearn).
 * @param yPred predicted labels, each 0 or 1.
 * @param groups sensitive-feature value of each example.
 * @throws MetricInputError for empty or mismatched arrays, labels other than 0/1, or a bad group value.
 * @example
 * demographicParityDifference([1, 0, 1, 0], [1, 1, 1, 0], ['a', 'a', 'b', 'b']); // 1 - 0.5 = 0.5
 */
export function demographicParityDifference(
  yTrue: readonly number[],
  yPred: readonly number[],
  groups: readonly GroupValue[],
): number {
  const table = computeGroupMetrics(yTrue, yPred, groups, 'Demographic parity difference');
  return range(Object.values(table).map((rates) => rates.selectionRate));
}

/**
 * Demographic parity ratio: the lowest selection rate divided by the highest. 1 means parity;
 * the "four-fifths rule" compares it with 0.8 (fairlearn's docs explain why that is often a
 * misuse).
 *
 * Formula: min_g P(ŷ = 1 | A = g) / max_g P(ŷ = 1 | A = g). When no group has a positive
 * prediction it is 0/0: we throw (fairlearn returns NaN).
 * Reference: https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.demographic_parity_ratio.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param yPred predicted labels, each 0 or 1.
 * @param groups sensitive-feature value of each example.
 * @throws MetricInputError for invalid input, or when every selection rate is 0.
 * @example
 * demographicParityRatio([1, 0, 1, 0], [1, 1, 1, 0], ['a', 'a', 'b', 'b']); // 0.5 / 1 = 0.5
 */
export function demographicParityRatio(
  yTrue: readonly number[],
  yPred: readonly number[],
  groups: readonly GroupValue[],
): number {
  const metric = 'Demographic parity ratio';
  const rates = Object.values(computeGroupMetrics(yTrue, yPred, groups, metric)).map((r) => r.selectionRate);
  const highest = Math.max(...rates);
  if (highest === 0) {
    throw new MetricInputError(
      `${metric} is undefined: no group has a positive prediction, so it is 0/0 (the difference is 0).`,
      'undefined',
    );
  }
  return Math.min(...rates) / highest;
}

/**
 * Equalized odds difference: the larger of the true-positive-rate gap and the
 * false-positive-rate gap across groups (fairlearn's agg='worst_case'). 0 means every group
 * has the same TPR and the same FPR.
 *
 * Formula: max(max_g TPR_g - min_g TPR_g, max_g FPR_g - min_g FPR_g).
 * Reference: https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.equalized_odds_difference.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param yPred predicted labels, each 0 or 1.
 * @param groups sensitive-feature value of each example.
 * @param options undefinedGroups: how to treat a group with no positives (TPR 0/0) or no
 *   negatives (FPR 0/0); default 'throw'; 'zero' reproduces fairlearn.
 * @throws MetricInputError for invalid input, or a group with an undefined rate under 'throw'.
 * @example
 * equalizedOddsDifference([1, 0, 1, 0], [1, 1, 1, 0], ['a', 'a', 'b', 'b']); // FPR gap 1 - 0 = 1
 */
export function equalizedOddsDifference(
  yTrue: readonly number[],
  yPred: readonly number[],
  groups: readonly GroupValue[],
  options: DisparityOptions = {},
): number {
  const metric = 'Equalized odds difference';
  const table = computeGroupMetrics(yTrue, yPred, groups, metric);
  const policy = options.undefinedGroups ?? 'throw';
  return Math.max(range(rateValues(table, 'tpr', policy, metric)), range(rateValues(table, 'fpr', policy, metric)));
}

/**
 * Equal opportunity difference: the gap between the highest and lowest true positive rate
 * (recall) across groups. 0 means qualified members of every group are found equally often.
 *
 * Formula: max_g P(ŷ = 1 | Y = 1, A = g) - min_g P(ŷ = 1 | Y = 1, A = g).
 * Reference: https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.equal_opportunity_difference.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param yPred predicted labels, each 0 or 1.
 * @param groups sensitive-feature value of each example.
 * @param options undefinedGroups for a group with no positive labels; default 'throw'.
 * @throws MetricInputError for invalid input, or a group with no positive labels under 'throw'.
 * @example
 * equalOpportunityDifference([1, 1, 1, 1], [1, 0, 1, 1], ['a', 'a', 'b', 'b']); // 1 - 0.5 = 0.5
 */
export function equalOpportunityDifference(
  yTrue: readonly number[],
  yPred: readonly number[],
  groups: readonly GroupValue[],
  options: DisparityOptions = {},
): number {
  const metric = 'Equal opportunity difference';
  const table = computeGroupMetrics(yTrue, yPred, groups, metric);
  return range(rateValues(table, 'tpr', options.undefinedGroups ?? 'throw', metric));
}

/**
 * Predictive parity difference: the gap between the highest and lowest precision (positive
 * predictive value) across groups. 0 means a positive prediction is equally reliable for
 * every group. (fairlearn has no named function; this is MetricFrame(precision_score).difference().)
 *
 * Formula: max_g P(Y = 1 | ŷ = 1, A = g) - min_g P(Y = 1 | ŷ = 1, A = g).
 * Reference: https://fairlearn.org/main/api_reference/generated/fairlearn.metrics.MetricFrame.html
 *
 * @param yTrue true labels, each 0 or 1.
 * @param yPred predicted labels, each 0 or 1.
 * @param groups sensitive-feature value of each example.
 * @param options undefinedGroups for a group with no positive predictions; default 'throw'.
 * @throws MetricInputError for invalid input, or a group with no positive predictions under 'throw'.
 * @example
 * predictiveParityDifference([1, 0, 1, 1], [1, 1, 1, 1], ['a', 'a', 'b', 'b']); // 1 - 0.5 = 0.5
 */
export function predictiveParityDifference(
  yTrue: readonly number[],
  yPred: readonly number[],
  groups: readonly GroupValue[],
  options: DisparityOptions = {},
): number {
  const metric = 'Predictive parity difference';
  const table = computeGroupMetrics(yTrue, yPred, groups, metric);
  return range(rateValues(table, 'precision', options.undefinedGroups ?? 'throw', metric));
}
