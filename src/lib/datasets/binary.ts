/**
 * Synthetic binary-classification data for the evaluation widgets: scores for positives and
 * negatives drawn from two normal distributions and squashed to (0, 1) with a logistic function.
 * Seeded, so a preset shows the same points to every reader.
 */
import { MetricInputError } from '../errors.ts';
import { mulberry32, type RandomSource } from '../random.ts';

export interface ScoredLabels {
  yTrue: (0 | 1)[];
  scores: number[];
}

/** A standard normal draw by the Box-Muller transform (1 - u keeps the logarithm finite). */
export function normalSample(random: RandomSource): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * n labelled scores with the given share of positives. `separation` is the distance between the
 * class means in standard deviations before the logistic squash (d' in signal-detection terms):
 * 0 means the model is guessing, 3 separates the classes well.
 *
 * @throws MetricInputError when n < 2, positiveRate is outside (0, 1), or separation is negative.
 * @example
 * syntheticScores({ n: 1000, positiveRate: 0.01, separation: 2.5, seed: 7 }); // 10 positives
 */
export function syntheticScores({
  n,
  positiveRate,
  separation,
  seed,
}: {
  n: number;
  positiveRate: number;
  separation: number;
  seed: number;
}): ScoredLabels {
  if (!Number.isInteger(n) || n < 2) throw new MetricInputError('A dataset needs at least 2 examples.', 'out-of-range');
  if (!(positiveRate > 0 && positiveRate < 1))
    throw new MetricInputError('The share of positives must be between 0 and 1.', 'out-of-range');
  if (!(separation >= 0)) throw new MetricInputError('Class separation cannot be negative.', 'out-of-range');
  const random = mulberry32(seed);
  const positives = Math.max(1, Math.round(n * positiveRate));
  const yTrue: (0 | 1)[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const label: 0 | 1 = i < positives ? 1 : 0;
    const z = normalSample(random) + (label === 1 ? separation / 2 : -separation / 2);
    yTrue.push(label);
    scores.push(Math.round((1 / (1 + Math.exp(-z))) * 1e4) / 1e4);
  }
  return { yTrue, scores };
}
