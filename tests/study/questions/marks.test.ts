// Question marks in localStorage: versioned, read mark by mark; unreadable text is kept aside.
import { describe, expect, it } from 'vitest';
import { MARKS_FORMAT, markOf, toggleMark } from '../../../src/study/questions/marks.ts';
import { parseStored } from '../../../src/client/store.ts';

describe('stored marks', () => {
  it('reads nothing saved as no marks, and round-trips saved marks', () => {
    expect(parseStored(MARKS_FORMAT, null).value).toEqual({});
    const marks = { 'jax-when': 'got', 'drift-alerts': 'review' } as const;
    expect(MARKS_FORMAT.write(marks)).toEqual({ version: 1, marks });
    expect(parseStored(MARKS_FORMAT, JSON.stringify(MARKS_FORMAT.write(marks)))).toEqual({
      value: marks,
      notices: [],
      lossy: false,
    });
  });

  it.each([
    ['{oops', 'it is not valid JSON'],
    ['[]', 'it is not an object'],
    ['{"version":2,"marks":{}}', 'it is version 2, saved by a newer guide; this page reads version 1'],
    ['{"marks":{}}', 'it has no version number'],
    ['{"version":1}', 'it is not in the expected shape'],
  ])('keeps %s aside, unread, with a message', (text, why) => {
    const result = parseStored(MARKS_FORMAT, text);
    expect(result.value).toEqual({});
    expect(result.lossy).toBe(true);
    expect(result.notices[0]).toMatch(`Your saved question marks could not be read (${why}).`);
  });

  it('skips only the mark it cannot read', () => {
    const result = parseStored(MARKS_FORMAT, '{"version":1,"marks":{"a":"maybe","b":"got","c":"review"}}');
    expect(result.value).toEqual({ b: 'got', c: 'review' });
    expect(result.notices[0]).toContain('the mark of "a"');
  });
});

describe('toggleMark', () => {
  it('sets, switches and clears a mark without changing its input', () => {
    const none = {};
    const got = toggleMark(none, 'q1', 'got');
    expect(got).toEqual({ q1: 'got' });
    expect(none).toEqual({});
    expect(toggleMark(got, 'q1', 'review')).toEqual({ q1: 'review' });
    expect(toggleMark(got, 'q1', 'got')).toEqual({});
    expect(markOf(got, 'q1')).toBe('got');
    expect(markOf(got, 'toString')).toBeNull();
  });
});
