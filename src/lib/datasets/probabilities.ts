/**
 * Synthetic predicted probabilities with a known calibration flaw, for the calibration widget.
 * Each example has a true probability p; its label is drawn from Bernoulli(p); the model reports
 * p with its logit divided by a temperature, so the flaw is controlled and the data is seeded.
 */
import { sigmoid } from '../arithmetic.ts';
import { mulberry32, normalSample } from '../random.ts';
import { requireInteger, requireNonNegative, requirePositive, requireSeed } from '../validate.ts';

export interface LabelledProbabilities {
  yTrue: (0 | 1)[];
  /** The model's reported probability of class 1 for each example. */
  probs: number[];
}

/**
 * n examples whose reported probabilities are calibrated (temperature 1), over-confident
 * (temperature < 1: pushed towards 0 and 1) or under-confident (temperature > 1: pulled
 * towards 0.5).
 *
 * Formula: zᵢ ~ Normal(0, spread²), true pᵢ = σ(zᵢ), yᵢ ~ Bernoulli(pᵢ), reported
 * p̂ᵢ = σ(zᵢ / temperature), with σ the logistic function. This is the inverse of temperature
 * scaling (Guo et al. 2017, https://arxiv.org/abs/1706.04599), which divides logits by a
 * learned T to repair exactly this distortion.
 *
 * @param n number of examples, a whole number >= 2.
 * @param temperature > 0; 1 gives calibrated probabilities.
 * @param spread standard deviation of the true logits, >= 0 (default 1.5): larger means more
 *   examples near 0 and 1.
 * @param seed any number; the same seed gives the same examples.
 * @throws MetricInputError when n < 2 or not whole, temperature <= 0, or spread < 0.
 * @example
 * syntheticProbabilities({ n: 2000, temperature: 0.5, seed: 3 }); // over-confident
 */
export function syntheticProbabilities({
  n,
  temperature,
  spread = 1.5,
  seed,
}: {
  n: number;
  temperature: number;
  spread?: number;
  seed: number;
}): LabelledProbabilities {
  const metric = 'Synthetic probabilities';
  requireInteger(n, 'n', metric, 2);
  requirePositive(temperature, 'temperature', metric);
  requireNonNegative(spread, 'spread', metric);
  requireSeed(seed, metric);
  const random = mulberry32(seed);
  const yTrue: (0 | 1)[] = [];
  const probs: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = spread * normalSample(random);
    yTrue.push(random() < sigmoid(z) ? 1 : 0);
    probs.push(sigmoid(z / temperature));
  }
  return { yTrue, probs };
}
