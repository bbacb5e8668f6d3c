import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the dynamic batching simulator. */
export const ns = 'ba';

/**
 * Defaults are the dynamic-batching chapter's worked example: a text classifier with an 8 ms fixed
 * and 1 ms per-item cost on one GPU, 600 requests per second, batches of up to 32.
 */
const fields = {
  rate: { kind: 'number', default: 600, min: 10, max: 20000, label: 'Arrival rate (requests/s)', step: 10 },
  maxBatch: { kind: 'number', default: 32, min: 1, max: 256, integer: true, label: 'Max batch size' },
  delay: { kind: 'number', default: 4, min: 0, max: 100, label: 'Max queue delay (ms)', step: 0.5 },
  fixed: { kind: 'number', default: 8, min: 0, max: 500, label: 'Fixed latency per batch (ms)', step: 0.5 },
  perItem: { kind: 'number', default: 1, min: 0, max: 100, label: 'Per-item latency (ms)', step: 0.1 },
  instances: { kind: 'number', default: 1, min: 1, max: 64, integer: true, label: 'Instances (GPUs)' },
  slo: { kind: 'number', default: 100, min: 5, max: 10000, label: 'p99 latency SLO (ms)', step: 5 },
  seed: {
    kind: 'number',
    default: 1,
    min: 1,
    max: 999999,
    integer: true,
    label: 'Random seed of the arrivals',
    control: 'box',
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: 'Light traffic',
      state: { rate: 100, maxBatch: 32, delay: 4, fixed: 8, perItem: 1, instances: 1, slo: 100 },
    },
    {
      label: 'Near saturation',
      state: { rate: 780, maxBatch: 32, delay: 4, fixed: 8, perItem: 1, instances: 1, slo: 100 },
    },
    {
      label: 'A tight SLO',
      state: { rate: 1400, maxBatch: 32, delay: 4, fixed: 8, perItem: 1, instances: 4, slo: 30 },
    },
  ],
});

export type State = StateOf<typeof schema>;
