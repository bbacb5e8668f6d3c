import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the fairness explorer. */
export const ns = 'fa';

const CSV_EXAMPLE = `score,label,group
0.92,1,A
0.81,1,A
0.74,0,A
0.66,1,A
0.58,0,A
0.45,1,A
0.33,0,A
0.21,0,A
0.88,1,B
0.62,0,B
0.55,1,B
0.48,0,B
0.39,1,B
0.27,0,B
0.15,0,B
0.71,0,C
0.52,0,C
0.34,0,C
0.12,0,C`;

const fields = {
  data: {
    kind: 'enum',
    default: 'different',
    values: {
      equal: 'Equal base rates (A 50%, B 50%)',
      different: 'Different base rates (A 60%, B 40%)',
      biased: 'A biased score (B scored lower)',
      pasted: 'Pasted data (box below)',
    },
    label: 'Data',
  },
  t: { kind: 'number', default: 0.5, min: 0, max: 1, label: 'Threshold (every group)', step: 0.01 },
  perGroup: { kind: 'boolean', default: false, label: 'A separate threshold for each group' },
  tA: { kind: 'number', default: 0.5, min: 0, max: 1, label: 'Threshold for group A', step: 0.01 },
  tB: { kind: 'number', default: 0.5, min: 0, max: 1, label: 'Threshold for group B', step: 0.01 },
  tg: {
    kind: 'text',
    default: 'A=0.5\nB=0.5',
    maxLength: 2000,
    label: 'Per-group thresholds (group=threshold per line; others use the shared one)',
    rows: 3,
  },
  csv: {
    kind: 'text',
    default: CSV_EXAMPLE,
    maxLength: 40000,
    label: 'Your data (score,label,group per line)',
    rows: 5,
  },
} satisfies Fields;

const reset = { t: 0.5, perGroup: false, tA: 0.5, tB: 0.5 } as const;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'Equal base rates', state: { ...reset, data: 'equal' } },
    { label: 'Different base rates', state: { ...reset, data: 'different' } },
    { label: 'A biased score', state: { ...reset, data: 'biased' } },
  ],
  // Two-group presets take a number per group; pasted data (any groups) takes group=threshold lines.
  visibility: ({ data, perGroup }) => {
    const pasted = data === 'pasted';
    return {
      t: !perGroup || pasted,
      tA: perGroup && !pasted,
      tB: perGroup && !pasted,
      tg: perGroup && pasted,
      csv: pasted,
    };
  },
});

export type State = StateOf<typeof schema>;
