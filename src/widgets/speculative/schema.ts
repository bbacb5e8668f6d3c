import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the speculative decoding calculator. */
export const ns = 'sd';

/**
 * Defaults are the serving chapter's worked case: 4 draft tokens, each accepted with probability
 * 0.8, from a drafter one-twentieth the step time of the target, at batch 1. The ridge of 206 token
 * rows is Llama-3.1-70B in FP8 on an H200 (1,979 TFLOP/s / 4.8 TB/s / 2 FLOPs per 1-byte weight).
 */
const fields = {
  alpha: { kind: 'number', default: 0.8, min: 0, max: 1, step: 0.01, label: 'Acceptance rate per draft token (α)' },
  draft: { kind: 'number', default: 4, min: 1, max: 16, integer: true, label: 'Draft tokens per step (γ)' },
  cost: {
    kind: 'number',
    default: 0.05,
    min: 0,
    max: 2,
    step: 0.001,
    label: 'Drafter step cost, in target steps (c)',
  },
  batch: { kind: 'number', default: 1, min: 1, max: 1024, integer: true, label: 'Sequences decoded together' },
  ridge: {
    kind: 'number',
    default: 206,
    min: 1,
    max: 10_000,
    integer: true,
    label: 'Token rows a step can verify before it turns compute-bound',
    control: 'box',
  },
} satisfies Fields;

const SERVING_CHAPTER = { alpha: 0.8, draft: 4, cost: 0.05, batch: 1, ridge: 206 } as const;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'Good drafter (α 0.8)', state: SERVING_CHAPTER },
    { label: 'Poor drafter (α 0.5)', state: { ...SERVING_CHAPTER, alpha: 0.5 } },
    { label: 'α 0.8 at batch 64 on an H200', state: { ...SERVING_CHAPTER, batch: 64 } },
  ],
});

export type State = StateOf<typeof schema>;
