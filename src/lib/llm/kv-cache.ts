/**
 * KV cache size per token: what every generated or prompt token costs in GPU memory while a
 * sequence is being served. MHA, GQA and MQA differ only in how many key/value heads they keep;
 * multi-head latent attention (MLA) caches one compressed vector per layer instead.
 */
import { requireFiniteResult, requireInteger, requirePositive } from '../validate.ts';

/** Number formats for weights and cache entries used by the LLM calculators. */
export type LlmPrecision = 'fp32' | 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4';

/** Bytes one element takes in each format (int4 packs two elements in a byte). */
export const BYTES_PER_ELEMENT: Readonly<Record<LlmPrecision, number>> = {
  fp32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
};

export interface KvCacheInput {
  /** Transformer layers, a whole number >= 1. */
  layers: number;
  /** Key/value heads per layer (= query heads for MHA, 1 for MQA), a whole number >= 1. */
  kvHeads: number;
  /** Dimensions per head, a whole number >= 1. */
  headDim: number;
  /** Bytes per cached element: 2 for BF16/FP16, 1 for FP8/INT8, > 0. */
  bytesPerElement: number;
}

/**
 * KV cache bytes per token for multi-head, grouped-query or multi-query attention.
 *
 * Formula: 2 × layers × kvHeads × headDim × bytesPerElement (the 2 is one K and one V vector per
 * head per layer). MHA has kvHeads = heads; GQA shares each K/V head among heads / kvHeads query
 * heads, so its cache is that many times smaller; MQA has kvHeads = 1.
 * Reference: Ainslie et al., "GQA: Training Generalized Multi-Query Transformer Models from
 * Multi-Head Checkpoints", 2023, https://arxiv.org/abs/2305.13245 ; cache layout as in vLLM's
 * PagedAttention (Kwon et al. 2023, https://arxiv.org/abs/2309.06180).
 *
 * @throws MetricInputError if layers, kvHeads or headDim is not a whole number >= 1, or
 *   bytesPerElement is not a positive finite number.
 * @example
 * kvCacheBytesPerToken({ layers: 32, kvHeads: 8, headDim: 128, bytesPerElement: 2 }); // 131072 (Llama-3.1-8B, BF16)
 * kvCacheBytesPerToken({ layers: 32, kvHeads: 32, headDim: 128, bytesPerElement: 2 }); // 524288 (Llama-2-7B, MHA)
 */
export function kvCacheBytesPerToken({ layers, kvHeads, headDim, bytesPerElement }: KvCacheInput): number {
  const metric = 'KV cache per token';
  requireInteger(layers, 'layers', metric, 1);
  requireInteger(kvHeads, 'kvHeads', metric, 1);
  requireInteger(headDim, 'headDim', metric, 1);
  requirePositive(bytesPerElement, 'bytesPerElement', metric);
  const bytes = 2 * layers * kvHeads * headDim * bytesPerElement;
  requireFiniteResult(bytes, 'cache size', metric);
  return bytes;
}

export interface MlaKvCacheInput {
  /** Transformer layers, a whole number >= 1. */
  layers: number;
  /** Width of the compressed KV latent (`kv_lora_rank`), a whole number >= 1. */
  kvLoraRank: number;
  /** Width of the decoupled RoPE key cached beside it (`qk_rope_head_dim`), a whole number >= 0. */
  ropeHeadDim: number;
  /** Bytes per cached element, > 0. */
  bytesPerElement: number;
}

/**
 * KV cache bytes per token for multi-head latent attention (MLA, DeepSeek-V2/V3).
 *
 * Formula: layers × (kvLoraRank + ropeHeadDim) × bytesPerElement. MLA caches, per layer, one
 * latent vector c_KV of width kvLoraRank shared by all heads (keys and values are re-projected
 * from it) plus one RoPE key of width ropeHeadDim, so there is no factor 2 and no head count.
 * Reference: DeepSeek-AI, "DeepSeek-V2", 2024, section 2.1.2 and Table 1 (cache of
 * (d_c + d_h^R) × l elements per token): https://arxiv.org/abs/2405.04434
 *
 * @throws MetricInputError if layers or kvLoraRank is not a whole number >= 1, ropeHeadDim is not a
 *   whole number >= 0, or bytesPerElement is not a positive finite number.
 * @example
 * mlaKvCacheBytesPerToken({ layers: 61, kvLoraRank: 512, ropeHeadDim: 64, bytesPerElement: 2 }); // 70272 (DeepSeek-V3, BF16)
 */
export function mlaKvCacheBytesPerToken({ layers, kvLoraRank, ropeHeadDim, bytesPerElement }: MlaKvCacheInput): number {
  const metric = 'MLA KV cache per token';
  requireInteger(layers, 'layers', metric, 1);
  requireInteger(kvLoraRank, 'kvLoraRank', metric, 1);
  requireInteger(ropeHeadDim, 'ropeHeadDim', metric, 0);
  requirePositive(bytesPerElement, 'bytesPerElement', metric);
  const bytes = layers * (kvLoraRank + ropeHeadDim) * bytesPerElement;
  requireFiniteResult(bytes, 'cache size', metric);
  return bytes;
}
