import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../expect-error.ts';
import {
  BYTES_PER_ELEMENT,
  kvCacheBytesPerToken,
  mlaKvCacheBytesPerToken,
  MODEL_PRESETS,
  modelKvCacheBytesPerToken,
  type ModelPreset,
} from '../../../src/lib/llm/index.ts';

const bf16 = BYTES_PER_ELEMENT.bf16;
const preset = (id: string) => MODEL_PRESETS.find((model) => model.id === id) as ModelPreset;

describe('kvCacheBytesPerToken', () => {
  // 2 (K and V) x layers x KV heads x head dim x 2 bytes, with the config.json values of each model.
  it('MHA: Llama-2-7B (32 layers, 32 KV heads of 128) keeps 2 x 32 x 32 x 128 x 2 = 524,288 bytes a token', () => {
    expect(kvCacheBytesPerToken({ layers: 32, kvHeads: 32, headDim: 128, bytesPerElement: bf16 })).toBe(524_288);
  });

  it('GQA: Llama-3.1-8B (8 KV heads) keeps 131,072 bytes, 4x less than the same shape with MHA', () => {
    const gqa = kvCacheBytesPerToken({ layers: 32, kvHeads: 8, headDim: 128, bytesPerElement: bf16 });
    expect(gqa).toBe(131_072);
    expect(524_288 / gqa).toBe(32 / 8);
  });

  it.each([
    ['Llama-3.1-70B', 80, 8, 327_680],
    ['Qwen2.5-7B', 28, 4, 57_344],
  ])('%s: %d layers x %d KV heads x 128 dims in BF16 = %d bytes', (_name, layers, kvHeads, bytes) => {
    expect(kvCacheBytesPerToken({ layers, kvHeads, headDim: 128, bytesPerElement: bf16 })).toBe(bytes);
  });

  it('MQA (one KV head) keeps heads times less than MHA', () => {
    expect(kvCacheBytesPerToken({ layers: 32, kvHeads: 1, headDim: 128, bytesPerElement: bf16 })).toBe(524_288 / 32);
  });

  it('an FP8 cache takes half the BF16 bytes: Llama-3.1-8B 65,536 bytes a token', () => {
    expect(kvCacheBytesPerToken({ layers: 32, kvHeads: 8, headDim: 128, bytesPerElement: BYTES_PER_ELEMENT.fp8 })).toBe(
      65_536,
    );
  });

  it.each([
    [{ layers: 0 }, 'out-of-range', /layers is 0/],
    [{ kvHeads: 1.5 }, 'out-of-range', /kvHeads is 1.5; it must be a whole number/],
    [{ headDim: NaN }, 'not-finite', /headDim is NaN/],
    [{ bytesPerElement: 0 }, 'out-of-range', /bytesPerElement is 0; it must be greater than 0/],
    [{ bytesPerElement: Infinity }, 'not-finite', /bytesPerElement is Infinity/],
  ] as const)('rejects %o', (override, code, message) => {
    const input = { layers: 32, kvHeads: 8, headDim: 128, bytesPerElement: 2, ...override };
    expectMetricError(() => kvCacheBytesPerToken(input), code, message);
  });
});

describe('mlaKvCacheBytesPerToken', () => {
  it('DeepSeek-V3 (61 layers, kv_lora_rank 512, qk_rope_head_dim 64) keeps 61 x (512 + 64) x 2 = 70,272 bytes', () => {
    expect(mlaKvCacheBytesPerToken({ layers: 61, kvLoraRank: 512, ropeHeadDim: 64, bytesPerElement: bf16 })).toBe(
      70_272,
    );
  });

  it('FP8 halves it to 35,136 bytes', () => {
    expect(mlaKvCacheBytesPerToken({ layers: 61, kvLoraRank: 512, ropeHeadDim: 64, bytesPerElement: 1 })).toBe(35_136);
  });

  // DeepSeek-V2 paper, Table 1: MLA caches (d_c + d_h^R) l elements, about (9/2) d_h l with
  // d_c = 4 d_h and d_h^R = d_h / 2; MHA caches 2 n_h d_h l.
  it('caches 9/2 x head dim elements a layer (DeepSeek-V2, Table 1), 57x less than MHA with its 128 heads', () => {
    const headDim = 128;
    const mla = mlaKvCacheBytesPerToken({
      layers: 1,
      kvLoraRank: 4 * headDim,
      ropeHeadDim: headDim / 2,
      bytesPerElement: 1,
    });
    expect(mla).toBe((9 / 2) * headDim);
    const mha = kvCacheBytesPerToken({ layers: 1, kvHeads: 128, headDim, bytesPerElement: 1 });
    expect(mha / mla).toBeCloseTo(56.89, 2);
  });

  it('accepts ropeHeadDim 0 (no decoupled RoPE key) but not a negative one', () => {
    expect(mlaKvCacheBytesPerToken({ layers: 2, kvLoraRank: 512, ropeHeadDim: 0, bytesPerElement: 2 })).toBe(2048);
    expectMetricError(
      () => mlaKvCacheBytesPerToken({ layers: 2, kvLoraRank: 512, ropeHeadDim: -1, bytesPerElement: 2 }),
      'out-of-range',
      /ropeHeadDim is -1/,
    );
  });

  it('rejects kvLoraRank 0', () => {
    expectMetricError(
      () => mlaKvCacheBytesPerToken({ layers: 61, kvLoraRank: 0, ropeHeadDim: 64, bytesPerElement: 2 }),
      'out-of-range',
      /^MLA KV cache per token: kvLoraRank is 0/,
    );
  });
});

describe('modelKvCacheBytesPerToken', () => {
  // The shared reference values of the guide (content brief), BF16.
  it.each([
    ['llama-2-7b', 524_288],
    ['llama-3.1-8b', 131_072],
    ['llama-3.1-70b', 327_680],
    ['qwen2.5-7b', 57_344],
    ['deepseek-v3', 70_272],
  ])('%s caches %d bytes a token in BF16', (id, bytes) => {
    expect(modelKvCacheBytesPerToken(preset(id), bf16)).toBe(bytes);
  });

  it('passes bad precision on as an error', () => {
    expectMetricError(() => modelKvCacheBytesPerToken(preset('deepseek-v3'), -2), 'out-of-range', /bytesPerElement/);
  });
});
