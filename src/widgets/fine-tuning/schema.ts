import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';
import { modelField } from '../kit/llm.ts';

/** URL namespace and inputs of the fine-tuning memory calculator. */
export const ns = 'ft';

/**
 * Defaults are the fine-tuning chapter's worked LoRA case: Llama-3.1-8B, rank 16 on all seven
 * projections, one 4,096-token sequence with gradient checkpointing.
 */
const fields = {
  model: modelField({ denseOnly: true, custom: false }),
  method: {
    kind: 'enum',
    default: 'lora',
    values: {
      full: 'Full fine-tuning (every weight trains)',
      lora: 'LoRA on a BF16 base',
      qlora: 'QLoRA on a 4-bit NF4 base',
    },
    label: 'Method',
  },
  rank: { kind: 'number', default: 16, min: 1, max: 1024, integer: true, label: 'LoRA rank (r)' },
  targets: {
    kind: 'enum',
    default: 'all',
    values: {
      all: 'All seven projections (q, k, v, o, gate, up, down)',
      attention: 'Attention only (q, k, v, o)',
      qv: 'Queries and values (q, v), as the LoRA paper',
    },
    label: 'Matrices adapted',
  },
  dq: { kind: 'boolean', default: true, label: 'Double quantization of the NF4 constants' },
  seq: {
    kind: 'number',
    default: 4096,
    min: 1,
    max: 131_072,
    integer: true,
    label: 'Sequence length (tokens)',
    control: 'box',
  },
  mb: {
    kind: 'number',
    default: 1,
    min: 1,
    max: 256,
    integer: true,
    label: 'Sequences per micro-batch',
    control: 'box',
  },
  ckpt: { kind: 'boolean', default: true, label: 'Gradient checkpointing at every block' },
} satisfies Fields;

const CHAPTER = { rank: 16, targets: 'all', dq: true, seq: 4096, mb: 1, ckpt: true } as const;

export const schema = defineSchema({
  fields,
  presets: [
    { label: '8B LoRA, rank 16', state: { ...CHAPTER, model: 'llama-3.1-8b', method: 'lora' } },
    { label: '8B QLoRA on an L4', state: { ...CHAPTER, model: 'llama-3.1-8b', method: 'qlora' } },
    { label: '70B QLoRA on one H100', state: { ...CHAPTER, model: 'llama-3.1-70b', method: 'qlora' } },
  ],
  visibility: ({ method }) => ({ rank: method !== 'full', targets: method !== 'full', dq: method === 'qlora' }),
});

export type State = StateOf<typeof schema>;
