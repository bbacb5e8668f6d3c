import type { Schema } from '../shared/state.ts';

/** URL namespace and inputs of the cross-entropy explorer. */
export const ns = 'ce';

export const schema = {
  p: { kind: 'number', default: 0.8, min: 0, max: 1, label: 'Predicted probability of class 1 (p)' },
  label: { kind: 'enum', default: '1', values: ['1', '0'], label: 'True label' },
  unit: { kind: 'enum', default: 'nats', values: ['nats', 'bits'], label: 'Logarithm' },
} satisfies Schema;

export const labelNames: Record<string, string> = { '1': '1 (positive)', '0': '0 (negative)' };
export const unitNames: Record<string, string> = { nats: 'Natural log (nats)', bits: 'Log base 2 (bits)' };

export const presets = [
  { label: 'Confident and right', state: { p: 0.95, label: '1' } },
  { label: 'Hedging', state: { p: 0.5, label: '1' } },
  { label: 'Confident and wrong', state: { p: 0.99, label: '0' } },
];
