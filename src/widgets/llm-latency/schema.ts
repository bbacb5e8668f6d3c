import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';
import { customModelFields, customModelVisibility, gpuField, kvField, modelField, weightsField } from '../kit/llm.ts';

/** URL namespace and inputs of the LLM latency and cost calculator. */
export const ns = 'lc';

/**
 * Defaults are the inference chapter's single request: Llama-3.1-8B in BF16 on one H100, a
 * 1,000-token prompt and a 300-token answer, prefill at an assumed 50% of peak compute and decode
 * at 70% of peak bandwidth.
 */
const fields = {
  model: modelField({ denseOnly: true, custom: true }),
  ...customModelFields,
  weights: weightsField,
  kv: kvField,
  gpu: gpuField,
  gpus: { kind: 'number', default: 1, min: 1, max: 8, integer: true, label: 'GPUs (tensor parallel)' },
  prompt: {
    kind: 'number',
    default: 1000,
    min: 1,
    max: 131_072,
    integer: true,
    label: 'Prompt tokens',
    control: 'box',
  },
  output: { kind: 'number', default: 300, min: 2, max: 32_768, integer: true, label: 'Output tokens', control: 'box' },
  batch: { kind: 'number', default: 1, min: 1, max: 1024, integer: true, label: 'Sequences decoded together' },
  mfu: { kind: 'number', default: 0.5, min: 0.05, max: 1, step: 0.05, label: 'Share of peak compute reached (MFU)' },
  mbu: { kind: 'number', default: 0.7, min: 0.05, max: 1, step: 0.05, label: 'Share of peak bandwidth reached (MBU)' },
  slo: { kind: 'number', default: 50, min: 1, max: 1000, label: 'Time per output token target (ms)', control: 'box' },
  price: {
    kind: 'number',
    default: 2.5,
    min: 0.01,
    max: 100,
    step: 0.01,
    label: 'Assumed price per GPU-hour ($)',
    control: 'box',
  },
  util: { kind: 'number', default: 0.5, min: 0.05, max: 1, step: 0.05, label: 'Average load (share of capacity)' },
} satisfies Fields;

/** Every input a preset sets, so a preset gives the same numbers whatever was chosen before. */
const INFERENCE_CHAPTER = {
  model: 'llama-3.1-8b',
  weights: 'bf16',
  kv: 'bf16',
  gpu: 'h100-sxm',
  gpus: 1,
  prompt: 1000,
  output: 300,
  batch: 1,
  mfu: 0.5,
  mbu: 0.7,
  slo: 50,
  price: 2.5,
  util: 0.5,
} as const;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'One request (inference chapter)', state: INFERENCE_CHAPTER },
    // The inference chapter's throughput table: every sequence holds 2,000 tokens on average.
    { label: '8B at batch 64, 2,000-token contexts', state: { ...INFERENCE_CHAPTER, output: 2000, batch: 64 } },
    {
      label: '70B FP8 on an H200 (capacity plan)',
      state: {
        ...INFERENCE_CHAPTER,
        model: 'llama-3.1-70b',
        weights: 'fp8',
        kv: 'fp8',
        gpu: 'h200-sxm',
        prompt: 2000,
        output: 400,
        batch: 128,
        mfu: 0.4,
        price: 3.5,
        util: 0.4,
      },
    },
  ],
  visibility: ({ model }) => customModelVisibility(model),
});

export type State = StateOf<typeof schema>;
