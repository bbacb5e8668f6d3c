import { describe, expect, it } from 'vitest';
import {
  attentionFlopsPerContextToken,
  blockLinearParams,
  blockProjections,
  GPU_PRESETS,
  kvCacheBytesPerToken,
  MODEL_PRESETS,
  modelKvCacheBytesPerToken,
  modelMhaKvCacheBytesPerToken,
  type ModelPreset,
} from '../../../src/lib/llm/index.ts';
import { expectMetricError } from '../expect-error.ts';

const preset = (id: string) => MODEL_PRESETS.find((model) => model.id === id) as ModelPreset;

/**
 * Parameters of a dense Llama/Qwen2 decoder from its config.json fields: token embedding and an
 * untied output head (vocab x hidden each), per layer q/k/v/o projections, a gated MLP
 * (gate, up, down: 3 x hidden x intermediate) and two RMSNorm weights, plus the final norm.
 * Qwen2 adds biases to q, k and v (attention_bias in its modeling code).
 */
function denseParams(config: {
  vocab: number;
  hidden: number;
  layers: number;
  heads: number;
  kvHeads: number;
  intermediate: number;
  qkvBias: boolean;
}): number {
  const headDim = config.hidden / config.heads;
  const kvWidth = config.kvHeads * headDim;
  const attention = 2 * config.hidden * config.hidden + 2 * config.hidden * kvWidth;
  const bias = config.qkvBias ? config.hidden + 2 * kvWidth : 0;
  const mlp = 3 * config.hidden * config.intermediate;
  const norms = 2 * config.hidden;
  return 2 * config.vocab * config.hidden + config.layers * (attention + bias + mlp + norms) + config.hidden;
}

describe('MODEL_PRESETS', () => {
  // config.json fields (vocab_size, hidden_size, num_hidden_layers, num_attention_heads,
  // num_key_value_heads, intermediate_size) of each model on Hugging Face.
  it.each([
    [
      'llama-2-7b',
      { vocab: 32000, hidden: 4096, layers: 32, heads: 32, kvHeads: 32, intermediate: 11008, qkvBias: false },
      6.74e9,
    ],
    [
      'llama-3.1-8b',
      { vocab: 128256, hidden: 4096, layers: 32, heads: 32, kvHeads: 8, intermediate: 14336, qkvBias: false },
      8.03e9,
    ],
    [
      'llama-3.1-70b',
      { vocab: 128256, hidden: 8192, layers: 80, heads: 64, kvHeads: 8, intermediate: 28672, qkvBias: false },
      70.55e9,
    ],
    [
      'qwen2.5-7b',
      { vocab: 152064, hidden: 3584, layers: 28, heads: 28, kvHeads: 4, intermediate: 18944, qkvBias: true },
      7.62e9,
    ],
  ])('%s: the parameter count is the sum over its config shapes (about %d)', (id, config, rounded) => {
    const model = preset(id);
    expect(model.params).toBe(denseParams(config));
    expect(model.params / 1e9).toBeCloseTo(rounded / 1e9, 2);
    expect(model.activeParams).toBe(model.params);
    expect(model.layers).toBe(config.layers);
    expect(model.hiddenSize).toBe(config.hidden);
    expect(model.ffnSize).toBe(config.intermediate);
    expect(model.vocabSize).toBe(config.vocab);
    expect(model.attention).toEqual({ kind: 'gqa', heads: config.heads, kvHeads: config.kvHeads, headDim: 128 });
    expect(config.hidden / config.heads).toBe(128);
  });

  it('DeepSeek-V3: 61 layers, 7168 wide, 128 heads, MLA 512 + 64, 671B total and 37B active (repository README)', () => {
    const model = preset('deepseek-v3');
    expect(model).toMatchObject({ layers: 61, hiddenSize: 7168, params: 671e9, activeParams: 37e9 });
    expect(model.attention).toEqual({
      kind: 'mla',
      heads: 128,
      kvLoraRank: 512,
      ropeHeadDim: 64,
      qkNopeHeadDim: 128,
      vHeadDim: 128,
    });
  });

  it('has unique ids and a source for every model', () => {
    expect(new Set(MODEL_PRESETS.map((model) => model.id)).size).toBe(MODEL_PRESETS.length);
    for (const model of MODEL_PRESETS) expect(model.source).toMatch(/^https:\/\//);
  });
});

describe('GPU_PRESETS', () => {
  // Vendor datasheets print tensor-core peaks with 2:4 sparsity; dense is half, rounded down to
  // whole TFLOP/s in the guide (989 for 1,979 / 2, 242 for the L4's 485 / 2).
  it.each([
    ['h100-sxm', 80e9, 3.35e12, 1979e12, 3958e12],
    ['h200-sxm', 141e9, 4.8e12, 1979e12, 3958e12],
    ['b200', 180e9, 8e12, 4500e12, 9000e12],
    ['l4', 24e9, 300e9, 242e12, 485e12],
  ])('%s: %d bytes, %d bytes/s, half of BF16 %d and FP8 %d sparse FLOP/s', (id, memory, bandwidth, bf16, fp8) => {
    const gpu = GPU_PRESETS.find((candidate) => candidate.id === id);
    expect(gpu).toBeDefined();
    expect(gpu?.memoryBytes).toBe(memory);
    expect(gpu?.memoryBandwidth).toBe(bandwidth);
    for (const [dense, sparse] of [
      [gpu?.bf16Flops as number, bf16],
      [gpu?.fp8Flops as number, fp8],
    ]) {
      expect(dense).toBeLessThanOrEqual(sparse / 2);
      expect(sparse / 2 - dense).toBeLessThan(1e12);
    }
  });

  it('FP8 is twice BF16 on every preset (one tensor-core rate, half the bits)', () => {
    for (const gpu of GPU_PRESETS) expect(gpu.fp8Flops / gpu.bf16Flops).toBeCloseTo(2, 2);
  });

  it('leaves out the A10G, which has no vendor datasheet', () => {
    expect(GPU_PRESETS.map((gpu) => gpu.id)).not.toContain('a10g');
  });
});

describe('what the calculators derive from a preset', () => {
  const preset = (id: string) => MODEL_PRESETS.find((model) => model.id === id) as ModelPreset;

  // The inference chapter's table: Llama-3.1-8B's shape as MHA would cache 512 KiB a token, as its GQA
  // 128 KiB; DeepSeek-V3 caching full keys (128 + 64) and values (128) for 128 heads: 4,997,120 B, 71 x MLA.
  it('MHA-equivalent cache: 4x for Llama-3.1-8B, 8x for Llama-3.1-70B, 1x for Llama-2-7B, 71x for DeepSeek-V3', () => {
    const ratio = (id: string) =>
      modelMhaKvCacheBytesPerToken(preset(id), 2) / modelKvCacheBytesPerToken(preset(id), 2);
    expect(modelMhaKvCacheBytesPerToken(preset('llama-3.1-8b'), 2)).toBe(524_288);
    expect(ratio('llama-3.1-8b')).toBe(4);
    expect(ratio('llama-3.1-70b')).toBe(8);
    expect(ratio('llama-2-7b')).toBe(1);
    expect(modelMhaKvCacheBytesPerToken(preset('deepseek-v3'), 2)).toBe(4_997_120);
    expect(Math.round(ratio('deepseek-v3'))).toBe(71);
    expect(modelMhaKvCacheBytesPerToken(preset('qwen2.5-7b'), 1)).toBe(
      kvCacheBytesPerToken({ layers: 28, kvHeads: 28, headDim: 128, bytesPerElement: 1 }),
    );
  });

  it('attention FLOPs per context token: 4 L h d, and 2 L h (2 x 512 + 64) for absorbed MLA', () => {
    expect(attentionFlopsPerContextToken(preset('llama-3.1-8b'))).toBe(4 * 32 * 32 * 128);
    expect(attentionFlopsPerContextToken(preset('llama-3.1-70b'))).toBe(2_621_440);
    // The inference chapter: 2 x 128 x (576 + 512) = 278,528 FLOPs per cached token and layer.
    expect(attentionFlopsPerContextToken(preset('deepseek-v3'))).toBe(61 * 278_528);
  });

  it("block projections: the fine-tuning chapter's Llama-3.1-8B table, and 855,638,016 weights a 70B layer", () => {
    const shapes = blockProjections(preset('llama-3.1-8b'));
    expect(shapes.map(({ name, dIn, dOut }) => `${name} ${dIn}->${dOut}`)).toEqual([
      'q_proj 4096->4096',
      'k_proj 4096->1024',
      'v_proj 4096->1024',
      'o_proj 4096->4096',
      'gate_proj 4096->14336',
      'up_proj 4096->14336',
      'down_proj 14336->4096',
    ]);
    expect(blockLinearParams(preset('llama-3.1-70b'))).toBe(80 * 855_638_016);
    // What the blocks' linear layers leave: embeddings, head and norms (2 x 128,256 x 4,096 + 266,240).
    expect(preset('llama-3.1-8b').params - blockLinearParams(preset('llama-3.1-8b'))).toBe(
      2 * 128_256 * 4096 + 266_240,
    );
  });

  it('has no dense projections for the MLA mixture of experts', () => {
    expectMetricError(() => blockProjections(preset('deepseek-v3')), 'out-of-range', /choose a dense model/);
  });
});
