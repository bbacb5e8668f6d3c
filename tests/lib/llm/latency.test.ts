import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectMetricError } from '../expect-error.ts';
import { llmLatency, type LlmLatencyInput } from '../../../src/lib/llm/index.ts';

// Llama-3.1-8B (8,030,261,248 parameters, 131,072 KV bytes a token in BF16) on an H100 SXM
// (989 TFLOP/s dense BF16, 3.35 TB/s), both from the presets' sources.
const P = 8_030_261_248;
const base: LlmLatencyInput = {
  params: P,
  weightBytesPerParam: 2,
  kvBytesPerToken: 131_072,
  promptTokens: 1000,
  outputTokens: 201,
  batch: 1,
  peakFlops: 989e12,
  memoryBandwidth: 3.35e12,
};

/** The decode steps one by one, as the formula states them (the function uses a closed form). */
function bruteForceTpot(input: LlmLatencyInput): number {
  const mfu = input.mfu ?? 1;
  const mbu = input.mbu ?? 1;
  const attention = input.attentionFlopsPerContextToken ?? 0;
  let total = 0;
  for (let generated = 1; generated < input.outputTokens; generated++) {
    const context = input.promptTokens + generated;
    const compute = (input.batch * (2 * input.params + attention * context)) / (input.peakFlops * mfu);
    const bytes =
      input.params * input.weightBytesPerParam + input.batch * input.kvBytesPerToken * (input.promptTokens + generated);
    total += Math.max(compute, bytes / (input.memoryBandwidth * mbu));
  }
  return total / (input.outputTokens - 1);
}

describe('llmLatency', () => {
  it('batch 1: prefill of 1,000 tokens is compute-bound (2 x P x 1000 / 989e12 = 16.24 ms)', () => {
    const result = llmLatency(base);
    expect(result.prefillSeconds).toBeCloseTo((2 * P * 1000) / 989e12, 15);
    expect(result.prefillSeconds).toBeCloseTo(0.01624, 5);
    expect(result.bound.prefill).toBe('compute');
    expect(result.ttftSeconds).toBe(result.prefillSeconds);
  });

  it('batch 1: decode is memory-bound, each step reads the 16 GB of weights: TPOT 4.84 ms, 207 tokens/s', () => {
    const result = llmLatency(base);
    expect(result.bound.decode).toBe('memory');
    // (16,060,522,496 + 131,072 x (1000 + 100.5)) / 3.35e12: the mean context over steps 1..200 is 1100.5.
    expect(result.timePerOutputTokenSeconds).toBeCloseTo((2 * P + 131_072 * 1100.5) / 3.35e12, 15);
    expect(result.outputTokensPerSecond).toBeCloseTo(206.73, 2);
    expect(result.e2eSeconds).toBeCloseTo(result.ttftSeconds + 200 * result.timePerOutputTokenSeconds, 12);
    expect(result.roofline.decodeCompute).toBeLessThan(result.roofline.decodeMemory / 100);
  });

  it('prefill of a single token is memory-bound (the weights still have to be read)', () => {
    expect(llmLatency({ ...base, promptTokens: 1 }).bound.prefill).toBe('memory');
  });

  // With a negligible KV cache a decode step is compute-bound once 2 P B / F > P b / W, i.e.
  // B > F b / (2 W) = 989e12 x 2 / (2 x 3.35e12) = 295.2: the H100's ridge point for BF16 weights.
  it('decode turns compute-bound past the ridge point: batch 295 memory-bound, 296 compute-bound', () => {
    const tinyCache = { ...base, kvBytesPerToken: 1, promptTokens: 1, outputTokens: 2 };
    expect(llmLatency({ ...tinyCache, batch: 295 }).bound.decode).toBe('memory');
    expect(llmLatency({ ...tinyCache, batch: 296 }).bound.decode).toBe('compute');
  });

  // With the real cache, short chats: the mean step reads 16.06e9 + B x 131,072 x 192.5 bytes
  // (context 128 + 64.5) and computes 2 P B FLOPs, so compute wins above B = 551.
  it('at batch 1,024 with short contexts decode is compute-bound, and tokens/s stops growing with batch', () => {
    const short = { ...base, promptTokens: 128, outputTokens: 128 };
    expect(llmLatency({ ...short, batch: 512 }).bound.decode).toBe('memory');
    const large = llmLatency({ ...short, batch: 1024 });
    expect(large.bound.decode).toBe('compute');
    expect(large.outputTokensPerSecond / (989e12 / (2 * P))).toBeCloseTo(1, 12);
  });

  it('with long contexts the KV reads keep decode memory-bound at any batch (GQA 8B at 32K)', () => {
    const long = { ...base, promptTokens: 32_000, outputTokens: 1000 };
    for (const batch of [1, 64, 4096]) expect(llmLatency({ ...long, batch }).bound.decode).toBe('memory');
  });

  it('the closed-form mean step equals stepping through the generation, also when it crosses the roof', () => {
    // Batch 600, prompt 128: the first steps are compute-bound, the later ones memory-bound.
    const crossing = { ...base, promptTokens: 128, outputTokens: 4096, batch: 600 };
    const result = llmLatency(crossing);
    expect(result.timePerOutputTokenSeconds).toBeCloseTo(bruteForceTpot(crossing), 12);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 2, max: 600 }),
        fc.integer({ min: 1, max: 2048 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (promptTokens, outputTokens, batch, mfu, mbu) => {
          const input = { ...base, promptTokens, outputTokens, batch, mfu, mbu };
          const tpot = llmLatency(input).timePerOutputTokenSeconds;
          expect(Math.abs(tpot / bruteForceTpot(input) - 1)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('decode at batch 1 speeds up by the bandwidth ratio on an H200 (4.8 / 3.35 TB/s)', () => {
    const h100 = llmLatency(base).timePerOutputTokenSeconds;
    const h200 = llmLatency({ ...base, memoryBandwidth: 4.8e12 }).timePerOutputTokenSeconds;
    expect(h100 / h200).toBeCloseTo(4.8 / 3.35, 12);
  });

  it('MBU 0.5 doubles memory-bound time, MFU 0.5 doubles compute-bound time', () => {
    expect(llmLatency({ ...base, mbu: 0.5 }).timePerOutputTokenSeconds).toBeCloseTo(
      2 * llmLatency(base).timePerOutputTokenSeconds,
      12,
    );
    expect(llmLatency({ ...base, mfu: 0.5 }).prefillSeconds).toBeCloseTo(2 * llmLatency(base).prefillSeconds, 12);
  });

  it.each([
    [{ outputTokens: 1 }, 'out-of-range', /outputTokens is 1; it must be at least 2/],
    [{ promptTokens: 0 }, 'out-of-range', /promptTokens is 0/],
    [{ batch: 2.5 }, 'out-of-range', /batch is 2.5/],
    [{ peakFlops: 0 }, 'out-of-range', /peakFlops is 0/],
    [{ memoryBandwidth: -1 }, 'out-of-range', /memoryBandwidth is -1/],
    [{ mfu: 0 }, 'out-of-range', /mfu is 0/],
    [{ mbu: 1.5 }, 'out-of-range', /mbu is 1.5; it must be between 0 and 1/],
    [{ weightBytesPerParam: NaN }, 'not-finite', /weightBytesPerParam is NaN/],
    [{ kvBytesPerToken: 0 }, 'out-of-range', /kvBytesPerToken is 0/],
  ] as const)('rejects %o', (override, code, message) => {
    expectMetricError(() => llmLatency({ ...base, ...override }), code, message);
  });

  it('rejects negative attention FLOPs', () => {
    expectMetricError(
      () => llmLatency({ ...base, attentionFlopsPerContextToken: -1 }),
      'out-of-range',
      /attentionFlopsPerContextToken is -1/,
    );
  });

  it('reports an overflow instead of Infinity', () => {
    expectMetricError(() => llmLatency({ ...base, peakFlops: 1e-300, promptTokens: 1e9 }), 'out-of-range', /overflows/);
  });
});

// Attention over the context (attentionFlopsPerContextToken = 4 L h d): the worked examples of the
// inference and serving chapters, which add causal attention 2 L n^2 h d to the prefill.
describe('llmLatency with attention FLOPs', () => {
  const LLAMA_8B_ATTENTION = 4 * 32 * 32 * 128; // 524,288 FLOPs per context token
  const LLAMA_70B = 70_553_706_496;
  const LLAMA_70B_ATTENTION = 4 * 80 * 64 * 128; // 2,621,440

  it('inference chapter: 8B, 1,000-token prompt, 300 tokens, 50% MFU, 70% MBU: TTFT 33 ms, TPOT 6.9 ms, 2.1 s', () => {
    const result = llmLatency({
      ...base,
      outputTokens: 300,
      mfu: 0.5,
      mbu: 0.7,
      attentionFlopsPerContextToken: LLAMA_8B_ATTENTION,
    });
    // 2P x 1000 + 2 x 32 x 1000^2 x 32 x 128 = 1.632e13 FLOPs at 494.5 TFLOP/s.
    expect(result.prefillSeconds).toBeCloseTo((2 * P * 1000 + 2 * 32 * 1e6 * 32 * 128) / 494.5e12, 15);
    expect(result.ttftSeconds * 1000).toBeCloseTo(33.0, 1);
    // Mean context 1000 + 150 tokens: (16.06 GB + 0.15 GB) / (0.7 x 3.35 TB/s).
    expect(result.timePerOutputTokenSeconds).toBeCloseTo((2 * P + 131_072 * 1150) / (0.7 * 3.35e12), 15);
    expect(result.timePerOutputTokenSeconds * 1000).toBeCloseTo(6.91, 2);
    expect(result.e2eSeconds).toBeCloseTo(2.1, 2);
  });

  it('serving chapter, 70B capacity plan: FP8 on an H200, one prompt prefills in 363 ms; batch 128 steps in 34.7 ms', () => {
    const plan = {
      params: LLAMA_70B,
      weightBytesPerParam: 1,
      kvBytesPerToken: 163_840,
      promptTokens: 2000,
      outputTokens: 400,
      peakFlops: 1979e12,
      memoryBandwidth: 4.8e12,
      mfu: 0.4,
      mbu: 0.7,
      attentionFlopsPerContextToken: LLAMA_70B_ATTENTION,
    };
    const one = llmLatency({ ...plan, batch: 1 });
    // 2.82e14 + 5.2e12 FLOPs at 0.4 x 1,979 TFLOP/s.
    expect(one.prefillSeconds * 1000).toBeCloseTo(363.1, 1);
    expect(one.bound.prefill).toBe('compute');
    const batch = llmLatency({ ...plan, batch: 128 });
    // (70.55 GB + 128 x 2,200 x 163,840 B) / (0.7 x 4.8 TB/s); 128 tokens a step.
    expect(batch.timePerOutputTokenSeconds * 1000).toBeCloseTo(34.73, 2);
    expect(Math.round(batch.outputTokensPerSecond)).toBe(3686);
    expect(batch.bound.decode).toBe('memory');
  });

  it('the closed form equals stepping through the generation when compute also grows with context', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8192 }),
        fc.integer({ min: 2, max: 600 }),
        fc.integer({ min: 1, max: 2048 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 5e7, noNaN: true }),
        (promptTokens, outputTokens, batch, mfu, attention) => {
          const input = { ...base, promptTokens, outputTokens, batch, mfu, attentionFlopsPerContextToken: attention };
          const tpot = llmLatency(input).timePerOutputTokenSeconds;
          expect(Math.abs(tpot / bruteForceTpot(input) - 1)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is the same as before when attention is 0', () => {
    expect(llmLatency({ ...base, attentionFlopsPerContextToken: 0 })).toEqual(llmLatency(base));
  });
});
