// Filters in the URL: strict parsing, namespaced, defaults omitted when written back.
import { describe, expect, it } from 'vitest';
import { emptyFilters, isUnfiltered, parseFilters, serializeFilters } from '../../../src/study/shared/url-filters.ts';

const SPEC = {
  level: { label: 'Level', values: ['Junior', 'Mid', 'Senior'] },
  section: { label: 'Section', values: ['serving', 'monitoring'] },
};

describe('parseFilters', () => {
  it('reads the namespaced keys and leaves the others alone', () => {
    expect(parseFilters(SPEC, 'qb', '?qb.level=Senior&qb.section=serving&te.t=0.3')).toEqual({
      values: { level: 'Senior', section: 'serving' },
      notices: [],
    });
  });

  it('treats a missing or empty filter as "any"', () => {
    expect(parseFilters(SPEC, 'qb', '').values).toEqual({ level: '', section: '' });
    expect(parseFilters(SPEC, 'qb', '?qb.level=').values).toEqual({ level: '', section: '' });
  });

  it('drops unknown keys and values with a notice, keeping the valid ones', () => {
    const { values, notices } = parseFilters(SPEC, 'qb', '?qb.level=senior&qb.colour=red&qb.section=monitoring');
    expect(values).toEqual({ level: '', section: 'monitoring' });
    expect(notices).toEqual([
      'Level "senior" is not one of: Junior, Mid, Senior. That filter was ignored.',
      'The link has an unknown filter "colour"; it was ignored.',
    ]);
  });

  it('does not treat inherited object keys as filters', () => {
    expect(parseFilters(SPEC, 'qb', '?qb.constructor=x&qb.__proto__=y').notices).toHaveLength(2);
  });

  it('decodes encoded values, and never returns a value outside the list', () => {
    expect(parseFilters(SPEC, 'qb', '?qb.level=%53enior').values.level).toBe('Senior');
    expect(parseFilters(SPEC, 'qb', '?qb.level=%3Cimg%20src%3Dx%3E').values.level).toBe('');
  });
});

describe('serializeFilters', () => {
  it('writes only the set filters and keeps other parameters', () => {
    expect(serializeFilters(SPEC, 'qb', { level: 'Senior', section: '' }, '?te.t=0.3&qb.section=serving')).toBe(
      '?te.t=0.3&qb.level=Senior',
    );
    expect(serializeFilters(SPEC, 'qb', emptyFilters(SPEC), '?qb.level=Mid')).toBe('');
  });

  it('round-trips through parseFilters', () => {
    const values = { level: 'Mid', section: 'monitoring' };
    expect(parseFilters(SPEC, 'qb', serializeFilters(SPEC, 'qb', values, '')).values).toEqual(values);
    expect(isUnfiltered(values)).toBe(false);
    expect(isUnfiltered(emptyFilters(SPEC))).toBe(true);
  });
});
