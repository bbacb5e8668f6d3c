import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the drift detector. */
export const ns = 'dr';

const REFERENCE_EXAMPLE =
  '121, 139, 106, 135, 116, 116, 148, 122, 119, 131, 137, 120, 129, 105, 114, 113, 100, 97, 96, 116,\n' +
  '117, 115, 121, 100, 119, 124, 131, 107, 114, 90, 112, 87, 99, 137, 87, 132, 125, 115, 127, 128';
const CURRENT_EXAMPLE =
  '153, 127, 120, 120, 112, 131, 116, 153, 95, 110, 113, 90, 170, 84, 126, 121, 165, 92, 153, 117,\n' +
  '129, 119, 145, 109, 130, 139, 169, 84, 163, 151, 122, 138, 123, 165, 136, 128, 127, 128, 128, 114';

const fields = {
  scenario: {
    kind: 'enum',
    default: 'mean',
    values: {
      none: 'No drift (same distribution)',
      mean: 'Mean shift (+0.6 standard deviations)',
      variance: 'Variance change (40% wider)',
      seasonal: 'Seasonal swing (year vs. peak month)',
      category: 'A new category appears',
      pasted: 'Pasted samples (boxes below)',
    },
    label: 'Scenario',
  },
  n: { kind: 'number', default: 1000, min: 100, max: 100000, integer: true, label: 'Rows per window', step: 100 },
  strength: { kind: 'number', default: 1, min: 0, max: 3, label: 'Shift strength (1 = as described)', step: 0.1 },
  seed: { kind: 'number', default: 2, min: 1, max: 9999, integer: true, label: 'Random seed', control: 'box' },
  bins: { kind: 'number', default: 10, min: 3, max: 20, integer: true, label: 'Number of bins' },
  binning: {
    kind: 'enum',
    default: 'quantile',
    values: {
      quantile: 'Quantiles of the reference',
      equal: 'Equal width',
    },
    label: 'Binning',
  },
  ref: {
    kind: 'text',
    default: REFERENCE_EXAMPLE,
    maxLength: 20000,
    label: 'Reference sample (numbers, one per line or comma-separated)',
    rows: 4,
  },
  cur: {
    kind: 'text',
    default: CURRENT_EXAMPLE,
    maxLength: 20000,
    label: 'Current sample (numbers, one per line or comma-separated)',
    rows: 4,
  },
} satisfies Fields;

const base = { strength: 1, seed: 2, bins: 10, binning: 'quantile' } as const;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'No drift, 100 rows', state: { ...base, scenario: 'none', n: 100, seed: 3 } },
    { label: 'Tiny shift, 100,000 rows', state: { ...base, scenario: 'mean', n: 100000, strength: 0.1 } },
    { label: 'A new category appears', state: { ...base, scenario: 'category', n: 5000 } },
  ],
  // Pasted samples replace the generator's settings; categories replace the bin settings.
  visibility: ({ scenario }) => {
    const pasted = scenario === 'pasted';
    const binned = scenario !== 'category';
    return { n: !pasted, strength: !pasted, seed: !pasted, ref: pasted, cur: pasted, bins: binned, binning: binned };
  },
});

export type State = StateOf<typeof schema>;
