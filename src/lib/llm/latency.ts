/**
 * LLM latency from a roofline model: each phase of generation is limited either by the GPU's
 * arithmetic (compute-bound) or by how fast it can read the weights and KV cache from memory
 * (memory-bound), whichever takes longer.
 */
import { MetricInputError } from '../errors.ts';
import { requireFiniteResult, requireInRange, requireInteger, requirePositive } from '../validate.ts';

export type RooflineBound = 'compute' | 'memory';

export interface LlmLatencyInput {
  /** Parameters used per token (active parameters for MoE), a whole number >= 1. */
  params: number;
  /** Bytes per weight read from memory, > 0. */
  weightBytesPerParam: number;
  /** KV cache bytes per token, > 0. */
  kvBytesPerToken: number;
  /** Prompt tokens per sequence, a whole number >= 1. */
  promptTokens: number;
  /** Output tokens per sequence, a whole number >= 2 (the prefill yields the first). */
  outputTokens: number;
  /** Sequences generated together, a whole number >= 1. */
  batch: number;
  /** Peak FLOP/s of the GPUs serving the model (dense, at the weights' precision), > 0. */
  peakFlops: number;
  /** Peak memory bandwidth of those GPUs, bytes/s, > 0. */
  memoryBandwidth: number;
  /** Model FLOPs utilization, the share of peakFlops achieved, in (0, 1] (default 1). */
  mfu?: number;
  /** Model bandwidth utilization, the share of memoryBandwidth achieved, in (0, 1] (default 1). */
  mbu?: number;
}

export interface LlmLatency {
  /** Time to process the prompts of the whole batch, s. */
  prefillSeconds: number;
  /** Mean time of one decode step over the generation (TPOT), s. */
  timePerOutputTokenSeconds: number;
  /** Time to first token: the prefill, which yields the first output token, s. */
  ttftSeconds: number;
  /** ttft + (outputTokens − 1) × TPOT, s. */
  e2eSeconds: number;
  /** Decode rate of the whole batch: batch / TPOT, tokens/s. */
  outputTokensPerSecond: number;
  /** Which roof limits each phase (decode: compared on the mean step). */
  bound: { prefill: RooflineBound; decode: RooflineBound };
  /** The two sides of each roof, s: compute time and memory time (decode: mean over the steps). */
  roofline: { prefillCompute: number; prefillMemory: number; decodeCompute: number; decodeMemory: number };
}

/**
 * LLM latency and throughput by the roofline model: time to first token (TTFT), time per output
 * token (TPOT), end-to-end latency and the batch's decode rate, with the bound of each phase.
 *
 * Formula: a phase takes max(FLOPs / (peakFlops × mfu), bytes / (memoryBandwidth × mbu)).
 * - Prefill: FLOPs = 2 × params × promptTokens × batch; bytes = weight bytes (params ×
 *   weightBytesPerParam). It yields the first output token, so TTFT = prefill (no queueing).
 * - Decode step j = 1 .. outputTokens − 1 (tokens generated so far = j): FLOPs = 2 × params × batch;
 *   bytes = weight bytes + batch × kvBytesPerToken × (promptTokens + j). TPOT is the mean step
 *   time, computed in closed form (memory time grows linearly with j; the steps below the compute
 *   roof take the compute time). bound.decode compares the mean memory time with the compute time.
 * - e2e = TTFT + (outputTokens − 1) × TPOT; outputTokensPerSecond = batch / TPOT.
 * Ignored: attention FLOPs (quadratic in context; small next to 2 × params for short contexts),
 * activation traffic, communication between GPUs and queueing. 2 × params FLOPs per token is the
 * usual forward-pass estimate (Kaplan et al. 2020, https://arxiv.org/abs/2001.08361, section 2.1).
 * Reference: Williams, Waterman & Patterson, "Roofline", CACM 2009,
 * https://doi.org/10.1145/1498765.1498785 ; for LLMs, Pope et al., "Efficiently Scaling
 * Transformer Inference", 2022, https://arxiv.org/abs/2211.05102
 *
 * @throws MetricInputError if a count is not a whole number in range (outputTokens >= 2), a rate
 *   or size is not a positive finite number, mfu or mbu is outside (0, 1], or the times overflow.
 * @example
 * llmLatency({ params: 8_030_261_248, weightBytesPerParam: 2, kvBytesPerToken: 131_072,
 *   promptTokens: 1000, outputTokens: 201, batch: 1, peakFlops: 989e12, memoryBandwidth: 3.35e12 });
 * // { prefillSeconds: 0.0162391531809909 (compute-bound), timePerOutputTokenSeconds: 0.0048372439498507456
 * //   (memory-bound), e2eSeconds: 0.98368794315114, outputTokensPerSecond: 206.72928848892462, ... }
 */
export function llmLatency(input: LlmLatencyInput): LlmLatency {
  const metric = 'LLM latency';
  const { params, weightBytesPerParam, kvBytesPerToken, promptTokens, outputTokens, batch } = input;
  const { peakFlops, memoryBandwidth } = input;
  const mfu = input.mfu ?? 1;
  const mbu = input.mbu ?? 1;
  requireInteger(params, 'params', metric, 1);
  requirePositive(weightBytesPerParam, 'weightBytesPerParam', metric);
  requirePositive(kvBytesPerToken, 'kvBytesPerToken', metric);
  requireInteger(promptTokens, 'promptTokens', metric, 1);
  requireInteger(outputTokens, 'outputTokens', metric, 1);
  if (outputTokens < 2) {
    throw new MetricInputError(
      `${metric}: outputTokens is ${outputTokens}; it must be at least 2 (the prefill yields the first ` +
        'token, and time per output token needs at least one decode step).',
      'out-of-range',
    );
  }
  requireInteger(batch, 'batch', metric, 1);
  requirePositive(peakFlops, 'peakFlops', metric);
  requirePositive(memoryBandwidth, 'memoryBandwidth', metric);
  for (const [name, value] of [
    ['mfu', mfu],
    ['mbu', mbu],
  ] as const) {
    requirePositive(value, name, metric);
    requireInRange(value, name, metric, 0, 1);
  }

  const flopRate = peakFlops * mfu;
  const byteRate = memoryBandwidth * mbu;
  const weightBytes = params * weightBytesPerParam;

  const prefillCompute = (2 * params * promptTokens * batch) / flopRate;
  const prefillMemory = weightBytes / byteRate;
  const prefillSeconds = Math.max(prefillCompute, prefillMemory);

  // Decode step j (1..n) reads a + b·j seconds' worth of bytes and computes for c seconds.
  const n = outputTokens - 1;
  const c = (2 * params * batch) / flopRate;
  const a = (weightBytes + batch * kvBytesPerToken * promptTokens) / byteRate;
  const b = (batch * kvBytesPerToken) / byteRate;
  // Steps with a + b·j < c are compute-bound: j < (c − a) / b.
  const computeSteps = Math.min(n, Math.max(0, Math.ceil((c - a) / b) - 1));
  const memoryStepsSum = (n - computeSteps) * a + (b * (n * (n + 1) - computeSteps * (computeSteps + 1))) / 2;
  const timePerOutputTokenSeconds = (computeSteps * c + memoryStepsSum) / n;
  const decodeMemory = a + (b * (n + 1)) / 2;

  const result: LlmLatency = {
    prefillSeconds,
    timePerOutputTokenSeconds,
    ttftSeconds: prefillSeconds,
    e2eSeconds: prefillSeconds + n * timePerOutputTokenSeconds,
    outputTokensPerSecond: batch / timePerOutputTokenSeconds,
    bound: {
      prefill: prefillCompute >= prefillMemory ? 'compute' : 'memory',
      decode: c >= decodeMemory ? 'compute' : 'memory',
    },
    roofline: { prefillCompute, prefillMemory, decodeCompute: c, decodeMemory },
  };
  for (const name of ['prefillSeconds', 'timePerOutputTokenSeconds', 'e2eSeconds', 'outputTokensPerSecond'] as const) {
    requireFiniteResult(result[name], name, metric);
  }
  requireFiniteResult(decodeMemory, 'decode memory time', metric);
  return result;
}
