/**
 * Back-of-the-envelope LLM systems maths for the guide's calculators: KV cache and GPU memory,
 * roofline latency, cost per million tokens, speculative decoding, static vs continuous batching,
 * LoRA/QLoRA memory, retrieval (RRF, IVF) and judge agreement, plus model and GPU presets.
 * Pure functions, no DOM; bad input throws MetricInputError. Exports exactly this folder.
 */
export {
  kvCacheBytesPerToken,
  mlaKvCacheBytesPerToken,
  BYTES_PER_ELEMENT,
  type LlmPrecision,
  type KvCacheInput,
  type MlaKvCacheInput,
} from './kv-cache.ts';
export { inferenceMemory, type InferenceMemoryInput, type InferenceMemory } from './memory.ts';
export { llmLatency, type LlmLatencyInput, type LlmLatency, type RooflineBound } from './latency.ts';
export {
  costPerMillionTokens,
  apiBreakEven,
  type CostPerMillionInput,
  type ApiBreakEvenInput,
  type ApiBreakEven,
} from './cost.ts';
export {
  speculativeDecoding,
  bestDraftTokens,
  expectedTokensLimit,
  MAX_DRAFT_TOKENS,
  type SpeculativeDecodingInput,
  type SpeculativeDecoding,
  type SpeculativeSetting,
} from './speculative.ts';
export {
  simulateLlmBatching,
  MAX_LLM_SIM_REQUESTS,
  MAX_LLM_SIM_BATCH,
  MAX_LLM_SIM_MEAN_OUTPUT,
  type LlmBatchingPolicy,
  type LlmBatchingInput,
  type LlmBatchingResult,
} from './batching.ts';
export {
  loraTrainableParams,
  fineTuningMemory,
  decoderActivationMemory,
  QLORA_BITS_PER_PARAM,
  type LoraTarget,
  type LoraParamsInput,
  type FineTuningMethod,
  type FineTuningMemoryInput,
  type FineTuningMemory,
  type DecoderActivationInput,
  type DecoderActivations,
} from './fine-tuning.ts';
export {
  reciprocalRankFusion,
  rrfTerm,
  retrievalQuality,
  RRF_K,
  type ItemId,
  type FusedItem,
  type RetrievalQuality,
} from './fusion.ts';
export {
  buildIvfIndex,
  searchIvf,
  exactKnn,
  ivfRecallCurve,
  ivfDistancesPerQuery,
  clusteredVectors,
  MAX_IVF_VECTORS,
  MAX_IVF_DIMENSIONS,
  MAX_IVF_NLIST,
  KMEANS_ITERATIONS,
  TRAINING_POINTS_PER_LIST,
  type Vector,
  type IvfIndex,
  type NeighborResult,
  type BuildIvfOptions,
  type SearchIvfOptions,
  type IvfRecallOptions,
  type IvfRecallPoint,
  type ClusteredVectorsInput,
} from './ivf.ts';
export {
  cohenKappa,
  rawAgreement,
  chanceAgreement,
  labelConfusion,
  kappaReading,
  positionBias,
  positionFlipRate,
  type Label,
  type LabelConfusion,
  type CohenKappaOptions,
  type PairwiseVerdict,
  type SwappedVerdicts,
  type PositionBias,
} from './agreement.ts';
export {
  MODEL_PRESETS,
  GPU_PRESETS,
  modelKvCacheBytesPerToken,
  modelMhaKvCacheBytesPerToken,
  attentionFlopsPerContextToken,
  blockProjections,
  blockLinearParams,
  type BlockProjection,
  type ModelPreset,
  type ModelShape,
  type GpuPreset,
  type ModelPresetId,
  type GpuPresetId,
  type GroupedAttention,
  type LatentAttention,
} from './presets.ts';
