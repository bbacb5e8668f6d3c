/**
 * Agreement between two raters, e.g. a human and an LLM judge: the confusion of their labels,
 * raw agreement, Cohen's kappa (agreement beyond chance), and the position bias of pairwise
 * judgements asked in both orders.
 */
import { MetricInputError } from '../errors.ts';
import { requireInRange, requireNonEmpty, requireSameLength } from '../validate.ts';

/** A label: every label of one call must have the same type (all strings, all numbers or all booleans). */
export type Label = string | number | boolean;

export interface LabelConfusion<L extends Label> {
  /** The labels used by either rater, sorted as numpy.unique sorts them. */
  labels: L[];
  /** matrix[i][j] = items rater A labeled labels[i] and rater B labeled labels[j]. */
  matrix: number[][];
}

function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  return Number(a) - Number(b);
}

function requireLabels(labels: readonly Label[], name: string, metric: string, type: string): void {
  labels.forEach((label, i) => {
    if (typeof label !== type) {
      throw new MetricInputError(
        `${metric}: ${name}[${i}] is ${JSON.stringify(label)} (${typeof label}) but the first label is a ${type}; ` +
          'use one type of label for both raters.',
        'out-of-range',
      );
    }
    if (typeof label === 'number' && !Number.isFinite(label)) {
      throw new MetricInputError(`${metric}: ${name}[${i}] is ${label}; a numeric label must be finite.`, 'not-finite');
    }
  });
}

/**
 * Label confusion matrix of two raters over the labels either of them used.
 *
 * Formula: matrix[i][j] = #{items with a = labels[i] and b = labels[j]}; labels sorted ascending
 * (numbers numerically, false before true, strings by UTF-16 code unit, which matches numpy's
 * code-point order outside the astral planes), as scikit-learn's confusion_matrix with labels=None.
 * Reference: https://scikit-learn.org/stable/modules/generated/sklearn.metrics.confusion_matrix.html
 *
 * @throws MetricInputError if the lists are empty or differ in length, mix label types, or hold a
 *   non-finite number.
 * @example
 * labelConfusion(['cat', 'ant', 'cat', 'cat', 'ant', 'bird'], ['ant', 'ant', 'cat', 'cat', 'ant', 'cat']);
 * // { labels: ['ant', 'bird', 'cat'], matrix: [[2, 0, 0], [0, 0, 1], [1, 0, 2]] } (scikit-learn's example)
 */
export function labelConfusion<L extends Label>(labelsA: readonly L[], labelsB: readonly L[]): LabelConfusion<L> {
  return confusionOf(labelsA, labelsB, 'Label confusion');
}

function confusionOf<L extends Label>(labelsA: readonly L[], labelsB: readonly L[], metric: string): LabelConfusion<L> {
  requireNonEmpty(labelsA, 'labelsA', metric);
  requireSameLength(labelsA, labelsB, 'labelsA', 'labelsB', metric);
  const type = typeof labelsA[0];
  requireLabels(labelsA, 'labelsA', metric, type);
  requireLabels(labelsB, 'labelsB', metric, type);
  const labels = [...new Set<L>([...labelsA, ...labelsB])].sort(compareLabels);
  const position = new Map<L, number>(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let i = 0; i < labelsA.length; i++) {
    const row = matrix[position.get(labelsA[i] as L) as number] as number[];
    const column = position.get(labelsB[i] as L) as number;
    row[column] = (row[column] as number) + 1;
  }
  return { labels, matrix };
}

/**
 * Raw (observed) agreement: the share of items both raters labeled the same.
 *
 * Formula: p_o = #{i : a_i = b_i} / n.
 * Reference: https://en.wikipedia.org/wiki/Cohen%27s_kappa
 *
 * @throws MetricInputError if the lists are empty, differ in length, mix label types or hold a
 *   non-finite number.
 * @example
 * rawAgreement(['yes', 'no', 'yes', 'yes'], ['yes', 'no', 'no', 'yes']); // 0.75
 */
export function rawAgreement<L extends Label>(labelsA: readonly L[], labelsB: readonly L[]): number {
  const { matrix } = confusionOf(labelsA, labelsB, 'Raw agreement');
  let agree = 0;
  matrix.forEach((row, i) => (agree += row[i] as number));
  return agree / labelsA.length;
}

/**
 * Chance agreement: how often two raters would agree if each labeled independently at their own
 * label frequencies, the p_e of Cohen's kappa.
 *
 * Formula: p_e = Σ_l (n_A(l) / n) × (n_B(l) / n), over the labels either rater used.
 * Reference: Cohen 1960, https://doi.org/10.1177/001316446002000104
 *
 * @throws MetricInputError if the lists are empty, differ in length, mix label types or hold a
 *   non-finite number.
 * @example
 * chanceAgreement(['pass', 'pass', 'fail', 'pass'], ['pass', 'fail', 'fail', 'pass']); // 0.75 × 0.5 + 0.25 × 0.5 = 0.5
 */
export function chanceAgreement<L extends Label>(labelsA: readonly L[], labelsB: readonly L[]): number {
  const { labels, matrix } = confusionOf(labelsA, labelsB, 'Chance agreement');
  const n = labelsA.length;
  let expected = 0;
  labels.forEach((_, i) => {
    const rowSum = (matrix[i] as number[]).reduce((total, count) => total + count, 0);
    const columnSum = matrix.reduce((total, row) => total + (row[i] as number), 0);
    expected += (rowSum / n) * (columnSum / n);
  });
  return expected;
}

export interface CohenKappaOptions {
  /**
   * Value to return when kappa is 0/0 (both raters used the same single label); a number in
   * [−1, 1], like scikit-learn's replace_undefined_by. By default a MetricInputError is thrown.
   */
  replaceUndefinedBy?: number;
}

/**
 * Cohen's kappa: agreement between two raters beyond what their label frequencies would give by chance.
 *
 * Formula: κ = (p_o − p_e) / (1 − p_e), with p_o the raw agreement and p_e = Σ_l (n_A(l) / n)
 * (n_B(l) / n) the agreement expected if the raters labeled independently with their own
 * frequencies; computed as scikit-learn does, κ = 1 − Σ_{i≠j} C_ij / Σ_{i≠j} E_ij with
 * E = outer(column sums, row sums) / n (unweighted kappa, any label type). 1 is perfect
 * agreement, 0 chance level, below 0 worse than chance.
 * Undefined case: when both raters give every item the same single label, p_o = p_e = 1 and κ is
 * 0/0. Older scikit-learn returns NaN there; recent releases return a configurable replacement
 * (zero_division, later replace_undefined_by) with an UndefinedMetricWarning. A NaN must not reach the page, and 1 would claim a skill nobody showed (the raters
 * never had to discriminate), so by default this throws a MetricInputError with code
 * 'undefined' saying why; pass replaceUndefinedBy to get a number instead. Two raters who each
 * use a different single label are defined: κ = 0 (p_o = 0, p_e = 0).
 * Reference: Cohen, "A Coefficient of Agreement for Nominal Scales", 1960,
 * https://doi.org/10.1177/001316446002000104 ;
 * https://scikit-learn.org/stable/modules/generated/sklearn.metrics.cohen_kappa_score.html
 *
 * @throws MetricInputError if the lists are empty or differ in length, mix label types, hold a
 *   non-finite number, replaceUndefinedBy is outside [−1, 1], or κ is undefined and no
 *   replaceUndefinedBy was given.
 * @example
 * cohenKappa(['negative', 'positive', 'negative', 'neutral', 'positive'],
 *   ['negative', 'positive', 'negative', 'neutral', 'negative']); // 0.6875 (scikit-learn's docstring example)
 */
export function cohenKappa<L extends Label>(
  labelsA: readonly L[],
  labelsB: readonly L[],
  options: CohenKappaOptions = {},
): number {
  const metric = "Cohen's kappa";
  if (options.replaceUndefinedBy !== undefined) {
    requireInRange(options.replaceUndefinedBy, 'replaceUndefinedBy', metric, -1, 1);
  }
  const { labels, matrix } = confusionOf(labelsA, labelsB, metric);
  const n = labelsA.length;
  const rowSums = matrix.map((row) => row.reduce((total, count) => total + count, 0));
  const columnSums = labels.map((_, j) => matrix.reduce((total, row) => total + (row[j] as number), 0));
  let disagreement = 0;
  let expectedDisagreement = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = 0; j < labels.length; j++) {
      if (i === j) continue;
      disagreement += (matrix[i] as number[])[j] as number;
      expectedDisagreement += ((columnSums[i] as number) * (rowSums[j] as number)) / n;
    }
  }
  if (expectedDisagreement === 0) {
    if (options.replaceUndefinedBy !== undefined) return options.replaceUndefinedBy;
    throw new MetricInputError(
      `${metric} is undefined: both raters gave every item the same label (${JSON.stringify(labels[0])}), so ` +
        'chance agreement is already 100% (0/0). Raw agreement is 100%; add items with other labels to measure kappa.',
      'undefined',
    );
  }
  return 1 - disagreement / expectedDisagreement;
}

/**
 * Reading of a kappa value on the Landis & Koch scale.
 *
 * Formula: < 0 poor; 0–0.20 slight; 0.21–0.40 fair; 0.41–0.60 moderate; 0.61–0.80 substantial;
 * 0.81–1 almost perfect (upper bounds inclusive). The bands are a convention, not a test.
 * Reference: Landis & Koch, "The Measurement of Observer Agreement for Categorical Data",
 * Biometrics 1977, https://doi.org/10.2307/2529310
 *
 * @throws MetricInputError if kappa is outside [−1, 1] or not finite.
 * @example
 * kappaReading(0.6875); // 'substantial'
 */
export function kappaReading(
  kappa: number,
): 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect' {
  requireInRange(kappa, 'kappa', 'Kappa reading', -1, 1);
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** Which answer a pairwise judge preferred: 'A', 'B' (the answers' identities, not positions) or 'tie'. */
export type PairwiseVerdict = 'A' | 'B' | 'tie';

/** One pair judged twice: first with A shown first, then with B shown first. */
export interface SwappedVerdicts {
  /** Verdict when A was shown in the first position. */
  aFirst: PairwiseVerdict;
  /** Verdict when B was shown in the first position. */
  bFirst: PairwiseVerdict;
}

export interface PositionBias {
  /** Pairs whose verdict changed when the order was swapped, as a share of all pairs. */
  flipRate: number;
  /** Flips toward whichever answer was shown first (A, then B), as a share of all pairs. */
  favorsFirst: number;
  /** Flips toward whichever answer was shown second (B, then A), as a share of all pairs. */
  favorsSecond: number;
  /** Flips between a win and a tie, as a share of all pairs. */
  tieFlips: number;
  /** Pairs judged. */
  pairs: number;
}

const VERDICTS: readonly PairwiseVerdict[] = ['A', 'B', 'tie'];

/**
 * Position bias of a pairwise LLM judge: how often its verdict changes when the two answers swap
 * places, and in which direction.
 *
 * Formula: each pair is judged with A first and with B first, verdicts naming the preferred
 * answer (not the position). flipRate = #{aFirst ≠ bFirst} / n; favorsFirst = #{aFirst = 'A',
 * bFirst = 'B'} / n (the judge picked whatever it read first); favorsSecond = #{aFirst = 'B',
 * bFirst = 'A'} / n; tieFlips = the remaining flips (a win one way, a tie the other). A judge
 * without position bias has flipRate 0. Zheng et al. report 1 − flipRate as "consistency".
 * Reference: Zheng et al., "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena", NeurIPS
 * 2023, section 3.3 and Table 2: https://arxiv.org/abs/2306.05685
 *
 * @throws MetricInputError if verdicts is empty or a verdict is not 'A', 'B' or 'tie'.
 * @example
 * positionBias([{ aFirst: 'A', bFirst: 'A' }, { aFirst: 'A', bFirst: 'B' }, { aFirst: 'tie', bFirst: 'B' }, { aFirst: 'B', bFirst: 'B' }]);
 * // { flipRate: 0.5, favorsFirst: 0.25, favorsSecond: 0, tieFlips: 0.25, pairs: 4 }
 */
export function positionBias(verdicts: readonly SwappedVerdicts[]): PositionBias {
  const metric = 'Position bias';
  requireNonEmpty(verdicts, 'verdicts', metric);
  let flips = 0;
  let favorsFirst = 0;
  let favorsSecond = 0;
  verdicts.forEach(({ aFirst, bFirst }, i) => {
    for (const [name, verdict] of [
      ['aFirst', aFirst],
      ['bFirst', bFirst],
    ] as const) {
      if (!VERDICTS.includes(verdict)) {
        throw new MetricInputError(
          `${metric}: verdicts[${i}].${name} is ${JSON.stringify(verdict)}; use 'A', 'B' or 'tie'.`,
          'out-of-range',
        );
      }
    }
    if (aFirst === bFirst) return;
    flips++;
    if (aFirst === 'A' && bFirst === 'B') favorsFirst++;
    else if (aFirst === 'B' && bFirst === 'A') favorsSecond++;
  });
  const n = verdicts.length;
  return {
    flipRate: flips / n,
    favorsFirst: favorsFirst / n,
    favorsSecond: favorsSecond / n,
    tieFlips: (flips - favorsFirst - favorsSecond) / n,
    pairs: n,
  };
}

/**
 * Position-flip rate: the share of pairwise judgements whose verdict changes when the two answers
 * are shown in the other order (positionBias(verdicts).flipRate).
 *
 * Formula: #{pairs with aFirst ≠ bFirst} / #pairs.
 * Reference: Zheng et al. 2023, section 3.3: https://arxiv.org/abs/2306.05685
 *
 * @throws MetricInputError if verdicts is empty or a verdict is not 'A', 'B' or 'tie'.
 * @example
 * positionFlipRate([{ aFirst: 'A', bFirst: 'A' }, { aFirst: 'A', bFirst: 'B' }]); // 0.5
 */
export function positionFlipRate(verdicts: readonly SwappedVerdicts[]): number {
  return positionBias(verdicts).flipRate;
}
