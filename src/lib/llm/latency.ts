/**
 * LLM latency from a roofline model: each phase of generation is limited either by the GPU's
 * arithmetic (compute-bound) or by how fast it can read the weights and KV cache from memory
 * (memory-bound), whichever takes longer.
 */
import { MetricInputError } from '../errors.ts';
import {
  requireFiniteResult,
  requireInRange,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from '../validate.ts';

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
  /**
   * Attention FLOPs a token spends per earlier token of its context, >= 0 (default 0: ignored, the
   * 2 × params rule alone); attentionFlopsPerContextToken gives it for a preset model.
   */
  attentionFlopsPerContextToken?: number;
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
 * Formula: a phase takes max(FLOPs / (peakFlops × mfu), bytes / (memoryBandwidth × mbu)), with
 * a = attentionFlopsPerContextToken (0 unless given) and P = promptTokens.
 * - Prefill: FLOPs = batch × (2 × params × P + a × P² / 2) (causal attention: token i attends to
 *   about i earlier tokens); bytes = weight bytes (params × weightBytesPerParam). It yields the
 *   first output token, so TTFT = prefill (no queueing).
 * - Decode step j = 1 .. outputTokens − 1 (tokens generated so far = j): FLOPs = batch × (2 ×
 *   params + a × (P + j)); bytes = weight bytes + batch × kvBytesPerToken × (P + j). TPOT is the
 *   mean step time, computed in closed form (both times grow linearly with j, so the larger one
 *   switches at most once). bound.decode compares the mean compute time with the mean memory time.
 * - e2e = TTFT + (outputTokens − 1) × TPOT; outputTokensPerSecond = batch / TPOT.
 * Ignored: activation traffic, communication between GPUs and queueing. 2 × params FLOPs per
 * token is the usual forward-pass estimate (Kaplan et al. 2020, https://arxiv.org/abs/2001.08361,
 * section 2.1); without a, attention over the context is ignored too (small for short contexts).
 * Reference: Williams, Waterman & Patterson, "Roofline", CACM 2009,
 * https://doi.org/10.1145/1498765.1498785 ; for LLMs, Pope et al., "Efficiently Scaling
 * Transformer Inference", 2022, https://arxiv.org/abs/2211.05102
 *
 * @throws MetricInputError if a count is not a whole number in range (outputTokens >= 2), a rate
 *   or size is not a positive finite number, mfu or mbu is outside (0, 1],
 *   attentionFlopsPerContextToken is negative, or the times overflow.
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
  const attention = input.attentionFlopsPerContextToken ?? 0;
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
  requireNonNegative(attention, 'attentionFlopsPerContextToken', metric);

  const flopRate = peakFlops * mfu;
  const byteRate = memoryBandwidth * mbu;
  const weightBytes = params * weightBytesPerParam;

  const prefillCompute = (batch * (2 * params * promptTokens + (attention * promptTokens ** 2) / 2)) / flopRate;
  const prefillMemory = weightBytes / byteRate;
  const prefillSeconds = Math.max(prefillCompute, prefillMemory);

  // Decode step j (1..n) computes for c0 + c1·j seconds and reads c0' + c1'·j seconds' worth of bytes.
  const n = outputTokens - 1;
  const compute = {
    intercept: (batch * (2 * params + attention * promptTokens)) / flopRate,
    slope: (batch * attention) / flopRate,
  };
  const memory = {
    intercept: (weightBytes + batch * kvBytesPerToken * promptTokens) / byteRate,
    slope: (batch * kvBytesPerToken) / byteRate,
  };
  const timePerOutputTokenSeconds = sumOfMaxOverSteps(compute, memory, n) / n;
  const decodeCompute = compute.intercept + (compute.slope * (n + 1)) / 2;
  const decodeMemory = memory.intercept + (memory.slope * (n + 1)) / 2;

  const result: LlmLatency = {
    prefillSeconds,
    timePerOutputTokenSeconds,
    ttftSeconds: prefillSeconds,
    e2eSeconds: prefillSeconds + n * timePerOutputTokenSeconds,
    outputTokensPerSecond: batch / timePerOutputTokenSeconds,
    bound: {
      prefill: prefillCompute >= prefillMemory ? 'compute' : 'memory',
      decode: decodeCompute >= decodeMemory ? 'compute' : 'memory',
    },
    roofline: { prefillCompute, prefillMemory, decodeCompute, decodeMemory },
  };
  for (const name of ['prefillSeconds', 'timePerOutputTokenSeconds', 'e2eSeconds', 'outputTokensPerSecond'] as const) {
    requireFiniteResult(result[name], name, metric);
  }
  requireFiniteResult(decodeMemory, 'decode memory time', metric);
  requireFiniteResult(decodeCompute, 'decode compute time', metric);
  return result;
}

interface Linear {
  intercept: number;
  slope: number;
}

/** Σ_{j=from}^{to} (intercept + slope · j), 0 for an empty range. */
function sumLinear({ intercept, slope }: Linear, from: number, to: number): number {
  if (to < from) return 0;
  const count = to - from + 1;
  return count * intercept + (slope * (from + to) * count) / 2;
}

/**
 * Σ_{j=1}^{n} max(f(j), g(j)) for two linear functions, in closed form: they cross at most once,
 * so the steps split into one range where f is the larger and one where g is.
 */
function sumOfMaxOverSteps(f: Linear, g: Linear, n: number): number {
  const larger = (j: number) => (f.intercept + f.slope * j >= g.intercept + g.slope * j ? f : g);
  if (larger(1) === larger(n)) {
    // Same winner at both ends: a linear difference cannot change sign in between.
    return sumLinear(larger(1), 1, n);
  }
  // The winner at j = 1 leads up to the crossing; the other one after it.
  const crossing = (g.intercept - f.intercept) / (f.slope - g.slope);
  const last = Math.min(n - 1, Math.max(1, Math.floor(crossing)));
  const first = larger(1);
  let split = last;
  while (split > 1 && larger(split) !== first) split--;
  while (split < n - 1 && larger(split + 1) === first) split++;
  return sumLinear(first, 1, split) + sumLinear(larger(n), split + 1, n);
}
