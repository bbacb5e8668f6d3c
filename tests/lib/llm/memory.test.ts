import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectMetricError } from '../expect-error.ts';
import { inferenceMemory, type InferenceMemoryInput } from '../../../src/lib/llm/index.ts';

// Llama-3.1-8B: 8,030,261,248 parameters (config shapes), 131,072 KV bytes a token in BF16;
// Llama-2-7B: 6,738,415,616 parameters, 524,288 bytes (MHA). H100: 80 GB; vLLM's default 0.9.
const llama31_8b: InferenceMemoryInput = {
  params: 8_030_261_248,
  weightBytesPerParam: 2,
  kvBytesPerToken: 131_072,
  contextTokens: 8192,
  batch: 16,
  gpus: 1,
  gpuMemoryBytes: 80e9,
  utilization: 0.9,
};

describe('inferenceMemory', () => {
  it('Llama-3.1-8B, 16 sequences of 8K on one H100: 16.06 GB weights + 17.18 GB cache, room for 52 sequences', () => {
    // weights 8,030,261,248 x 2; cache 131,072 x 8192 x 16; free 72e9 - weights = 55,939,477,504,
    // one sequence 1,073,741,824 bytes: 52.1 sequences.
    expect(inferenceMemory(llama31_8b)).toEqual({
      weights: 16_060_522_496,
      kvCache: 17_179_869_184,
      total: 33_240_391_680,
      usable: 72e9,
      fits: true,
      maxConcurrentSequences: 52,
    });
  });

  it('GQA fits about 4x the sequences of MHA: Llama-2-7B 27 vs Llama-3.1-8B 104 at 4K context on an H100', () => {
    // Llama-2-7B: (72e9 - 13,476,831,232) / (524,288 x 4096) = 27.25; Llama-3.1-8B: 55,939,477,504 / 536,870,912 = 104.2.
    const mha = inferenceMemory({
      ...llama31_8b,
      params: 6_738_415_616,
      kvBytesPerToken: 524_288,
      contextTokens: 4096,
    });
    const gqa = inferenceMemory({ ...llama31_8b, contextTokens: 4096 });
    expect(mha.maxConcurrentSequences).toBe(27);
    expect(gqa.maxConcurrentSequences).toBe(104);
  });

  it('nothing fits: Llama-3.1-70B in BF16 (141 GB of weights) on one H100 gives fits false and 0 sequences', () => {
    const result = inferenceMemory({ ...llama31_8b, params: 70_553_706_496, kvBytesPerToken: 327_680, batch: 1 });
    expect(result.weights).toBe(141_107_412_992);
    expect(result.fits).toBe(false);
    expect(result.maxConcurrentSequences).toBe(0);
  });

  it('two H100s hold it with room for one 8K sequence in BF16, 27 in FP8; four hold 54 in BF16', () => {
    // (144e9 - 141,107,412,992) / (327,680 x 8192) = 1.08; FP8: (144e9 - 70,553,706,496) / 2,684,354,560 = 27.4;
    // four GPUs: (288e9 - 141,107,412,992) / 2,684,354,560 = 54.7.
    const seventy = { ...llama31_8b, params: 70_553_706_496, kvBytesPerToken: 327_680, batch: 1 };
    expect(inferenceMemory({ ...seventy, gpus: 2 }).maxConcurrentSequences).toBe(1);
    expect(inferenceMemory({ ...seventy, gpus: 2, weightBytesPerParam: 1 }).maxConcurrentSequences).toBe(27);
    expect(inferenceMemory({ ...seventy, gpus: 4 }).maxConcurrentSequences).toBe(54);
    expect(inferenceMemory({ ...seventy, gpus: 2, batch: 2 }).fits).toBe(false);
  });

  it('fits exactly at the limit and not one sequence beyond it', () => {
    const base = {
      params: 10,
      weightBytesPerParam: 1,
      kvBytesPerToken: 1,
      contextTokens: 10,
      gpus: 1,
      gpuMemoryBytes: 100,
    };
    expect(inferenceMemory({ ...base, batch: 9, utilization: 1 })).toMatchObject({
      total: 100,
      fits: true,
      maxConcurrentSequences: 9,
    });
    expect(inferenceMemory({ ...base, batch: 10, utilization: 1 })).toMatchObject({ total: 110, fits: false });
  });

  it('overhead comes out of the room for sequences', () => {
    const withOverhead = inferenceMemory({ ...llama31_8b, overheadBytes: 2 * 1_073_741_824 });
    expect(withOverhead.maxConcurrentSequences).toBe(50);
    expect(withOverhead.total).toBe(33_240_391_680 + 2 * 1_073_741_824);
  });

  it('maxConcurrentSequences is the largest batch that fits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e11 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 1, max: 8 }),
        (params, kvBytesPerToken, contextTokens, gpus) => {
          const input = { ...llama31_8b, params, kvBytesPerToken, contextTokens, gpus, batch: 1 };
          const max = inferenceMemory(input).maxConcurrentSequences;
          if (max > 0) expect(inferenceMemory({ ...input, batch: max }).fits).toBe(true);
          expect(inferenceMemory({ ...input, batch: max + 1 }).fits).toBe(false);
        },
      ),
    );
  });

  it.each([
    [{ params: 0 }, 'out-of-range', /params is 0/],
    [{ weightBytesPerParam: 0 }, 'out-of-range', /weightBytesPerParam/],
    [{ kvBytesPerToken: -1 }, 'out-of-range', /kvBytesPerToken/],
    [{ contextTokens: 0.5 }, 'out-of-range', /contextTokens/],
    [{ batch: 0 }, 'out-of-range', /batch is 0/],
    [{ gpus: 0 }, 'out-of-range', /gpus is 0/],
    [{ gpuMemoryBytes: NaN }, 'not-finite', /gpuMemoryBytes is NaN/],
    [{ utilization: 0 }, 'out-of-range', /utilization is 0; it must be greater than 0/],
    [{ utilization: 1.2 }, 'out-of-range', /utilization is 1.2; it must be between 0 and 1/],
    [{ overheadBytes: -5 }, 'out-of-range', /overheadBytes is -5/],
  ] as const)('rejects %o', (override, code, message) => {
    expectMetricError(() => inferenceMemory({ ...llama31_8b, ...override }), code, message);
  });

  it('says so instead of returning Infinity when the sizes overflow', () => {
    expectMetricError(
      () => inferenceMemory({ ...llama31_8b, kvBytesPerToken: 1e300, contextTokens: 1e10 }),
      'out-of-range',
      /overflows/,
    );
  });
});
