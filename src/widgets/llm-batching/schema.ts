import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the static against continuous batching simulator. */
export const ns = 'cb';

/**
 * Defaults model Llama-3.1-8B in BF16 on one H100 with the inference chapter's numbers: prefill at
 * 50% of peak compute is 2 × 8.03e9 / 494.5e12 = 32.5 µs a prompt token; a decode step reads the
 * 16.06 GB of weights (6.85 ms at 70% of 3.35 TB/s) plus 262 MB of KV per 2,000-token sequence
 * (0.112 ms each), the chapter's throughput table.
 */
const fields = {
  rate: { kind: 'number', default: 4, min: 0.1, max: 200, step: 0.1, label: 'Arrival rate (requests/s)' },
  maxBatch: { kind: 'number', default: 64, min: 1, max: 1024, integer: true, label: 'Max sequences per batch' },
  prompt: { kind: 'number', default: 1000, min: 1, max: 32_768, integer: true, label: 'Prompt tokens', control: 'box' },
  output: {
    kind: 'number',
    default: 200,
    min: 1,
    max: 4096,
    label: 'Mean output tokens (lengths vary)',
    control: 'box',
  },
  prefill: {
    kind: 'number',
    default: 32.5,
    min: 0,
    max: 10_000,
    step: 0.1,
    label: 'Prefill time per prompt token (µs)',
    control: 'box',
  },
  stepBase: {
    kind: 'number',
    default: 6.85,
    min: 0.01,
    max: 1000,
    step: 0.01,
    label: 'Decode step, fixed part (ms)',
    control: 'box',
  },
  stepPerSeq: {
    kind: 'number',
    default: 0.112,
    min: 0,
    max: 100,
    step: 0.001,
    label: 'Decode step, added per sequence (ms)',
    control: 'box',
  },
  requests: {
    kind: 'number',
    default: 2000,
    min: 100,
    max: 20_000,
    integer: true,
    label: 'Requests simulated',
    control: 'box',
  },
  seed: { kind: 'number', default: 1, min: 1, max: 999_999, integer: true, label: 'Random seed', control: 'box' },
} satisfies Fields;

const H100_8B = { maxBatch: 64, prompt: 1000, output: 200, prefill: 32.5, stepBase: 6.85, stepPerSeq: 0.112 } as const;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'Light load (2 requests/s)', state: { ...H100_8B, rate: 2 } },
    { label: 'Busy (4 requests/s)', state: { ...H100_8B, rate: 4 } },
    { label: 'Past static capacity (8 requests/s)', state: { ...H100_8B, rate: 8 } },
  ],
});

export type State = StateOf<typeof schema>;
