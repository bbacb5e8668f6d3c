import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the calibration explorer. */
export const ns = 'ca';

const fields = {
  data: {
    kind: 'enum',
    default: 'well',
    values: {
      well: 'Well calibrated',
      over: 'Over-confident: pushed towards 0 and 1',
      under: 'Under-confident: pulled towards 0.5',
      custom: 'Pasted predictions (edit the box below)',
    },
    label: 'Predictions',
  },
  bins: { kind: 'number', default: 10, min: 2, max: 20, integer: true, label: 'Number of bins' },
  csv: {
    kind: 'text',
    default:
      '0.95,1\n0.9,1\n0.9,0\n0.85,1\n0.8,0\n0.75,1\n0.7,1\n0.65,0\n0.6,1\n0.55,0\n0.5,1\n0.45,0\n0.4,0\n0.35,1\n0.3,0\n0.25,0\n0.2,0\n0.15,0\n0.1,0\n0.05,0',
    maxLength: 40000,
    label: 'Your predictions (prob,label per line)',
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'Well calibrated', state: { data: 'well', bins: 10 } },
    { label: 'Over-confident', state: { data: 'over', bins: 10 } },
    { label: 'Under-confident', state: { data: 'under', bins: 10 } },
  ],
  // The pasted-data box only matters for the "custom" dataset.
  visibility: (state) => ({ csv: state.data === 'custom' }),
});

export type State = StateOf<typeof schema>;
