/**
 * Synthetic binary-classification data for the evaluation widgets: scores for positives and
 * negatives drawn from two normal distributions and squashed to (0, 1) with a logistic function.
 * Seeded, so a preset shows the same points to every reader.
 */
import { sigmoid } from '../arithmetic.ts';
import { mulberry32, normalSample } from '../random.ts';
import { requireInteger, requireNonNegative, requireOpenUnit, requireSeed } from '../validate.ts';

export interface ScoredLabels {
  yTrue: (0 | 1)[];
  scores: number[];
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
  const metric = 'Synthetic scores';
  requireInteger(n, 'n', metric, 2);
  requireOpenUnit(positiveRate, 'positiveRate', metric);
  requireNonNegative(separation, 'separation', metric);
  requireSeed(seed, metric);
  const random = mulberry32(seed);
  const positives = Math.max(1, Math.round(n * positiveRate));
  const yTrue: (0 | 1)[] = [];
  const scores: number[] = [];
  for (let i = 0; i < n; i++) {
    const label: 0 | 1 = i < positives ? 1 : 0;
    const z = normalSample(random) + (label === 1 ? separation / 2 : -separation / 2);
    yTrue.push(label);
    scores.push(Math.round(sigmoid(z) * 1e4) / 1e4);
  }
  return { yTrue, scores };
}
