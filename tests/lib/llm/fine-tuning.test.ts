import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../expect-error.ts';
import { activationMemoryBytes } from '../../../src/lib/systems/index.ts';
import {
  blockLinearParams,
  decoderActivationMemory,
  fineTuningMemory,
  loraTrainableParams,
  MODEL_PRESETS,
  QLORA_BITS_PER_PARAM,
  type ModelPreset,
} from '../../../src/lib/llm/index.ts';

// Llama-3.1-8B attention shapes (config.json): q and o 4096 -> 4096, k and v 4096 -> 1024 (8 KV heads x 128).
const llamaAttention = [
  { dIn: 4096, dOut: 4096 },
  { dIn: 4096, dOut: 1024 },
  { dIn: 4096, dOut: 1024 },
  { dIn: 4096, dOut: 4096 },
];

describe('loraTrainableParams', () => {
  it('Llama-3.1-8B, r = 16 on q, k, v, o: 32 x 16 x (8192 + 5120 + 5120 + 8192) = 13,631,488', () => {
    // The count PEFT's print_trainable_parameters() reports for this configuration.
    expect(loraTrainableParams({ layers: 32, targets: llamaAttention, rank: 16 })).toBe(13_631_488);
  });

  // LoRA paper, section 7.1 and Table 5: an 18M budget on GPT-3 175B (96 layers, d_model 12,288)
  // is r = 8 on one attention matrix, r = 4 on two, r = 2 on all four.
  it.each([
    [8, 1],
    [4, 2],
    [2, 4],
  ])('GPT-3 175B, r = %d on %d matrices: 18,874,368 (the paper\'s "18M")', (rank, matrices) => {
    const targets = Array.from({ length: matrices }, () => ({ dIn: 12_288, dOut: 12_288 }));
    expect(loraTrainableParams({ layers: 96, targets, rank })).toBe(18_874_368);
  });

  it('is linear in the rank', () => {
    const r8 = loraTrainableParams({ layers: 32, targets: llamaAttention, rank: 8 });
    expect(loraTrainableParams({ layers: 32, targets: llamaAttention, rank: 64 })).toBe(8 * r8);
  });

  it.each([
    [{ targets: [] }, 'empty', /targets is empty/],
    [{ rank: 0 }, 'out-of-range', /rank is 0/],
    [{ layers: 1.5 }, 'out-of-range', /layers is 1.5/],
    [{ targets: [{ dIn: 4096, dOut: 0 }] }, 'out-of-range', /targets\[0\]\.dOut is 0/],
  ] as const)('rejects %o', (override, code, message) => {
    expectMetricError(
      () => loraTrainableParams({ layers: 32, targets: llamaAttention, rank: 16, ...override }),
      code,
      message,
    );
  });
});

describe('fineTuningMemory', () => {
  it('full fine-tuning with mixed-precision Adam takes 16 bytes a parameter: 7B -> 14 + 14 + 84 = 112 GB', () => {
    expect(fineTuningMemory({ params: 7e9, method: 'full' })).toEqual({
      weights: 14e9,
      gradients: 14e9,
      optimizerStates: 84e9,
      total: 112e9,
      activationsEstimate: null,
    });
  });

  it('ignores trainableParams for full fine-tuning (every parameter trains)', () => {
    expect(fineTuningMemory({ params: 7e9, method: 'full', trainableParams: 5 }).total).toBe(112e9);
  });

  it('LoRA: frozen BF16 base (2 bytes) plus 16 bytes per adapter parameter', () => {
    const result = fineTuningMemory({ params: 8_030_261_248, method: 'lora', trainableParams: 13_631_488 });
    expect(result.weights).toBe(2 * 8_030_261_248 + 2 * 13_631_488);
    expect(result.gradients).toBe(2 * 13_631_488);
    expect(result.optimizerStates).toBe(12 * 13_631_488);
    expect(result.total).toBe(2 * 8_030_261_248 + 16 * 13_631_488);
  });

  // QLoRA paper, section 3: NF4 with one FP32 constant per 64 weights adds 32/64 = 0.5 bits a
  // parameter; double quantization brings it to 8/64 + 32/(64 x 256) = 0.127 bits, "a reduction of
  // 0.373 bits per parameter", about 3 GB for a 65B model.
  it('QLoRA constants: 0.5 bits a parameter, 0.127 with double quantization', () => {
    expect(QLORA_BITS_PER_PARAM.constants).toBe(0.5);
    expect(QLORA_BITS_PER_PARAM.doubleQuantizedConstants).toBeCloseTo(0.127, 3);
  });

  it('QLoRA on a 65B model: double quantization saves about 3 GB and the base fits in 48 GB', () => {
    const adapters = 1e8;
    const withDq = fineTuningMemory({ params: 65e9, method: 'qlora', trainableParams: adapters });
    const withoutDq = fineTuningMemory({
      params: 65e9,
      method: 'qlora',
      trainableParams: adapters,
      doubleQuantization: false,
    });
    expect((withoutDq.weights - withDq.weights) / 1e9).toBeCloseTo(3.03, 2);
    expect(withoutDq.weights - 2 * adapters).toBe((65e9 * 4.5) / 8);
    expect(withDq.total).toBeLessThan(48e9);
    expect(fineTuningMemory({ params: 65e9, method: 'lora', trainableParams: adapters }).total).toBeGreaterThan(130e9);
  });

  it('reports activations apart from the total, as the Korthikanti estimate', () => {
    const shapes = {
      seqLength: 2048,
      microBatch: 1,
      hiddenSize: 4096,
      heads: 32,
      layers: 32,
      recompute: 'full' as const,
    };
    const result = fineTuningMemory({
      params: 8_030_261_248,
      method: 'qlora',
      trainableParams: 13_631_488,
      activations: shapes,
    });
    expect(result.activationsEstimate).toBe(activationMemoryBytes(shapes));
    expect(result.activationsEstimate).toBe(32 * 2 * 2048 * 4096);
    expect(result.total).toBe(result.weights + result.gradients + result.optimizerStates);
  });

  it('asks for the adapter count when LoRA or QLoRA has none', () => {
    expectMetricError(
      () => fineTuningMemory({ params: 7e9, method: 'lora' }),
      'out-of-range',
      /trainableParams is missing; LoRA trains only the adapters/,
    );
    expectMetricError(
      () => fineTuningMemory({ params: 7e9, method: 'qlora', trainableParams: 0 }),
      'out-of-range',
      /trainableParams is 0/,
    );
  });

  it('rejects an unknown method and bad activation shapes', () => {
    expectMetricError(
      () => fineTuningMemory({ params: 7e9, method: 'adapter' as 'lora', trainableParams: 1 }),
      'out-of-range',
      /method is "adapter"; choose one of 'full', 'lora', 'qlora'/,
    );
    expectMetricError(
      () =>
        fineTuningMemory({
          params: 7e9,
          method: 'full',
          activations: { seqLength: 0, microBatch: 1, hiddenSize: 4096, heads: 32, layers: 32 },
        }),
      'out-of-range',
      /seqLength is 0/,
    );
  });
});

// The fine-tuning chapter's worked QLoRA figures: bitsandbytes quantizes the linear layers inside
// the blocks and leaves the embeddings, the output head and the norms in BF16.
describe('fineTuningMemory, QLoRA with the embeddings and head in BF16', () => {
  const model = (id: string) => MODEL_PRESETS.find((m) => m.id === id) as ModelPreset;

  it('Llama-3.1-70B: 34.23 GB of NF4 blocks + 1.09 GB of constants + 4.20 GB in BF16 + 3.31 GB of adapters = 42.8 GB', () => {
    const llama = model('llama-3.1-70b');
    const quantizedParams = blockLinearParams(llama);
    expect(quantizedParams).toBe(68_451_041_280);
    const adapters = 207_093_760; // 80 x 2,588,672
    const result = fineTuningMemory({
      params: llama.params,
      method: 'qlora',
      trainableParams: adapters,
      quantizedParams,
    });
    const frozen = result.weights - 2 * adapters;
    expect(frozen / 1e9).toBeCloseTo(34.2255 + 1.0866 + 4.2053, 3);
    expect((result.weights - 2 * adapters + 16 * adapters) / 1e9).toBeCloseTo(42.83, 2);
    expect(result.total / 1e9).toBeCloseTo(42.83, 2);
  });

  it('Llama-3.1-8B: 3.49 + 0.11 + 2.10 = 5.70 GB of frozen weights and 6.4 GB in all', () => {
    const llama = model('llama-3.1-8b');
    const adapters = 41_943_040;
    const result = fineTuningMemory({
      params: llama.params,
      method: 'qlora',
      trainableParams: adapters,
      quantizedParams: blockLinearParams(llama),
    });
    expect((result.weights - 2 * adapters) / 1e9).toBeCloseTo(5.7, 2);
    expect(result.total / 1e9).toBeCloseTo(6.37, 2);
  });

  it('rejects a quantized count above the parameters', () => {
    expectMetricError(
      () => fineTuningMemory({ params: 100, method: 'qlora', trainableParams: 1, quantizedParams: 101 }),
      'out-of-range',
      /quantizedParams is 101/,
    );
  });
});

describe('decoderActivationMemory', () => {
  const llama8b = { layers: 32, hiddenSize: 4096, kvWidth: 1024, ffnSize: 14336, vocabSize: 128256 };
  const llama70b = { layers: 80, hiddenSize: 8192, kvWidth: 1024, ffnSize: 28672, vocabSize: 128256 };

  it('8B: 164 KiB a token a layer; 22.0 GB for 4,096 tokens without checkpointing, plus 2.10 GB of FP32 logits', () => {
    const none = decoderActivationMemory({ ...llama8b, tokens: 4096, checkpointing: false });
    expect(none.perTokenPerLayer).toBe(167_936);
    expect(none.blocks / 1e9).toBeCloseTo(22.01, 2);
    expect(none.logits).toBe(4096 * 128_256 * 4);
  });

  it('8B checkpointed: 1.07 GB of block inputs + 0.69 GB for one block + 2.10 GB of logits = 3.86 GB', () => {
    const result = decoderActivationMemory({ ...llama8b, tokens: 4096, checkpointing: true });
    expect(result.blocks).toBe(32 * 4096 * 4096 * 2 + 4096 * 167_936);
    expect(result.total / 1e9).toBeCloseTo(3.86, 2);
  });

  it('70B checkpointed: 5.37 + 1.36 + 2.10 = 8.8 GB at 4,096 tokens and 2.2 GB at 1,024', () => {
    expect(decoderActivationMemory({ ...llama70b, tokens: 4096, checkpointing: true }).total / 1e9).toBeCloseTo(
      8.83,
      2,
    );
    expect(decoderActivationMemory({ ...llama70b, tokens: 1024, checkpointing: true }).total / 1e9).toBeCloseTo(
      2.21,
      2,
    );
  });

  it('rejects a size that is not a whole number >= 1', () => {
    expectMetricError(
      () => decoderActivationMemory({ ...llama8b, tokens: 0, checkpointing: true }),
      'out-of-range',
      /tokens is 0/,
    );
  });
});
