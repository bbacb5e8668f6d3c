/**
 * GPU memory arithmetic for large models: the weights alone, the "model states" of training
 * (weights, gradients, optimizer states) with ZeRO sharding, and a rough transformer-activation
 * estimate. All results are in bytes; divide by 1e9 for the decimal gigabytes (GB) the ZeRO paper
 * and GPU data sheets use, or by 2^30 for GiB.
 */
import { MetricInputError } from '../errors.ts';
import {
  requireFiniteResult,
  requireInteger,
  requireIntegerInRange,
  requireNonNegative,
  requireOneOf,
  requirePositive,
} from '../validate.ts';

/** Number formats a weight can be stored in. */
export type WeightDtype = 'fp32' | 'fp16' | 'bf16' | 'int8' | 'int4';

/** Bytes one parameter takes in each format (int4 packs two parameters in a byte). */
export const BYTES_PER_PARAM: Readonly<Record<WeightDtype, number>> = {
  fp32: 4,
  fp16: 2,
  bf16: 2,
  int8: 1,
  int4: 0.5,
};

const DTYPES = Object.keys(BYTES_PER_PARAM) as WeightDtype[];

/** A parameter count: a whole number >= 1. Round before passing, e.g. Math.round(7.2 * 1e9). */
function requireParams(params: number, metric: string): void {
  requireInteger(params, 'params', metric, 1);
}

export interface ModelMemoryInput {
  /** Number of parameters, a whole number >= 1 (7e9 for a 7B model). */
  params: number;
  /** Storage format of the weights. */
  dtype: WeightDtype;
}

/**
 * Model weight memory: the bytes needed just to hold the weights (inference, no KV cache,
 * no activations, no framework overhead).
 *
 * Formula: params × bytes per parameter, with fp32 = 4, fp16 = bf16 = 2, int8 = 1, int4 = 0.5;
 * int4 rounds up to whole bytes (two parameters share a byte).
 * Reference: https://huggingface.co/docs/transformers/main/en/model_memory_anatomy
 *
 * @throws MetricInputError if params is not a whole number >= 1 or dtype is unknown.
 * @example
 * modelMemoryBytes({ params: 7e9, dtype: 'fp16' }); // 14e9 bytes = 14 GB
 */
export function modelMemoryBytes({ params, dtype }: ModelMemoryInput): number {
  const metric = 'Model memory';
  requireParams(params, metric);
  requireOneOf(dtype, DTYPES, 'dtype', metric);
  const bytes = Math.ceil(params * BYTES_PER_PARAM[dtype]);
  requireFiniteResult(bytes, 'memory', metric);
  return bytes;
}

/** 'fp32': everything in 32-bit floats. 'mixed': fp16/bf16 weights and gradients, fp32 master copy. */
export type TrainingPrecision = 'fp32' | 'mixed';
export type Optimizer = 'adam' | 'sgd-momentum' | 'sgd';
/** ZeRO stage: 0 = plain data parallelism, 1 = shard optimizer states, 2 = + gradients, 3 = + weights. */
export type ZeroStage = 0 | 1 | 2 | 3;

export interface TrainingMemoryInput {
  /** Number of parameters, a whole number >= 1. */
  params: number;
  precision: TrainingPrecision;
  optimizer: Optimizer;
  zeroStage: ZeroStage;
  /** Data-parallel GPUs the states are sharded over, a whole number >= 1. */
  gpus: number;
}

/** Per-GPU bytes of each kind of model state, and their sum. */
export interface TrainingMemory {
  weights: number;
  gradients: number;
  optimizerStates: number;
  total: number;
}

/**
 * Bytes per parameter of each model state before sharding, following the ZeRO paper's accounting.
 * Mixed precision keeps an fp32 master copy of the weights; the paper counts it with the optimizer
 * states (its K = 12 for Adam is master weights 4 + momentum 4 + variance 4).
 */
export const TRAINING_BYTES_PER_PARAM: Readonly<
  Record<TrainingPrecision, Record<Optimizer, { weights: number; gradients: number; optimizerStates: number }>>
> = {
  mixed: {
    adam: { weights: 2, gradients: 2, optimizerStates: 12 },
    'sgd-momentum': { weights: 2, gradients: 2, optimizerStates: 8 },
    sgd: { weights: 2, gradients: 2, optimizerStates: 4 },
  },
  fp32: {
    adam: { weights: 4, gradients: 4, optimizerStates: 8 },
    'sgd-momentum': { weights: 4, gradients: 4, optimizerStates: 4 },
    sgd: { weights: 4, gradients: 4, optimizerStates: 0 },
  },
};

/**
 * Training memory per GPU for the model states (weights, gradients, optimizer states) under
 * data parallelism with ZeRO sharding. Activations, temporary buffers and fragmentation are
 * not included (see activationMemoryBytes for a rough activation estimate).
 *
 * Formula (Ψ = params, N = gpus), bytes per parameter before sharding:
 * - mixed precision: weights 2 (fp16), gradients 2 (fp16), optimizer states K, where
 *   K = 12 for Adam (fp32 master weights, momentum, variance), 8 for SGD with momentum
 *   (master weights + momentum), 4 for plain SGD (master weights);
 * - fp32: weights 4, gradients 4, optimizer states 8 for Adam, 4 for SGD with momentum, 0 for SGD.
 * Stage 0 replicates everything; stage 1 divides the optimizer states by N; stage 2 also the
 * gradients; stage 3 also the weights. E.g. mixed Adam, stage 1: 2Ψ + 2Ψ + 12Ψ/N.
 * Reference: Rajbhandari et al., "ZeRO: Memory Optimizations Toward Training Trillion Parameter
 * Models", 2019, sections 3.1 and 5, Figure 1: https://arxiv.org/abs/1910.02054
 *
 * @throws MetricInputError if params or gpus is not a whole number >= 1, or precision, optimizer
 *   or zeroStage is not one of the listed options.
 * @example
 * trainingMemoryBytes({ params: 7.5e9, precision: 'mixed', optimizer: 'adam', zeroStage: 1, gpus: 64 });
 * // { weights: 15e9, gradients: 15e9, optimizerStates: 1.40625e9, total: 31.40625e9 } (31.4 GB)
 */
export function trainingMemoryBytes(input: TrainingMemoryInput): TrainingMemory {
  const metric = 'Training memory';
  const { params, precision, optimizer, zeroStage, gpus } = input;
  requireParams(params, metric);
  requireOneOf(precision, ['fp32', 'mixed'], 'precision', metric);
  requireOneOf(optimizer, ['adam', 'sgd-momentum', 'sgd'], 'optimizer', metric);
  if (!([0, 1, 2, 3] as unknown[]).includes(zeroStage)) {
    throw new MetricInputError(
      `${metric}: zeroStage is ${String(zeroStage)}; choose 0 (no sharding), 1, 2 or 3.`,
      'out-of-range',
    );
  }
  requireInteger(gpus, 'gpus', metric, 1);

  const bytes = TRAINING_BYTES_PER_PARAM[precision][optimizer];
  const optimizerStates = (bytes.optimizerStates * params) / (zeroStage >= 1 ? gpus : 1);
  const gradients = (bytes.gradients * params) / (zeroStage >= 2 ? gpus : 1);
  const weights = (bytes.weights * params) / (zeroStage >= 3 ? gpus : 1);
  const total = weights + gradients + optimizerStates;
  requireFiniteResult(total, 'memory', metric);
  return { weights, gradients, optimizerStates, total };
}

/** Activation recomputation (gradient checkpointing) strategy. */
export type Recompute = 'none' | 'selective' | 'full';

export interface ActivationMemoryInput {
  /** Sequence length s in tokens. */
  seqLength: number;
  /** Micro-batch size b (sequences per GPU per forward pass). */
  microBatch: number;
  /** Hidden size h. */
  hiddenSize: number;
  /** Attention heads a. */
  heads: number;
  /** Transformer layers L. */
  layers: number;
  /** Tensor-parallel size t (default 1). */
  tensorParallel?: number;
  /** Whether sequence parallelism also splits layer-norm and dropout activations (default false). */
  sequenceParallel?: boolean;
  /** 'none' (default) keeps all activations; 'selective' recomputes attention scores; 'full' keeps layer inputs only. */
  recompute?: Recompute;
}

/**
 * Transformer activation memory, a ROUGH ESTIMATE: the bytes of activations one GPU stores
 * for the backward pass, summed over its layers, with 16-bit activations.
 *
 * Formula, bytes per layer (Korthikanti et al. 2022, Table 2), with s = seqLength,
 * b = microBatch, h = hiddenSize, a = heads, t = tensorParallel:
 * - no recomputation, t = 1: s·b·h·(34 + 5·a·s/h);
 * - tensor parallel: s·b·h·(10 + 24/t + 5·a·s/(h·t)); with sequence parallel: s·b·h·(34 + 5·a·s/h)/t;
 * - selective recomputation (attention scores recomputed): s·b·h·(10 + 24/t), or s·b·h·34/t with
 *   sequence parallel;
 * - full recomputation (only each layer's input kept): 2·s·b·h.
 * Total = L × per layer. The 5·a·s/h term is the attention-score tensors (quadratic in s);
 * for GPT-3 (a = 96, s = 2048, h = 12288) it is 80 against 34 for the rest of the layer.
 * Not included: embeddings, the output layer and loss, pipeline-parallel in-flight micro-batches,
 * FlashAttention (which never stores the scores, close to the selective case), and allocator overhead.
 * Reference: Korthikanti et al., "Reducing Activation Recomputation in Large Transformer Models",
 * 2022, section 4: https://arxiv.org/abs/2205.05198
 *
 * @throws MetricInputError if a size is not a whole number >= 1, if hiddenSize is not divisible
 *   by heads, if tensorParallel does not divide heads, or recompute is unknown.
 * @example
 * activationMemoryBytes({ seqLength: 2048, microBatch: 1, hiddenSize: 12288, heads: 96, layers: 96 });
 * // 96 × 2048·1·12288·(34 + 80) ≈ 2.75e11 bytes (275 GB)
 */
export function activationMemoryBytes(input: ActivationMemoryInput): number {
  const metric = 'Activation memory';
  const { seqLength: s, microBatch: b, hiddenSize: h, heads: a, layers } = input;
  const t = input.tensorParallel ?? 1;
  const sequenceParallel = input.sequenceParallel ?? false;
  const recompute = input.recompute ?? 'none';
  requireInteger(s, 'seqLength', metric, 1);
  requireInteger(b, 'microBatch', metric, 1);
  requireInteger(h, 'hiddenSize', metric, 1);
  requireInteger(a, 'heads', metric, 1);
  requireInteger(layers, 'layers', metric, 1);
  requireIntegerInRange(t, 'tensorParallel', metric, 1, a);
  requireOneOf(recompute, ['none', 'selective', 'full'], 'recompute', metric);
  if (h % a !== 0) {
    throw new MetricInputError(
      `${metric}: hiddenSize ${h} is not divisible by heads ${a}; each head needs hiddenSize / heads dimensions.`,
      'out-of-range',
    );
  }
  if (a % t !== 0) {
    throw new MetricInputError(
      `${metric}: tensorParallel ${t} does not divide heads ${a}; tensor parallelism splits whole heads across GPUs.`,
      'out-of-range',
    );
  }

  const sbh = s * b * h;
  const scores = (5 * a * s) / h;
  let perLayer: number;
  if (recompute === 'full') perLayer = 2 * sbh;
  else if (sequenceParallel) perLayer = (sbh * (34 + (recompute === 'none' ? scores : 0))) / t;
  else perLayer = sbh * (10 + 24 / t + (recompute === 'none' ? scores / t : 0));
  const total = layers * perLayer;
  requireFiniteResult(total, 'activation memory', metric);
  return total;
}

/** Common accelerator memory sizes in decimal GB (10^9 bytes, as data sheets count), with cards that have them. */
export const GPU_CARDS: readonly { gb: number; examples: string }[] = [
  { gb: 24, examples: 'RTX 4090, L4, A10' },
  { gb: 40, examples: 'A100 40GB' },
  { gb: 80, examples: 'A100 80GB, H100' },
];

/**
 * How many cards of a given size hold `bytes` when split evenly, ignoring runtime overhead:
 * ⌈bytes / (cardGb · 10^9)⌉, at least 1.
 *
 * @throws MetricInputError if bytes is negative or cardGb is not > 0.
 * @example
 * cardsNeeded(140e9, 80); // 2
 */
export function cardsNeeded(bytes: number, cardGb: number): number {
  const metric = 'Cards needed';
  requireNonNegative(bytes, 'bytes', metric);
  requirePositive(cardGb, 'cardGb', metric);
  return Math.max(1, Math.ceil(bytes / (cardGb * 1e9)));
}
