/**
 * Model and GPU presets for the LLM calculators: a small typed table, each figure copied from a
 * primary source cited beside it. Sizes are in decimal units as the sources print them
 * (1 GB = 1e9 bytes, 1 TB/s = 1e12 bytes/s, 1 TFLOP/s = 1e12 FLOP/s).
 */
import { MetricInputError } from '../errors.ts';
import { requirePositive } from '../validate.ts';
import { kvCacheBytesPerToken, mlaKvCacheBytesPerToken } from './kv-cache.ts';

/** Attention with K and V heads stored per token: MHA (kvHeads = heads), GQA, or MQA (kvHeads = 1). */
export interface GroupedAttention {
  kind: 'gqa';
  /** Query heads (`num_attention_heads`). */
  heads: number;
  /** Key/value heads (`num_key_value_heads`). */
  kvHeads: number;
  /** Dimensions per head (`head_dim`, or hidden_size / heads when the config omits it). */
  headDim: number;
}

/** Multi-head latent attention (DeepSeek-V2/V3): the cache keeps one compressed latent per token. */
export interface LatentAttention {
  kind: 'mla';
  /** Query heads (`num_attention_heads`). */
  heads: number;
  /** Width of the cached KV latent (`kv_lora_rank`). */
  kvLoraRank: number;
  /** Width of the decoupled RoPE key, cached beside the latent (`qk_rope_head_dim`). */
  ropeHeadDim: number;
  /** Query/key dimensions per head without RoPE (`qk_nope_head_dim`). */
  qkNopeHeadDim: number;
  /** Value dimensions per head (`v_head_dim`). */
  vHeadDim: number;
}

export interface ModelPreset {
  id: string;
  name: string;
  /** Transformer layers (`num_hidden_layers`). */
  layers: number;
  /** Model width (`hidden_size`). */
  hiddenSize: number;
  attention: GroupedAttention | LatentAttention;
  /** Width of the gated MLP (`intermediate_size`); null for a mixture of experts, whose experts have their own width. */
  ffnSize: number | null;
  /** Vocabulary entries (`vocab_size`): the rows of the embedding and of the untied output head. */
  vocabSize: number;
  /** Parameters held in memory (all experts of a mixture-of-experts model). */
  params: number;
  /** Parameters used per token: equal to params for a dense model, fewer for MoE (FLOPs ≈ 2 × this). */
  activeParams: number;
  /** Where the figures come from. */
  source: string;
}

/** What the cache and attention formulas need of a model: its layers and attention (a preset, or a shape typed in). */
export type ModelShape = Pick<ModelPreset, 'layers' | 'attention'>;

export interface GpuPreset {
  id: string;
  name: string;
  /** On-board memory, bytes. */
  memoryBytes: number;
  /** Peak memory bandwidth, bytes per second. */
  memoryBandwidth: number;
  /** Dense (no structured sparsity) BF16 tensor-core peak, FLOP/s. */
  bf16Flops: number;
  /** Dense FP8 tensor-core peak, FLOP/s. */
  fp8Flops: number;
  source: string;
}

/*
 * Dense parameter counts below are exact sums over the weight shapes in each config.json
 * (embeddings, untied output head, attention, gated MLP, norms and, for Qwen2, the q/k/v biases);
 * tests/lib/llm/presets.test.ts recomputes them from the config fields. They round to the sizes
 * the model cards print (Llama-2-7B 6.74B, Llama-3.1-8B 8.03B, Llama-3.1-70B 70.6B, Qwen2.5-7B
 * 7.62B; Qwen's card truncates to 7.61B).
 */
export const MODEL_PRESETS = [
  {
    // meta-llama/Llama-2-7b-hf config.json: num_hidden_layers 32, hidden_size 4096,
    // num_attention_heads 32, num_key_value_heads 32 (MHA), intermediate_size 11008, vocab_size 32000.
    // Touvron et al., "Llama 2", 2023, Table 1: GQA only for the 34B and 70B models.
    id: 'llama-2-7b',
    name: 'Llama-2-7B (MHA)',
    layers: 32,
    hiddenSize: 4096,
    attention: { kind: 'gqa', heads: 32, kvHeads: 32, headDim: 128 },
    ffnSize: 11008,
    vocabSize: 32000,
    params: 6_738_415_616,
    activeParams: 6_738_415_616,
    source: 'https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json',
  },
  {
    // meta-llama/Llama-3.1-8B config.json: num_hidden_layers 32, hidden_size 4096,
    // num_attention_heads 32, num_key_value_heads 8, intermediate_size 14336, vocab_size 128256,
    // tie_word_embeddings false.
    id: 'llama-3.1-8b',
    name: 'Llama-3.1-8B',
    layers: 32,
    hiddenSize: 4096,
    attention: { kind: 'gqa', heads: 32, kvHeads: 8, headDim: 128 },
    ffnSize: 14336,
    vocabSize: 128256,
    params: 8_030_261_248,
    activeParams: 8_030_261_248,
    source: 'https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json',
  },
  {
    // meta-llama/Llama-3.1-70B config.json: num_hidden_layers 80, hidden_size 8192,
    // num_attention_heads 64, num_key_value_heads 8, intermediate_size 28672, vocab_size 128256.
    id: 'llama-3.1-70b',
    name: 'Llama-3.1-70B',
    layers: 80,
    hiddenSize: 8192,
    attention: { kind: 'gqa', heads: 64, kvHeads: 8, headDim: 128 },
    ffnSize: 28672,
    vocabSize: 128256,
    params: 70_553_706_496,
    activeParams: 70_553_706_496,
    source: 'https://huggingface.co/meta-llama/Llama-3.1-70B/blob/main/config.json',
  },
  {
    // Qwen/Qwen2.5-7B config.json: num_hidden_layers 28, hidden_size 3584, num_attention_heads 28,
    // num_key_value_heads 4, intermediate_size 18944, vocab_size 152064, tie_word_embeddings false.
    id: 'qwen2.5-7b',
    name: 'Qwen2.5-7B',
    layers: 28,
    hiddenSize: 3584,
    attention: { kind: 'gqa', heads: 28, kvHeads: 4, headDim: 128 },
    ffnSize: 18944,
    vocabSize: 152064,
    params: 7_615_616_512,
    activeParams: 7_615_616_512,
    source: 'https://huggingface.co/Qwen/Qwen2.5-7B/blob/main/config.json',
  },
  {
    // deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json: n_layers 61, dim 7168,
    // n_heads 128, kv_lora_rank 512, qk_rope_head_dim 64, qk_nope_head_dim 128, v_head_dim 128,
    // n_routed_experts 256, n_activated_experts 8, n_shared_experts 1, vocab_size 129280. Parameters from the
    // repository README: 671B total, 37B activated per token (main model, without the 14B MTP module).
    id: 'deepseek-v3',
    name: 'DeepSeek-V3 (MLA, MoE)',
    layers: 61,
    hiddenSize: 7168,
    attention: { kind: 'mla', heads: 128, kvLoraRank: 512, ropeHeadDim: 64, qkNopeHeadDim: 128, vHeadDim: 128 },
    ffnSize: null,
    vocabSize: 129280,
    params: 671e9,
    activeParams: 37e9,
    source: 'https://github.com/deepseek-ai/DeepSeek-V3/blob/main/inference/configs/config_671B.json',
  },
] as const satisfies readonly ModelPreset[];

/*
 * NVIDIA datasheets print tensor-core peaks "with sparsity" (2:4 structured); dense is half. The
 * values below are the dense ones. The A10G (AWS G5) has no NVIDIA datasheet; its tensor peaks
 * differ between third-party sources, so it is left out rather than guessed.
 */
export const GPU_PRESETS = [
  {
    // H100 SXM datasheet: 80 GB HBM3, 3.35 TB/s; BF16 1,979 and FP8 3,958 TFLOPS with sparsity.
    id: 'h100-sxm',
    name: 'H100 SXM',
    memoryBytes: 80e9,
    memoryBandwidth: 3.35e12,
    bf16Flops: 989e12,
    fp8Flops: 1979e12,
    source: 'https://www.nvidia.com/en-us/data-center/h100/',
  },
  {
    // H200 SXM datasheet: 141 GB HBM3e, 4.8 TB/s; same Hopper tensor cores as the H100 SXM.
    id: 'h200-sxm',
    name: 'H200 SXM',
    memoryBytes: 141e9,
    memoryBandwidth: 4.8e12,
    bf16Flops: 989e12,
    fp8Flops: 1979e12,
    source: 'https://www.nvidia.com/en-us/data-center/h200/',
  },
  {
    // DGX B200 (8 GPUs): 1,440 GB HBM3e, 64 TB/s, FP8 72 PFLOPS with sparsity, so 180 GB,
    // 8 TB/s and 4.5 PFLOPS dense FP8 per GPU; FP16/BF16 is half of FP8 (2.25 PFLOPS dense).
    // NVIDIA's later Blackwell datasheet lists the HGX B200 GPU at 7.7 TB/s; the guide keeps 8 TB/s.
    id: 'b200',
    name: 'B200 (HGX)',
    memoryBytes: 180e9,
    memoryBandwidth: 8e12,
    bf16Flops: 2250e12,
    fp8Flops: 4500e12,
    source: 'https://www.nvidia.com/en-us/data-center/dgx-b200/',
  },
  {
    // L4 datasheet: 24 GB GDDR6, 300 GB/s; BF16 242 and FP8 485 TFLOPS with sparsity
    // (dense FP8 is 242.5; the guide rounds it to 242).
    id: 'l4',
    name: 'L4',
    memoryBytes: 24e9,
    memoryBandwidth: 300e9,
    bf16Flops: 121e12,
    fp8Flops: 242e12,
    source: 'https://www.nvidia.com/en-us/data-center/l4/',
  },
] as const satisfies readonly GpuPreset[];

export type ModelPresetId = (typeof MODEL_PRESETS)[number]['id'];
export type GpuPresetId = (typeof GPU_PRESETS)[number]['id'];

/**
 * KV cache bytes per token of a preset model: kvCacheBytesPerToken for MHA/GQA,
 * mlaKvCacheBytesPerToken for MLA.
 *
 * @throws MetricInputError if bytesPerElement is not a positive finite number.
 * @example
 * modelKvCacheBytesPerToken(MODEL_PRESETS[1], 2); // Llama-3.1-8B in BF16: 131072
 */
export function modelKvCacheBytesPerToken(model: ModelShape, bytesPerElement: number): number {
  const attention = model.attention;
  return attention.kind === 'mla'
    ? mlaKvCacheBytesPerToken({
        layers: model.layers,
        kvLoraRank: attention.kvLoraRank,
        ropeHeadDim: attention.ropeHeadDim,
        bytesPerElement,
      })
    : kvCacheBytesPerToken({
        layers: model.layers,
        kvHeads: attention.kvHeads,
        headDim: attention.headDim,
        bytesPerElement,
      });
}

/**
 * KV cache bytes per token the model would need with plain multi-head attention: every query head
 * caching its own key and value. For a GQA model that is kvCacheBytesPerToken with kvHeads = heads
 * (heads / kvHeads times its real cache); for MLA, full keys (qkNopeHeadDim + ropeHeadDim) and
 * values (vHeadDim) for every head: layers × heads × (qkNope + rope + v) × bytesPerElement.
 * The comparison is what GQA and MLA save, the mistake calculators make when they ignore kvHeads.
 * Reference: Ainslie et al. 2023 (GQA), https://arxiv.org/abs/2305.13245 ; DeepSeek-V2, section
 * 2.1 and Table 1 (MLA against MHA), https://arxiv.org/abs/2405.04434
 *
 * @throws MetricInputError if bytesPerElement is not a positive finite number.
 * @example
 * modelMhaKvCacheBytesPerToken(MODEL_PRESETS[1], 2); // Llama-3.1-8B as MHA: 524288 (4 × its GQA cache)
 * modelMhaKvCacheBytesPerToken(MODEL_PRESETS[4], 2); // DeepSeek-V3 as MHA: 4997120 (71 × its MLA cache)
 */
export function modelMhaKvCacheBytesPerToken(model: ModelShape, bytesPerElement: number): number {
  const attention = model.attention;
  if (attention.kind === 'gqa') {
    return kvCacheBytesPerToken({
      layers: model.layers,
      kvHeads: attention.heads,
      headDim: attention.headDim,
      bytesPerElement,
    });
  }
  requirePositive(bytesPerElement, 'bytesPerElement', 'MHA KV cache per token');
  const perHead = attention.qkNopeHeadDim + attention.ropeHeadDim + attention.vHeadDim;
  return model.layers * attention.heads * perHead * bytesPerElement;
}

/**
 * Attention FLOPs one token spends on each earlier token of its context, summed over the layers:
 * the part of a forward pass that grows with context length and that the 2 × params rule leaves out.
 *
 * Formula: MHA/GQA, 4 × layers × heads × headDim (a query-key dot product and a weighted sum of
 * values, 2 FLOPs per multiply-add, for every query head; KV sharing does not reduce it); MLA with
 * the up-projections absorbed, as engines decode it, 2 × layers × heads × (2 × kvLoraRank +
 * ropeHeadDim) (scores against the 512 + 64-wide cached latent and RoPE key, values from the
 * 512-wide latent). A causal prefill of n tokens spends about this × n² / 2.
 * Reference: Hoffmann et al., "Training Compute-Optimal Large Language Models", 2022, appendix F
 * (QK logits and the softmax-weighted sum of values, 2 × key_size × heads FLOPs each per pair),
 * https://arxiv.org/abs/2203.15556 ; DeepSeek-V2, section 2.1.2 (absorbing the up-projections
 * at inference), https://arxiv.org/abs/2405.04434
 *
 * @example
 * attentionFlopsPerContextToken(MODEL_PRESETS[1]); // Llama-3.1-8B: 4 × 32 × 32 × 128 = 524288
 */
export function attentionFlopsPerContextToken(model: ModelShape): number {
  const attention = model.attention;
  return attention.kind === 'gqa'
    ? 4 * model.layers * attention.heads * attention.headDim
    : 2 * model.layers * attention.heads * (2 * attention.kvLoraRank + attention.ropeHeadDim);
}

/** One weight matrix inside a transformer block, by its Hugging Face name. */
export interface BlockProjection {
  name: 'q_proj' | 'k_proj' | 'v_proj' | 'o_proj' | 'gate_proj' | 'up_proj' | 'down_proj';
  dIn: number;
  dOut: number;
}

/**
 * The seven linear projections of one block of a dense Llama/Qwen2-style decoder, with their
 * shapes from the config: attention q (hidden → heads × headDim), k and v (hidden → kvHeads ×
 * headDim), o (heads × headDim → hidden), and the gated MLP gate and up (hidden → ffn) and down
 * (ffn → hidden). LoRA adapts a subset of them; QLoRA quantizes all of them.
 * Reference: the LlamaAttention and LlamaMLP modules of Hugging Face transformers,
 * https://github.com/huggingface/transformers/blob/main/src/transformers/models/llama/modeling_llama.py
 *
 * @throws MetricInputError for a multi-head latent attention or mixture-of-experts model, whose
 *   blocks have other matrices.
 * @example
 * blockProjections(MODEL_PRESETS[1])[1]; // { name: 'k_proj', dIn: 4096, dOut: 1024 }
 */
export function blockProjections(model: ModelPreset): BlockProjection[] {
  const { attention, ffnSize, hiddenSize: hidden } = model;
  if (attention.kind !== 'gqa' || ffnSize === null) {
    throw new MetricInputError(
      `Block projections: ${model.name} uses multi-head latent attention and a mixture of experts, so its ` +
        'blocks do not have the seven dense projections; choose a dense model.',
      'out-of-range',
    );
  }
  const queryWidth = attention.heads * attention.headDim;
  const kvWidth = attention.kvHeads * attention.headDim;
  return [
    { name: 'q_proj', dIn: hidden, dOut: queryWidth },
    { name: 'k_proj', dIn: hidden, dOut: kvWidth },
    { name: 'v_proj', dIn: hidden, dOut: kvWidth },
    { name: 'o_proj', dIn: queryWidth, dOut: hidden },
    { name: 'gate_proj', dIn: hidden, dOut: ffnSize },
    { name: 'up_proj', dIn: hidden, dOut: ffnSize },
    { name: 'down_proj', dIn: ffnSize, dOut: hidden },
  ];
}

/**
 * Parameters in the linear layers of all blocks (the seven projections × layers, no biases):
 * what bitsandbytes quantizes for QLoRA, leaving embeddings, the output head and norms in 16 bits.
 *
 * @throws MetricInputError for an MLA or mixture-of-experts model (see blockProjections).
 * @example
 * blockLinearParams(MODEL_PRESETS[2]); // Llama-3.1-70B: 80 × 855,638,016 = 68451041280
 */
export function blockLinearParams(model: ModelPreset): number {
  return model.layers * blockProjections(model).reduce((total, { dIn, dOut }) => total + dIn * dOut, 0);
}
