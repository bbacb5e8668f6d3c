/**
 * Threshold policies for a scored classifier with a sensitive attribute: which cut-off each group
 * gets under four common rules (one threshold for everyone, per-group thresholds that equalize
 * selection rates or true positive rates, or each group's own most accurate threshold). Built on
 * src/lib/fairness's groupMetrics; pure, no DOM. Thresholds are searched on a grid, so every
 * policy is reproducible and a parity is met within a stated tolerance.
 */
import { MetricInputError } from '../errors.ts';
import { groupMetrics, type GroupRates } from './group-metrics.ts';
import { requireBinary, requireFiniteValues, requireNonEmpty, requireSameLength } from '../validate.ts';

/** Scores, true labels and the group of each example. */
export interface GroupedData {
  yTrue: readonly number[];
  scores: readonly number[];
  groups: readonly string[];
}

/** Thresholds 0, 0.01, ..., 1: the default grid every policy searches. */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);

/** Largest gap a parity policy accepts by default (selection rates or TPRs within 0.01). */
export const PARITY_TOLERANCE = 0.01;

function requireData(data: GroupedData, metric: string): void {
  requireNonEmpty(data.yTrue, 'yTrue', metric);
  requireSameLength(data.yTrue, data.scores, 'yTrue', 'scores', metric);
  requireSameLength(data.yTrue, data.groups, 'yTrue', 'groups', metric);
  requireBinary(data.yTrue, 'yTrue', metric);
  requireFiniteValues(data.scores, 'scores', metric);
}

/**
 * Predictions with one threshold per group: ŷᵢ = 1 when scoreᵢ >= threshold of groupᵢ (the ">="
 * of confusionAtThreshold and scikit-learn's roc_curve).
 *
 * @param scores model scores (finite).
 * @param groups group of each example, same length.
 * @param thresholds a threshold for every group that occurs.
 * @throws MetricInputError if lengths differ, a score is not finite, or a group has no threshold
 *   or a NaN one.
 * @example
 * predictWithThresholds([0.3, 0.6, 0.3], ['a', 'a', 'b'], { a: 0.5, b: 0.2 }); // [0, 1, 1]
 */
export function predictWithThresholds(
  scores: readonly number[],
  groups: readonly string[],
  thresholds: Readonly<Record<string, number>>,
): (0 | 1)[] {
  const metric = 'Per-group thresholds';
  requireSameLength(scores, groups, 'scores', 'groups', metric);
  requireFiniteValues(scores, 'scores', metric);
  return scores.map((score, i) => {
    const group = groups[i] as string;
    const threshold = Object.hasOwn(thresholds, group) ? thresholds[group] : undefined;
    if (threshold === undefined || Number.isNaN(threshold)) {
      throw new MetricInputError(`${metric}: group "${group}" has no threshold.`, 'undefined');
    }
    return score >= threshold ? 1 : 0;
  });
}

/** Share of each group with label 1, keyed by group in order of first appearance. */
export function groupBaseRates(yTrue: readonly number[], groups: readonly string[]): Record<string, number> {
  const metric = 'Group base rates';
  requireNonEmpty(yTrue, 'yTrue', metric);
  requireSameLength(yTrue, groups, 'yTrue', 'groups', metric);
  requireBinary(yTrue, 'yTrue', metric);
  const counts = new Map<string, { n: number; positives: number }>();
  groups.forEach((group, i) => {
    const c = counts.get(group) ?? { n: 0, positives: 0 };
    c.n++;
    c.positives += yTrue[i] as number;
    counts.set(group, c);
  });
  return Object.fromEntries([...counts].map(([group, c]) => [group, c.positives / c.n]));
}

/** Every group's rates at every threshold of a grid. */
export interface ThresholdSweep {
  thresholds: readonly number[];
  /** Group names in order of first appearance. */
  groups: string[];
  /** rates[group][k]: groupMetrics of that group with everyone cut at thresholds[k]. */
  rates: Record<string, GroupRates[]>;
}

/**
 * Sweeps a grid of thresholds and records each group's rates (selection rate, TPR, FPR,
 * precision, confusion counts) at each, with groupMetrics. O(grid · n).
 *
 * @param data scores, labels and groups.
 * @param grid thresholds to try, finite and strictly increasing (default 0, 0.01, ..., 1).
 * @throws MetricInputError for empty or mismatched arrays, labels other than 0/1, non-finite
 *   scores, or a bad grid.
 * @example
 * thresholdSweep({ yTrue: [1, 0], scores: [0.8, 0.3], groups: ['a', 'b'] }, [0, 0.5, 1]).rates.a[1].tpr; // 1
 */
export function thresholdSweep(data: GroupedData, grid: readonly number[] = THRESHOLD_GRID): ThresholdSweep {
  const metric = 'Threshold sweep';
  requireData(data, metric);
  requireNonEmpty(grid, 'grid', metric);
  requireFiniteValues(grid, 'grid', metric);
  for (let k = 1; k < grid.length; k++) {
    if ((grid[k] as number) <= (grid[k - 1] as number)) {
      throw new MetricInputError(
        `${metric}: the grid must increase strictly (grid[${k}] = ${grid[k]}).`,
        'out-of-range',
      );
    }
  }
  const groups = [...new Set(data.groups)];
  const rates: Record<string, GroupRates[]> = Object.fromEntries(groups.map((g) => [g, []]));
  for (const threshold of grid) {
    const yPred = data.scores.map((s) => (s >= threshold ? 1 : 0));
    const table = groupMetrics(data.yTrue, yPred, data.groups);
    for (const g of groups) rates[g].push(table[g]);
  }
  return { thresholds: grid, groups, rates };
}

const correct = (r: GroupRates) => r.confusion.tp + r.confusion.tn;

/** Index of the largest value (the first one on ties). */
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if ((values[k] as number) > (values[best] as number)) best = k;
  return best;
}

/**
 * Group-unaware policy: one threshold for everyone, the grid value with the highest overall
 * accuracy (the lowest such threshold on ties).
 *
 * Formula: t* = argmax_t Σ_g (TP_g(t) + TN_g(t)); every group gets t*.
 * @example
 * const data = { yTrue: [1, 1, 0, 0, 1, 1, 0, 0], scores: [0.9, 0.6, 0.4, 0.2, 0.8, 0.3, 0.5, 0.1],
 *   groups: ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'] };
 * groupUnawareThresholds(thresholdSweep(data)); // { A: 0.51, B: 0.51 }
 */
export function groupUnawareThresholds(sweep: ThresholdSweep): Record<string, number> {
  const totals = sweep.thresholds.map((_, k) => sweep.groups.reduce((sum, g) => sum + correct(sweep.rates[g][k]), 0));
  const t = sweep.thresholds[argmax(totals)] as number;
  return Object.fromEntries(sweep.groups.map((g) => [g, t]));
}

/**
 * Best accuracy per group: each group gets the grid threshold that maximises its own accuracy
 * (the lowest such threshold on ties). This ignores every parity criterion.
 *
 * Formula: t*_g = argmax_t (TP_g(t) + TN_g(t)).
 * @example
 * const data = { yTrue: [1, 1, 0, 0, 1, 1, 0, 0], scores: [0.9, 0.6, 0.4, 0.2, 0.8, 0.3, 0.5, 0.1],
 *   groups: ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'] };
 * bestAccuracyThresholds(thresholdSweep(data)); // { A: 0.41, B: 0.11 }
 */
export function bestAccuracyThresholds(sweep: ThresholdSweep): Record<string, number> {
  return Object.fromEntries(
    sweep.groups.map((g) => [g, sweep.thresholds[argmax(sweep.rates[g].map(correct))] as number]),
  );
}

export interface ParityOptions {
  /** Largest accepted gap between the groups' rates (default 0.01). */
  tolerance?: number;
}

/**
 * The per-group thresholds with the highest overall accuracy among those whose chosen rate
 * (max - min over groups) differs by at most `tolerance`. Exact over the grid: the lowest rate
 * of any feasible choice is some group's rate r, so we try each r with the window [r, r + tol]
 * and let each group pick its most accurate threshold inside it.
 */
function parityThresholds(
  sweep: ThresholdSweep,
  rateOf: (r: GroupRates, group: string) => number,
  tolerance: number,
  metric: string,
): Record<string, number> {
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) {
    throw new MetricInputError(
      `${metric}: tolerance is ${tolerance}; it must be a finite number >= 0.`,
      'out-of-range',
    );
  }
  const values = Object.fromEntries(sweep.groups.map((g) => [g, sweep.rates[g].map((r) => rateOf(r, g))]));
  const targets = [...new Set(Object.values(values).flat())].sort((a, b) => a - b);
  let best: { total: number; picks: Record<string, number> } | null = null;
  const slack = 1e-12; // rates are ratios of counts; keep equal ones equal despite rounding
  for (const low of targets) {
    const picks: Record<string, number> = {};
    let total = 0;
    let feasible = true;
    for (const g of sweep.groups) {
      let pick = -1;
      values[g].forEach((v, k) => {
        if (
          v >= low - slack &&
          v <= low + tolerance + slack &&
          (pick < 0 || correct(sweep.rates[g][k]) > correct(sweep.rates[g][pick]))
        )
          pick = k;
      });
      if (pick < 0) {
        feasible = false;
        break;
      }
      picks[g] = sweep.thresholds[pick] as number;
      total += correct(sweep.rates[g][pick]);
    }
    if (feasible && (best === null || total > best.total)) best = { total, picks };
  }
  if (best === null) {
    throw new MetricInputError(
      `${metric}: no thresholds on the grid bring the groups within ${tolerance} of each other.`,
      'undefined',
    );
  }
  return best.picks;
}

/**
 * Demographic-parity policy: per-group thresholds whose selection rates differ by at most
 * `tolerance`, the most accurate such choice on the grid.
 *
 * Formula: maximise Σ_g (TP_g(t_g) + TN_g(t_g)) subject to max_g SR_g(t_g) - min_g SR_g(t_g) <= tol.
 * Reference: fairlearn's ThresholdOptimizer(constraints='demographic_parity') solves the same
 * problem with randomised thresholds, https://fairlearn.org/main/user_guide/mitigation/postprocessing.html
 * @throws MetricInputError if tolerance is negative or no choice is within it.
 * @example
 * const data = { yTrue: [1, 1, 0, 0, 1, 1, 0, 0], scores: [0.9, 0.6, 0.4, 0.2, 0.8, 0.3, 0.5, 0.1],
 *   groups: ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'] };
 * demographicParityThresholds(thresholdSweep(data)); // { A: 0.61, B: 0.51 }: one in four selected in each
 */
export function demographicParityThresholds(
  sweep: ThresholdSweep,
  options: ParityOptions = {},
): Record<string, number> {
  return parityThresholds(
    sweep,
    (r) => r.selectionRate,
    options.tolerance ?? PARITY_TOLERANCE,
    'Demographic parity thresholds',
  );
}

/**
 * Equal-opportunity policy: per-group thresholds whose true positive rates differ by at most
 * `tolerance`, the most accurate such choice on the grid (Hardt, Price and Srebro, 2016).
 *
 * Formula: maximise Σ_g (TP_g(t_g) + TN_g(t_g)) subject to max_g TPR_g(t_g) - min_g TPR_g(t_g) <= tol.
 * Reference: https://arxiv.org/abs/1610.02413
 * @throws MetricInputError if a group has no positive labels (its TPR is 0/0 at every threshold),
 *   tolerance is negative, or no choice is within it.
 * @example
 * const data = { yTrue: [1, 1, 0, 0, 1, 1, 0, 0], scores: [0.9, 0.6, 0.4, 0.2, 0.8, 0.3, 0.5, 0.1],
 *   groups: ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B'] };
 * equalOpportunityThresholds(thresholdSweep(data)); // { A: 0.41, B: 0.11 }: TPR 1 in both
 */
export function equalOpportunityThresholds(sweep: ThresholdSweep, options: ParityOptions = {}): Record<string, number> {
  const metric = 'Equal opportunity thresholds';
  return parityThresholds(
    sweep,
    (r, group) => {
      if (r.tpr === null) {
        throw new MetricInputError(
          `${metric}: group "${group}" has no positive labels, so its true positive rate is 0/0 at every threshold.`,
          'undefined',
        );
      }
      return r.tpr;
    },
    options.tolerance ?? PARITY_TOLERANCE,
    metric,
  );
}

export type PolicyName = 'groupUnaware' | 'demographicParity' | 'equalOpportunity' | 'bestPerGroup';

export const POLICY_NAMES: readonly PolicyName[] = [
  'groupUnaware',
  'demographicParity',
  'equalOpportunity',
  'bestPerGroup',
];

/** The thresholds of a named policy (see the functions above). */
export function policyThresholds(
  name: PolicyName,
  sweep: ThresholdSweep,
  options: ParityOptions = {},
): Record<string, number> {
  switch (name) {
    case 'groupUnaware':
      return groupUnawareThresholds(sweep);
    case 'demographicParity':
      return demographicParityThresholds(sweep, options);
    case 'equalOpportunity':
      return equalOpportunityThresholds(sweep, options);
    case 'bestPerGroup':
      return bestAccuracyThresholds(sweep);
    default:
      throw new MetricInputError(`Threshold policy: unknown policy "${String(name)}".`, 'out-of-range');
  }
}
