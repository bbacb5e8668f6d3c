/**
 * Training-loop arithmetic: scaling the learning rate with the batch, counting steps in an
 * epoch, and the learning rate along a warmup schedule.
 */
import { MetricInputError } from '../errors.ts';
import {
  requireInteger,
  requireIntegerInRange,
  requireNonNegative,
  requireOneOf,
  requirePositive,
} from '../validate.ts';

export type LrScalingRule = 'linear' | 'sqrt';

export interface ScaledLearningRateInput {
  /** Learning rate tuned at baseBatch, > 0. */
  baseLr: number;
  /** Batch size the base rate was tuned at, a whole number >= 1. */
  baseBatch: number;
  /** New batch size, a whole number >= 1. */
  batch: number;
  /** 'linear' (Goyal et al., for SGD) or 'sqrt' (often used with Adam). */
  rule: LrScalingRule;
}

/**
 * Learning-rate scaling rule: the learning rate for a new batch size.
 *
 * Formula: linear: baseLr × batch / baseBatch; sqrt: baseLr × √(batch / baseBatch).
 * The linear rule holds for SGD with a warmup up to batches of about 8k on ImageNet; the square-root
 * rule keeps the variance of the update constant and is common with adaptive optimizers.
 * Reference: Goyal et al., "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour", 2017,
 * section 2.1: https://arxiv.org/abs/1706.02677 ; square root: Krizhevsky, "One weird trick for
 * parallelizing convolutional neural networks", 2014: https://arxiv.org/abs/1404.5997
 *
 * @throws MetricInputError if baseLr is not > 0, a batch is not a whole number >= 1, or rule is unknown.
 * @example
 * scaledLearningRate({ baseLr: 0.1, baseBatch: 256, batch: 8192, rule: 'linear' }); // 3.2
 */
export function scaledLearningRate({ baseLr, baseBatch, batch, rule }: ScaledLearningRateInput): number {
  const metric = 'Scaled learning rate';
  requirePositive(baseLr, 'baseLr', metric);
  requireInteger(baseBatch, 'baseBatch', metric, 1);
  requireInteger(batch, 'batch', metric, 1);
  requireOneOf(rule, ['linear', 'sqrt'], 'rule', metric);
  const ratio = batch / baseBatch;
  const lr = rule === 'linear' ? baseLr * ratio : baseLr * Math.sqrt(ratio);
  if (!Number.isFinite(lr)) {
    throw new MetricInputError(`${metric}: the result overflows; use a smaller baseLr or batch.`, 'out-of-range');
  }
  return lr;
}

export interface StepsPerEpochInput {
  /** Training examples, a whole number >= 1. */
  datasetSize: number;
  /** Examples per optimizer step across all GPUs, a whole number >= 1. */
  globalBatch: number;
  /** Whether an incomplete last batch is skipped (PyTorch DataLoader's drop_last). */
  dropLast: boolean;
}

/**
 * Steps per epoch: optimizer steps needed to pass over the data once.
 *
 * Formula: floor(datasetSize / globalBatch) with dropLast, else ceil(datasetSize / globalBatch),
 * as len(torch.utils.data.DataLoader). Where PyTorch would return 0 (dropLast with fewer examples
 * than one batch) this throws instead, since such an epoch trains nothing.
 * Reference: https://pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader
 *
 * @throws MetricInputError if a size is not a whole number >= 1, or dropLast leaves no full batch.
 * @example
 * stepsPerEpoch({ datasetSize: 1_281_167, globalBatch: 8192, dropLast: false }); // 157
 */
export function stepsPerEpoch({ datasetSize, globalBatch, dropLast }: StepsPerEpochInput): number {
  const metric = 'Steps per epoch';
  requireInteger(datasetSize, 'datasetSize', metric, 1);
  requireInteger(globalBatch, 'globalBatch', metric, 1);
  if (typeof dropLast !== 'boolean') {
    throw new MetricInputError(`${metric}: dropLast is ${String(dropLast)}; it must be true or false.`, 'out-of-range');
  }
  const steps = dropLast ? Math.floor(datasetSize / globalBatch) : Math.ceil(datasetSize / globalBatch);
  if (steps === 0) {
    throw new MetricInputError(
      `${metric}: the dataset (${datasetSize} examples) is smaller than one batch (${globalBatch}), and dropLast ` +
        'drops the incomplete batch, so an epoch has 0 steps. Use a smaller batch or set dropLast to false.',
      'out-of-range',
    );
  }
  return steps;
}

export type DecayShape = 'cosine' | 'constant';

export interface WarmupScheduleInput {
  /** Learning rate reached at the end of warmup, > 0. */
  peakLr: number;
  /** Steps of linear warmup, a whole number from 0 to totalSteps. */
  warmupSteps: number;
  /** Steps in the whole run, a whole number >= 1. */
  totalSteps: number;
  /** Steps to evaluate (whole numbers in [0, totalSteps]); default every step 0, 1, ..., totalSteps. */
  steps?: readonly number[];
  /** After warmup: 'cosine' (default) decays to minLr at totalSteps; 'constant' stays at peakLr. */
  decay?: DecayShape;
  /** Floor of the cosine decay, from 0 (default) to peakLr. Ignored for 'constant'. */
  minLr?: number;
}

/** Largest default schedule returned when `steps` is omitted, so a widget never builds a huge array. */
export const MAX_DEFAULT_SCHEDULE_POINTS = 100_000;

/**
 * Learning rate with linear warmup, then cosine decay or a constant rate, at each requested step.
 *
 * Formula (step n, warmup W, total T, peak η, floor η_min):
 * - n < W: η × n / W (so step 0 has rate 0);
 * - otherwise, constant: η; cosine: η_min + (η − η_min) × ½(1 + cos(π × (n − W) / (T − W))),
 *   which is η at n = W and η_min at n = T (η when W = T).
 * This is Hugging Face Transformers' get_cosine_schedule_with_warmup (num_cycles = 0.5) and
 * get_constant_schedule_with_warmup, times peakLr, with an optional floor.
 * Reference: https://huggingface.co/docs/transformers/main_classes/optimizer_schedules ;
 * Goyal et al. 2017 (gradual warmup): https://arxiv.org/abs/1706.02677 ; Loshchilov & Hutter,
 * "SGDR", 2016 (cosine): https://arxiv.org/abs/1608.03983
 *
 * @throws MetricInputError if peakLr is not > 0, totalSteps is not a whole number >= 1, warmupSteps
 *   is not a whole number in [0, totalSteps], a step is outside [0, totalSteps] or not whole, minLr is
 *   outside [0, peakLr], or steps is omitted and totalSteps exceeds MAX_DEFAULT_SCHEDULE_POINTS.
 * @example
 * warmupSchedule({ peakLr: 1, warmupSteps: 2, totalSteps: 6 }); // [0, 0.5, 1, 0.8535..., 0.5, 0.1464..., 0]
 */
export function warmupSchedule(input: WarmupScheduleInput): number[] {
  const metric = 'Warmup schedule';
  const { peakLr, warmupSteps, totalSteps } = input;
  const decay = input.decay ?? 'cosine';
  const minLr = input.minLr ?? 0;
  requirePositive(peakLr, 'peakLr', metric);
  requireInteger(totalSteps, 'totalSteps', metric, 1);
  requireIntegerInRange(warmupSteps, 'warmupSteps', metric, 0, totalSteps);
  requireOneOf(decay, ['cosine', 'constant'], 'decay', metric);
  requireNonNegative(minLr, 'minLr', metric);
  if (minLr > peakLr) {
    throw new MetricInputError(`${metric}: minLr ${minLr} is above peakLr ${peakLr}; it must not be.`, 'out-of-range');
  }

  let steps: readonly number[];
  if (input.steps === undefined) {
    if (totalSteps + 1 > MAX_DEFAULT_SCHEDULE_POINTS) {
      throw new MetricInputError(
        `${metric}: totalSteps is ${totalSteps}, too many to list every step; pass the steps to sample.`,
        'out-of-range',
      );
    }
    steps = Array.from({ length: totalSteps + 1 }, (_, n) => n);
  } else {
    steps = input.steps;
    steps.forEach((step, i) => requireIntegerInRange(step, `steps[${i}]`, metric, 0, totalSteps));
  }

  const decaySteps = totalSteps - warmupSteps;
  return steps.map((n) => {
    if (n < warmupSteps) return (peakLr * n) / warmupSteps;
    if (decay === 'constant' || decaySteps === 0) return peakLr;
    const progress = (n - warmupSteps) / decaySteps;
    return minLr + (peakLr - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
  });
}
