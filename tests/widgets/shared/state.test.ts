import { describe, expect, it } from 'vitest';
import {
  defaultState,
  fieldProblem,
  parseState,
  serializeState,
  type Schema,
} from '../../../src/widgets/shared/state.ts';

const schema = {
  t: { kind: 'number', default: 0.5, min: 0, max: 1, label: 'Threshold' },
  k: { kind: 'number', default: 5, min: 1, max: 20, integer: true, label: 'k' },
  data: { kind: 'enum', default: 'a', values: ['a', 'b'], label: 'Dataset' },
  exp: { kind: 'boolean', default: false, label: 'Exponential gain' },
  csv: { kind: 'text', default: '', maxLength: 10, label: 'Data' },
} satisfies Schema;

describe('parseState', () => {
  it('reads only its own namespace and converts types', () => {
    const { state, notices } = parseState(schema, 'w', '?w.t=0.25&w.k=7&w.data=b&w.exp=1&w.csv=1%2C0&other.t=9');
    expect(state).toEqual({ t: 0.25, k: 7, data: 'b', exp: true, csv: '1,0' });
    expect(notices).toEqual([]);
  });

  it('falls back to defaults with a notice for malformed, out-of-range and unknown values', () => {
    const { state, notices } = parseState(schema, 'w', '?w.t=abc&w.k=2.5&w.data=<script>&w.zzz=1&w.exp=yes');
    expect(state).toEqual(defaultState(schema));
    expect(notices).toHaveLength(5);
    expect(notices[0]).toBe("Threshold must be a number. The link's value was replaced by the default.");
    expect(notices.join(' ')).toContain('unknown setting "zzz"');
  });

  it('rejects an empty number and an over-long text', () => {
    expect(fieldProblem(schema.t, '')).toBe('Threshold must be a number.');
    expect(fieldProblem(schema.t, '1.5')).toBe('Threshold must be between 0 and 1.');
    expect(fieldProblem(schema.t, 'Infinity')).toBe('Threshold must be a number.');
    expect(fieldProblem(schema.csv, '12345678901')).toBe('Data is longer than 10 characters.');
  });
});

describe('serializeState', () => {
  it("writes only non-default values and keeps other widgets' keys", () => {
    const state = { ...defaultState(schema), t: 0.3, exp: true };
    expect(serializeState(schema, 'w', state, '?other.x=1&w.k=9')).toBe('?other.x=1&w.t=0.3&w.exp=1');
  });

  it('round-trips through parseState', () => {
    const state = { t: 0.125, k: 3, data: 'b', exp: true, csv: 'a,b&c' };
    expect(parseState(schema, 'w', serializeState(schema, 'w', state, '')).state).toEqual(state);
  });

  it('returns an empty query for the default state', () => {
    expect(serializeState(schema, 'w', defaultState(schema), '')).toBe('');
  });
});
