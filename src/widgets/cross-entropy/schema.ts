import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the cross-entropy explorer. */
export const ns = 'ce';

const fields = {
  p: { kind: 'number', default: 0.8, min: 0, max: 1, label: 'Predicted probability of class 1 (p)', step: 0.01 },
  label: { kind: 'enum', default: '1', values: { '1': '1 (positive)', '0': '0 (negative)' }, label: 'True label' },
  unit: {
    kind: 'enum',
    default: 'nats',
    values: { nats: 'Natural log (nats)', bits: 'Log base 2 (bits)' },
    label: 'Logarithm',
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'Confident and right', state: { p: 0.95, label: '1' } },
    { label: 'Hedging', state: { p: 0.5, label: '1' } },
    { label: 'Confident and wrong', state: { p: 0.99, label: '0' } },
  ],
});

export type State = StateOf<typeof schema>;
