import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';
import { customModelFields, customModelVisibility, gpuField, kvField, modelField, weightsField } from '../kit/llm.ts';

/** URL namespace and inputs of the KV cache and GPU memory planner. */
export const ns = 'kv';

/**
 * Defaults are the first row of the inference chapter's "how many sequences fit" table: Llama-3.1-8B
 * in BF16 on one H100, vLLM's default 0.9 of memory, 13 sequences of 32,768 tokens.
 */
const fields = {
  model: modelField({ denseOnly: false, custom: true }),
  ...customModelFields,
  weights: weightsField,
  kv: kvField,
  context: {
    kind: 'number',
    default: 32768,
    min: 1,
    max: 1_048_576,
    integer: true,
    label: 'Tokens per sequence (prompt + output)',
    control: 'box',
  },
  batch: { kind: 'number', default: 13, min: 1, max: 4096, integer: true, label: 'Sequences at once', control: 'box' },
  gpu: gpuField,
  gpus: { kind: 'number', default: 1, min: 1, max: 64, integer: true, label: 'GPUs (model sharded over them)' },
  util: {
    kind: 'number',
    default: 0.9,
    min: 0.1,
    max: 1,
    step: 0.01,
    label: 'Share of memory the engine may use',
  },
  overhead: {
    kind: 'number',
    default: 0,
    min: 0,
    max: 1000,
    step: 0.5,
    label: 'Reserved for activations and runtime (GB)',
    control: 'box',
  },
  mha: { kind: 'boolean', default: false, label: 'Compare with plain multi-head attention (MHA)' },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: '8B on one H100, 32k contexts',
      state: {
        model: 'llama-3.1-8b',
        weights: 'bf16',
        kv: 'bf16',
        context: 32768,
        batch: 13,
        gpu: 'h100-sxm',
        gpus: 1,
      },
    },
    {
      // The serving chapter's capacity plan: 2,000-token prompts and 400-token answers hold 2,200 tokens on average.
      label: '70B FP8 on one H200 (capacity plan)',
      state: { model: 'llama-3.1-70b', weights: 'fp8', kv: 'fp8', context: 2200, batch: 128, gpu: 'h200-sxm', gpus: 1 },
    },
    {
      label: 'DeepSeek-V3 on 8 H200s (MLA)',
      state: { model: 'deepseek-v3', weights: 'fp8', kv: 'bf16', context: 32768, batch: 128, gpu: 'h200-sxm', gpus: 8 },
    },
  ],
  visibility: ({ model }) => customModelVisibility(model),
});

export type State = StateOf<typeof schema>;
