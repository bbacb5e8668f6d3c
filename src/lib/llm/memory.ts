/**
 * GPU memory for serving an LLM: the weights, the KV cache of the sequences in flight, and how
 * many full-length sequences the memory left after the weights can hold.
 */
import {
  requireFiniteResult,
  requireInRange,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from '../validate.ts';

export interface InferenceMemoryInput {
  /** Parameters held in memory (all experts of an MoE model), a whole number >= 1. */
  params: number;
  /** Bytes per weight: 2 for BF16, 1 for FP8/INT8, 0.5 for INT4; > 0. */
  weightBytesPerParam: number;
  /** KV cache bytes per token (kvCacheBytesPerToken or mlaKvCacheBytesPerToken), > 0. */
  kvBytesPerToken: number;
  /** Tokens per sequence the cache must hold (prompt + output), a whole number >= 1. */
  contextTokens: number;
  /** Sequences served at once, a whole number >= 1. */
  batch: number;
  /** GPUs the model is sharded over (tensor parallel), a whole number >= 1. */
  gpus: number;
  /** Memory per GPU, bytes, > 0. */
  gpuMemoryBytes: number;
  /** Share of GPU memory the server may use, in (0, 1] (vLLM's gpu_memory_utilization, default 0.9). */
  utilization: number;
  /** Bytes reserved for activations, CUDA graphs and the runtime, >= 0 (default 0). */
  overheadBytes?: number;
}

export interface InferenceMemory {
  /** params × weightBytesPerParam. */
  weights: number;
  /** kvBytesPerToken × contextTokens × batch. */
  kvCache: number;
  /** weights + kvCache + overheadBytes. */
  total: number;
  /** gpus × gpuMemoryBytes × utilization: the memory the server may use. */
  usable: number;
  /** total <= usable. */
  fits: boolean;
  /** Full-length sequences the memory left after weights and overhead can cache; 0 when none fit. */
  maxConcurrentSequences: number;
}

/**
 * Inference memory: weights plus KV cache against the usable memory of the GPUs, and the largest
 * batch of full-context sequences that fits.
 *
 * Formula: weights = params × weightBytesPerParam; kvCache = kvBytesPerToken × contextTokens × batch;
 * total = weights + kvCache + overhead; usable = gpus × gpuMemoryBytes × utilization;
 * fits = total <= usable; maxConcurrentSequences = floor((usable − weights − overhead) /
 * (kvBytesPerToken × contextTokens)), and 0 when the weights and overhead alone do not fit.
 * The weights and the cache are assumed to shard evenly over the GPUs (tensor parallelism).
 * Reference: Kwon et al., "Efficient Memory Management for Large Language Model Serving with
 * PagedAttention", 2023, section 2.3: https://arxiv.org/abs/2309.06180 ; vLLM's
 * gpu_memory_utilization: https://docs.vllm.ai/en/latest/configuration/engine_args.html
 *
 * @throws MetricInputError if a count is not a whole number >= 1, a size is not a positive finite
 *   number, utilization is outside (0, 1], overheadBytes is negative, or the sizes overflow.
 * @example
 * inferenceMemory({ params: 8_030_261_248, weightBytesPerParam: 2, kvBytesPerToken: 131_072,
 *   contextTokens: 8192, batch: 16, gpus: 1, gpuMemoryBytes: 80e9, utilization: 0.9 });
 * // { weights: 16060522496, kvCache: 17179869184, total: 33240391680, usable: 72000000000,
 * //   fits: true, maxConcurrentSequences: 52 }
 */
export function inferenceMemory(input: InferenceMemoryInput): InferenceMemory {
  const metric = 'Inference memory';
  const { params, weightBytesPerParam, kvBytesPerToken, contextTokens, batch, gpus, gpuMemoryBytes } = input;
  const { utilization } = input;
  const overheadBytes = input.overheadBytes ?? 0;
  requireInteger(params, 'params', metric, 1);
  requirePositive(weightBytesPerParam, 'weightBytesPerParam', metric);
  requirePositive(kvBytesPerToken, 'kvBytesPerToken', metric);
  requireInteger(contextTokens, 'contextTokens', metric, 1);
  requireInteger(batch, 'batch', metric, 1);
  requireInteger(gpus, 'gpus', metric, 1);
  requirePositive(gpuMemoryBytes, 'gpuMemoryBytes', metric);
  requirePositive(utilization, 'utilization', metric);
  requireInRange(utilization, 'utilization', metric, 0, 1);
  requireNonNegative(overheadBytes, 'overheadBytes', metric);

  const weights = params * weightBytesPerParam;
  const perSequence = kvBytesPerToken * contextTokens;
  const kvCache = perSequence * batch;
  const total = weights + kvCache + overheadBytes;
  const usable = gpus * gpuMemoryBytes * utilization;
  const free = usable - weights - overheadBytes;
  const maxConcurrentSequences = free > 0 ? Math.floor(free / perSequence) : 0;
  const result = { weights, kvCache, total, usable, fits: total <= usable, maxConcurrentSequences };
  for (const name of ['weights', 'kvCache', 'total', 'usable', 'maxConcurrentSequences'] as const) {
    requireFiniteResult(result[name], name, metric);
  }
  return result;
}
