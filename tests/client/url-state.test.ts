import { describe, expect, it } from 'vitest';
import { defaultValues, fieldProblem, lineCount, MAX_TEXT_LINES, type Fields } from '../../src/client/fields.ts';
import { hasNamespace, linkQuery, MAX_QUERY_CHARS, parseState, serializeState } from '../../src/client/url-state.ts';

const fields = {
  t: { kind: 'number', default: 0.5, min: 0, max: 1, label: 'Threshold' },
  k: { kind: 'number', default: 5, min: 1, max: 20, integer: true, label: 'k' },
  dataset: { kind: 'enum', key: 'data', default: 'a', values: { a: 'A', b: 'B' }, label: 'Dataset' },
  exp: { kind: 'boolean', default: false, label: 'Exponential gain' },
  csv: { kind: 'text', default: '', maxLength: 10, label: 'Data' },
  level: { kind: 'enum', default: '', values: { '': 'Any', Senior: 'Senior' }, label: 'Level' },
} satisfies Fields;

describe('parseState', () => {
  it('reads only its own namespace, by URL key, and converts types', () => {
    const { state, notices } = parseState(
      fields,
      'w',
      '?w.t=0.25&w.k=7&w.data=b&w.exp=1&w.csv=1%2C0&w.level=Senior&other.t=9',
    );
    expect(state).toEqual({ t: 0.25, k: 7, dataset: 'b', exp: true, csv: '1,0', level: 'Senior' });
    expect(notices).toEqual([]);
  });

  it('falls back to defaults with a notice for malformed, out-of-range and unknown values', () => {
    const { state, notices } = parseState(fields, 'w', '?w.t=abc&w.k=2.5&w.data=<script>&w.zzz=1&w.exp=yes');
    expect(state).toEqual(defaultValues(fields));
    expect(notices).toHaveLength(5);
    expect(notices[0]).toBe("Threshold must be a number. The link's value was replaced by the default.");
    expect(notices.join(' ')).toContain('unknown setting "zzz"');
  });

  it('treats keys named after built-in object properties as unknown', () => {
    const { state, notices } = parseState(fields, 'w', '?w.toString=1&w.constructor=1&w.__proto__=1');
    expect(state).toEqual(defaultValues(fields));
    expect(notices).toHaveLength(3);
    expect(Object.hasOwn(state, 'toString')).toBe(false);
  });

  it('rejects an empty, padded, hex, binary or octal number and an over-long text', () => {
    for (const raw of ['', ' 0.5', '0x1', '0b1', '0o1', 'Infinity', '1_0', '+0.5', '0.', '1e-400', '1e999'])
      expect(fieldProblem(fields.t, raw), raw).toBe('Threshold must be a number.');
    expect(fieldProblem(fields.t, '1.5')).toBe('Threshold must be between 0 and 1.');
    expect(fieldProblem(fields.t, '.5')).toBeNull();
    expect(fieldProblem(fields.t, '5e-1')).toBeNull();
    expect(fieldProblem(fields.csv, '12345678901')).toBe('Data holds 11 characters; it takes at most 10.');
    expect(fieldProblem(fields.level, 'Junior')).toBe('Level must be one of: (any), Senior.');
  });

  it(`refuses a text of more than ${MAX_TEXT_LINES} lines, however short (a browser lays text out line by line)`, () => {
    const paste = { kind: 'text', default: '', maxLength: 100_000, label: 'Latencies' } as const;
    expect(lineCount('')).toBe(1);
    expect(lineCount('1\n2\n')).toBe(3);
    expect(fieldProblem(paste, '1\n'.repeat(MAX_TEXT_LINES - 1) + '1')).toBeNull();
    expect(fieldProblem(paste, '1\n'.repeat(MAX_TEXT_LINES) + '1')).toBe(
      'Latencies holds 3,001 lines; it takes at most 3,000.',
    );
    // Many values on one line are fine up to the character limit.
    expect(fieldProblem(paste, '1,'.repeat(50_000))).toBeNull();
    expect(fieldProblem(paste, '1,'.repeat(50_001))).toBe(
      'Latencies holds 100,002 characters; it takes at most 100,000.',
    );
  });
});

describe('serializeState', () => {
  it("writes only non-default values under their URL keys and keeps other owners' keys", () => {
    const state = { ...defaultValues(fields), t: 0.3, exp: true, dataset: 'b' as const };
    expect(serializeState(fields, 'w', state, '?other.x=1&w.k=9')).toBe('?other.x=1&w.t=0.3&w.data=b&w.exp=1');
    expect(hasNamespace('w', '?other.x=1&w.k=9')).toBe(true);
    expect(hasNamespace('w', '?other.x=1')).toBe(false);
  });

  it('round-trips through parseState', () => {
    const state = { t: 0.125, k: 3, dataset: 'b', exp: true, csv: 'a,b&c', level: 'Senior' } as const;
    expect(parseState(fields, 'w', serializeState(fields, 'w', state, '')).state).toEqual(state);
  });

  it('returns an empty query for the default state', () => {
    expect(serializeState(fields, 'w', defaultValues(fields), '')).toBe('');
  });
});

describe('linkQuery (links stay short, probe D8)', () => {
  const pasted = {
    t: { kind: 'number', default: 0.5, min: 0, max: 1, label: 'Threshold' },
    scores: { kind: 'text', default: '', maxLength: 40_000, label: 'Scores' },
    names: { kind: 'text', default: '', maxLength: 40_000, label: 'Names' },
  } satisfies Fields;

  it('keeps pasted data that fits, and leaves nothing out', () => {
    const state = { t: 0.3, scores: '0.9,1\n0.1,0', names: '' };
    expect(linkQuery(pasted, 'w', state, '')).toEqual({ search: '?w.t=0.3&w.scores=0.9%2C1%0A0.1%2C0', leftOut: [] });
  });

  it('leaves out the longest pasted text first, keeps the settings and stays within the budget', () => {
    const state = { t: 0.3, scores: '0.25,1\n'.repeat(2000), names: 'a,b' };
    const { search, leftOut } = linkQuery(pasted, 'w', state, '?other.x=1');
    expect(leftOut).toEqual(['scores']);
    expect(search).toBe('?other.x=1&w.t=0.3&w.names=a%2Cb');
    expect(serializeState(pasted, 'w', state, '')).toBe('?w.t=0.3&w.names=a%2Cb');
  });

  it('never exceeds the budget, whatever the text (characters that encode long included)', () => {
    for (const unit of ['x', 'é', ',', '😀']) {
      const state = { t: 1, scores: unit.repeat(20_000), names: unit.repeat(900) };
      const { search } = linkQuery(pasted, 'w', state, '');
      expect(search.length).toBeLessThanOrEqual(MAX_QUERY_CHARS + 1);
      expect(parseState(pasted, 'w', search).notices).toEqual([]);
    }
  });
});
