/**
 * Fine-tuning arithmetic: how many parameters LoRA trains, and the GPU memory of full
 * fine-tuning, LoRA and QLoRA, with activations as a separate, rougher estimate.
 */
import { MetricInputError } from '../errors.ts';
import {
  requireFiniteResult,
  requireInteger,
  requireIntegerInRange,
  requireNonEmpty,
  requireOneOf,
} from '../validate.ts';
import { activationMemoryBytes, TRAINING_BYTES_PER_PARAM, type ActivationMemoryInput } from '../systems/memory.ts';

/** One weight matrix LoRA adapts, as its input and output widths (e.g. q_proj of Llama-3.1-8B: 4096 → 4096). */
export interface LoraTarget {
  dIn: number;
  dOut: number;
}

export interface LoraParamsInput {
  /** Layers the targets repeat in, a whole number >= 1. */
  layers: number;
  /** Matrices adapted in every layer, at least one. */
  targets: readonly LoraTarget[];
  /** LoRA rank r, a whole number >= 1. */
  rank: number;
}

/**
 * LoRA trainable parameters: the two low-rank factors added to each adapted matrix.
 *
 * Formula: layers × Σ_targets rank × (dIn + dOut). A d_in → d_out matrix W gets ΔW = B A with
 * A of shape r × d_in and B of shape d_out × r, so r (d_in + d_out) new parameters; W is frozen.
 * Reference: Hu et al., "LoRA: Low-Rank Adaptation of Large Language Models", ICLR 2022,
 * section 4.1 and Table 5: https://arxiv.org/abs/2106.09685
 *
 * @throws MetricInputError if layers, rank or a width is not a whole number >= 1, or targets is empty.
 * @example
 * loraTrainableParams({ layers: 32, rank: 16, targets: [
 *   { dIn: 4096, dOut: 4096 }, { dIn: 4096, dOut: 1024 }, { dIn: 4096, dOut: 1024 }, { dIn: 4096, dOut: 4096 }] });
 * // 13631488 (Llama-3.1-8B, q/k/v/o at r = 16: what PEFT's print_trainable_parameters reports)
 */
export function loraTrainableParams({ layers, targets, rank }: LoraParamsInput): number {
  const metric = 'LoRA trainable parameters';
  requireInteger(layers, 'layers', metric, 1);
  requireInteger(rank, 'rank', metric, 1);
  requireNonEmpty(targets, 'targets', metric);
  let perLayer = 0;
  targets.forEach((target, i) => {
    requireInteger(target.dIn, `targets[${i}].dIn`, metric, 1);
    requireInteger(target.dOut, `targets[${i}].dOut`, metric, 1);
    perLayer += rank * (target.dIn + target.dOut);
  });
  const total = layers * perLayer;
  requireFiniteResult(total, 'parameter count', metric);
  return total;
}

export type FineTuningMethod = 'full' | 'lora' | 'qlora';

/** Bits per parameter of QLoRA's storage: 4-bit NF4 codes plus the quantization constants. */
export const QLORA_BITS_PER_PARAM = {
  /** NF4 code. */
  nf4: 4,
  /** One FP32 absmax constant per block of 64 weights: 32 / 64. */
  constants: 32 / 64,
  /** Double quantization: 8-bit constants per 64 weights plus one FP32 per 256 of those: 8/64 + 32/(64·256). */
  doubleQuantizedConstants: 8 / 64 + 32 / (64 * 256),
} as const;

/** Bytes per base weight kept frozen in BF16 by LoRA. */
const FROZEN_BF16_BYTES = 2;

export interface FineTuningMemoryInput {
  /** Parameters of the base model, a whole number >= 1. */
  params: number;
  method: FineTuningMethod;
  /** Parameters trained: ignored for 'full' (all of them); for 'lora' and 'qlora' the adapters (loraTrainableParams). */
  trainableParams?: number;
  /** QLoRA only: quantize the quantization constants too (default true, as the paper). */
  doubleQuantization?: boolean;
  /**
   * QLoRA only: parameters stored in NF4, a whole number from 1 to params (default params). The
   * usual bitsandbytes set-up quantizes the linear layers inside the blocks (blockLinearParams) and
   * keeps the embeddings, output head and norms in BF16.
   */
  quantizedParams?: number;
  /** Optional: the shapes for a rough activation estimate (activationMemoryBytes), reported apart. */
  activations?: ActivationMemoryInput;
}

export interface FineTuningMemory {
  /** Base weights (BF16, or NF4 codes + constants for QLoRA) plus the trained weights' BF16 copy, bytes. */
  weights: number;
  /** BF16 gradients of the trained parameters, bytes. */
  gradients: number;
  /** Adam's FP32 master weights, momentum and variance for the trained parameters, bytes. */
  optimizerStates: number;
  /** weights + gradients + optimizerStates: the model states, without activations. */
  total: number;
  /** Rough activation memory (Korthikanti et al.), or null when no shapes were given; not in total. */
  activationsEstimate: number | null;
}

/**
 * Fine-tuning memory on one GPU for full fine-tuning, LoRA or QLoRA, with mixed-precision Adam.
 *
 * Formula (P = params, T = trained parameters):
 * - every trained parameter costs 16 bytes (ZeRO's mixed-precision Adam accounting): a BF16 weight
 *   (2) and gradient (2), and FP32 master weight, momentum and variance (4 + 4 + 4);
 * - full: T = P, so weights 2P, gradients 2P, optimizer states 12P (16P in all);
 * - lora: the frozen base in BF16 (2P, no gradients or optimizer states) plus 16 bytes per adapter
 *   parameter: weights 2P + 2T, gradients 2T, optimizer states 12T;
 * - qlora: the quantizedParams Q (default P) in 4-bit NF4 with one FP32 absmax constant per 64
 *   weights, i.e. 4 + 0.5 bits per parameter, or 4 + 0.127 bits with double quantization (8-bit
 *   constants per 64 weights, one FP32 per 256 of those); the other P − Q frozen parameters in
 *   BF16 (2 bytes); adapters as LoRA. 65B parameters all in NF4: 36.6 GB without and 33.5 GB with
 *   double quantization, the "about 3 GB" the paper saves. Llama-3.1-70B with its 68.45B block
 *   weights in NF4 and the embeddings and head in BF16: 39.5 GB, as the fine-tuning chapter derives.
 * Activations depend on sequence length, batch and checkpointing, so they are returned apart as
 * activationMemoryBytes(activations) (Korthikanti et al. 2022), not added to total. Paged
 * optimizers, the CUDA context and fragmentation are not counted.
 * Reference: Dettmers et al., "QLoRA: Efficient Finetuning of Quantized LLMs", 2023, section 3:
 * https://arxiv.org/abs/2305.14314 ; Rajbhandari et al., "ZeRO", 2019, section 3.1:
 * https://arxiv.org/abs/1910.02054
 *
 * @throws MetricInputError if params is not a whole number >= 1, the method is unknown,
 *   trainableParams is missing or not a whole number >= 1 for LoRA/QLoRA, quantizedParams is not
 *   a whole number from 1 to params, the activation shapes are invalid, or the sizes overflow.
 * @example
 * fineTuningMemory({ params: 8_030_261_248, method: 'qlora', trainableParams: 13_631_488 });
 * // { weights: 4169826945 (NF4 + DQ base 4142563969 + BF16 adapters 27262976), gradients: 27262976,
 * //   optimizerStates: 163577856, total: 4360667777, activationsEstimate: null }
 */
export function fineTuningMemory(input: FineTuningMemoryInput): FineTuningMemory {
  const metric = 'Fine-tuning memory';
  const { params, method } = input;
  requireInteger(params, 'params', metric, 1);
  requireOneOf(method, ['full', 'lora', 'qlora'], 'method', metric);
  let trained = params;
  if (method !== 'full') {
    if (input.trainableParams === undefined) {
      throw new MetricInputError(
        `${metric}: trainableParams is missing; ${method === 'lora' ? 'LoRA' : 'QLoRA'} trains only the ` +
          'adapters, so pass their count (loraTrainableParams).',
        'out-of-range',
      );
    }
    requireInteger(input.trainableParams, 'trainableParams', metric, 1);
    trained = input.trainableParams;
  }
  const adam = TRAINING_BYTES_PER_PARAM.mixed.adam;
  let frozenBase = 0;
  if (method === 'lora') frozenBase = FROZEN_BF16_BYTES * params;
  if (method === 'qlora') {
    const constants =
      (input.doubleQuantization ?? true)
        ? QLORA_BITS_PER_PARAM.doubleQuantizedConstants
        : QLORA_BITS_PER_PARAM.constants;
    const quantized = input.quantizedParams ?? params;
    requireIntegerInRange(quantized, 'quantizedParams', metric, 1, params);
    frozenBase = ((QLORA_BITS_PER_PARAM.nf4 + constants) / 8) * quantized + FROZEN_BF16_BYTES * (params - quantized);
  }
  const weights = frozenBase + adam.weights * trained;
  const gradients = adam.gradients * trained;
  const optimizerStates = adam.optimizerStates * trained;
  const total = weights + gradients + optimizerStates;
  requireFiniteResult(total, 'memory', metric);
  const activationsEstimate = input.activations === undefined ? null : activationMemoryBytes(input.activations);
  return { weights, gradients, optimizerStates, total, activationsEstimate };
}

export interface DecoderActivationInput {
  /** Transformer blocks, a whole number >= 1. */
  layers: number;
  /** Model width h (`hidden_size`), a whole number >= 1. */
  hiddenSize: number;
  /** Key and value width h_kv = kvHeads × headDim, a whole number >= 1. */
  kvWidth: number;
  /** Gated MLP width f (`intermediate_size`), a whole number >= 1. */
  ffnSize: number;
  /** Vocabulary size, for the FP32 logits of the loss, a whole number >= 1. */
  vocabSize: number;
  /** Tokens per micro-batch (sequence length × sequences), a whole number >= 1. */
  tokens: number;
  /** Gradient checkpointing at every block: keep block inputs only and recompute one block at a time. */
  checkpointing: boolean;
}

export interface DecoderActivations {
  /** BF16 bytes one block keeps per token for the backward pass: (6h + 2h_kv + 4f) × 2. */
  perTokenPerLayer: number;
  /** What the blocks hold at the peak of the backward pass, bytes. */
  blocks: number;
  /** FP32 logits over the vocabulary for the loss: tokens × vocab × 4 bytes. */
  logits: number;
  /** blocks + logits. */
  total: number;
}

/**
 * Activation memory of fine-tuning a Llama-style decoder (RMSNorm, GQA with a FlashAttention
 * kernel, SwiGLU MLP) in BF16: a rough, labeled estimate to add to the model states.
 *
 * Formula, per token and block: about 6h + 2h_kv + 4f values of 2 bytes (norm inputs and outputs,
 * Q, the attention output and the output projection's input, K and V, and four MLP intermediates);
 * FlashAttention keeps no n² score matrix. Without checkpointing the blocks hold layers × tokens ×
 * that; with checkpointing at every block, layers × tokens × h × 2 bytes of block inputs plus one
 * block's full set while it is recomputed. Logits for the loss in FP32: tokens × vocab × 4 bytes
 * (a fused or chunked cross-entropy avoids them). Llama-3.1-8B, 4,096 tokens, checkpointed:
 * 1.07 + 0.69 + 2.10 = 3.86 GB. Measure the real peak with torch.cuda.max_memory_allocated().
 * Reference: Korthikanti et al., "Reducing Activation Recomputation in Large Transformer Models",
 * 2022, section 4 (the per-layer accounting this adapts), https://arxiv.org/abs/2205.05198 ; Dao et
 * al., "FlashAttention", 2022, https://arxiv.org/abs/2205.14135
 *
 * @throws MetricInputError if a size or count is not a whole number >= 1, or the sizes overflow.
 * @example
 * decoderActivationMemory({ layers: 32, hiddenSize: 4096, kvWidth: 1024, ffnSize: 14336, vocabSize: 128256,
 *   tokens: 4096, checkpointing: true });
 * // { perTokenPerLayer: 167936, blocks: 1761607680, logits: 2101346304, total: 3862953984 }
 */
export function decoderActivationMemory(input: DecoderActivationInput): DecoderActivations {
  const metric = 'Activation memory';
  const { layers, hiddenSize, kvWidth, ffnSize, vocabSize, tokens, checkpointing } = input;
  for (const [name, value] of Object.entries({ layers, hiddenSize, kvWidth, ffnSize, vocabSize, tokens })) {
    requireInteger(value, name, metric, 1);
  }
  const bf16 = 2;
  const perTokenPerLayer = (6 * hiddenSize + 2 * kvWidth + 4 * ffnSize) * bf16;
  const blocks = checkpointing
    ? layers * tokens * hiddenSize * bf16 + tokens * perTokenPerLayer
    : layers * tokens * perTokenPerLayer;
  const logits = tokens * vocabSize * 4;
  const total = blocks + logits;
  requireFiniteResult(total, 'activation memory', metric);
  return { perTokenPerLayer, blocks, logits, total };
}
