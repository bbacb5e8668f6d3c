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
  let total = 0;
  for (let generated = 1; generated < input.outputTokens; generated++) {
    const compute = (2 * input.params * input.batch) / (input.peakFlops * mfu);
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

  it('reports an overflow instead of Infinity', () => {
    expectMetricError(() => llmLatency({ ...base, peakFlops: 1e-300, promptTokens: 1e9 }), 'out-of-range', /overflows/);
  });
});
