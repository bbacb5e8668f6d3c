/**
 * Synthetic scored data with a sensitive attribute, for the fairness widgets: each group has its
 * own size, base rate, class separation and score offset (a biased score under-rates one group).
 * Seeded, so a preset shows the same people to every reader.
 */
import { MetricInputError } from '../errors.ts';
import { sigmoid } from '../arithmetic.ts';
import { mulberry32, normalSample } from '../random.ts';

export interface GroupSpec {
  /** Group name (the sensitive-feature value). */
  name: string;
  /** Number of examples, a whole number >= 1. */
  n: number;
  /** Share of examples with label 1, in [0, 1]. */
  baseRate: number;
  /** Distance between the class means in standard deviations before the logistic squash (d'). */
  separation: number;
  /** Added to every latent score of the group before the squash: negative under-rates it. Default 0. */
  offset?: number;
}

export interface GroupedScores {
  yTrue: (0 | 1)[];
  scores: number[];
  groups: string[];
}

/**
 * Scores in (0, 1) for several groups: for each example z = N(0, 1) ± separation/2 (+ for label
 * 1, - for label 0) + offset, score = 1 / (1 + e^(-z)) rounded to 4 decimals. In each group the
 * first round(n · baseRate) examples have label 1. Groups are drawn in order from one
 * mulberry32(seed) stream.
 *
 * @throws MetricInputError if there are no groups, a name is empty or repeated, n is not a whole
 *   number >= 1, baseRate is outside [0, 1], separation is negative, or a number is not finite.
 * @example
 * groupScores([{ name: 'A', n: 10, baseRate: 0.5, separation: 2 }, { name: 'B', n: 10, baseRate: 0.3, separation: 2 }], 1);
 * // 20 examples, 10 in each group, 5 + 3 = 8 of them labelled 1
 */
export function groupScores(specs: readonly GroupSpec[], seed: number): GroupedScores {
  const metric = 'Group scores';
  if (specs.length === 0) throw new MetricInputError(`${metric}: there are no groups.`, 'empty');
  const seen = new Set<string>();
  for (const spec of specs) {
    if (!spec.name || seen.has(spec.name)) {
      throw new MetricInputError(
        `${metric}: group names must be non-empty and distinct ("${spec.name}").`,
        'out-of-range',
      );
    }
    seen.add(spec.name);
    if (!Number.isInteger(spec.n) || spec.n < 1) {
      throw new MetricInputError(
        `${metric}: group "${spec.name}" has n = ${spec.n}; it needs a whole number >= 1.`,
        'out-of-range',
      );
    }
    if (!(spec.baseRate >= 0 && spec.baseRate <= 1)) {
      throw new MetricInputError(
        `${metric}: group "${spec.name}" has base rate ${spec.baseRate}; it must be in [0, 1].`,
        'out-of-range',
      );
    }
    if (!(spec.separation >= 0 && Number.isFinite(spec.separation)) || !Number.isFinite(spec.offset ?? 0)) {
      throw new MetricInputError(
        `${metric}: group "${spec.name}" needs a finite separation >= 0 and a finite offset.`,
        'out-of-range',
      );
    }
  }
  const random = mulberry32(seed);
  const out: GroupedScores = { yTrue: [], scores: [], groups: [] };
  for (const spec of specs) {
    const positives = Math.round(spec.n * spec.baseRate);
    for (let i = 0; i < spec.n; i++) {
      const label: 0 | 1 = i < positives ? 1 : 0;
      const z = normalSample(random) + (label === 1 ? spec.separation / 2 : -spec.separation / 2) + (spec.offset ?? 0);
      out.yTrue.push(label);
      out.scores.push(Math.round(sigmoid(z) * 1e4) / 1e4);
      out.groups.push(spec.name);
    }
  }
  return out;
}
