import type { Schema } from '../shared/state.ts';

/** URL namespace and inputs of the threshold explorer. */
export const ns = 'te';

export const schema = {
  data: { kind: 'enum', default: 'balanced', values: ['balanced', 'fraud', 'overlap', 'custom'], label: 'Dataset' },
  t: { kind: 'number', default: 0.5, min: 0, max: 1, label: 'Threshold' },
  costFp: { kind: 'number', default: 1, min: 0, max: 10000, label: 'Cost of a false positive' },
  costFn: { kind: 'number', default: 5, min: 0, max: 10000, label: 'Cost of a false negative' },
  csv: {
    kind: 'text',
    default: '0.9,1\n0.8,1\n0.7,0\n0.6,1\n0.55,0\n0.4,1\n0.3,0\n0.2,0\n0.1,0',
    maxLength: 40000,
    label: 'Your scores (score,label per line)',
  },
} satisfies Schema;

export const datasetNames: Record<string, string> = {
  balanced: 'Balanced, well separated (1,000 examples, 50% positive)',
  fraud: 'Imbalanced fraud (5,000 examples, 1% positive)',
  overlap: 'Heavily overlapping classes (1,000 examples, 30% positive)',
  custom: 'Pasted scores (edit the box below)',
};

export const presets = [
  { label: 'Balanced', state: { data: 'balanced', t: 0.5, costFp: 1, costFn: 1 } },
  { label: 'Imbalanced fraud', state: { data: 'fraud', t: 0.5, costFp: 1, costFn: 50 } },
  { label: 'Overlapping classes', state: { data: 'overlap', t: 0.4, costFp: 1, costFn: 3 } },
];
