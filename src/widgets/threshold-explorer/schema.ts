import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the threshold explorer. */
export const ns = 'te';

const fields = {
  data: {
    kind: 'enum',
    default: 'balanced',
    values: {
      balanced: 'Balanced, well separated (1,000 examples, 50% positive)',
      fraud: 'Imbalanced fraud (5,000 examples, 1% positive)',
      overlap: 'Heavily overlapping classes (1,000 examples, 30% positive)',
      custom: 'Pasted scores (edit the box below)',
    },
    label: 'Dataset',
  },
  t: { kind: 'number', default: 0.5, min: 0, max: 1, label: 'Threshold', step: 0.01 },
  costFp: { kind: 'number', default: 1, min: 0, max: 10000, label: 'Cost of a false positive', control: 'box' },
  costFn: { kind: 'number', default: 5, min: 0, max: 10000, label: 'Cost of a false negative', control: 'box' },
  csv: {
    kind: 'text',
    default: '0.9,1\n0.8,1\n0.7,0\n0.6,1\n0.55,0\n0.4,1\n0.3,0\n0.2,0\n0.1,0',
    maxLength: 40000,
    label: 'Your scores (score,label per line)',
    rows: 5,
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'Balanced', state: { data: 'balanced', t: 0.5, costFp: 1, costFn: 1 } },
    { label: 'Imbalanced fraud', state: { data: 'fraud', t: 0.5, costFp: 1, costFn: 50 } },
    { label: 'Overlapping classes', state: { data: 'overlap', t: 0.4, costFp: 1, costFn: 3 } },
  ],
  // The pasted-data box only matters for the "custom" dataset.
  visibility: (state) => ({ csv: state.data === 'custom' }),
});

export type State = StateOf<typeof schema>;
