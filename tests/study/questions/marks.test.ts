// Question marks in localStorage: versioned, corrupt or foreign text ignored with a message.
import { describe, expect, it } from 'vitest';
import { markOf, parseMarks, serializeMarks, toggleMark } from '../../../src/study/questions/marks.ts';

describe('parseMarks', () => {
  it('reads nothing saved as no marks', () => {
    expect(parseMarks(null)).toEqual({ ok: true, marks: {} });
  });

  it('round-trips saved marks', () => {
    const marks = { 'jax-when': 'got', 'drift-alerts': 'review' } as const;
    expect(parseMarks(serializeMarks(marks))).toEqual({ ok: true, marks });
    expect(JSON.parse(serializeMarks(marks))).toEqual({ version: 1, marks });
  });

  it.each([
    ['{oops', 'not valid JSON'],
    ['[]', 'not an object'],
    ['{"version":2,"marks":{}}', 'format version 2'],
    ['{"marks":{}}', 'format version undefined'],
    ['{"version":1}', 'no "marks" object'],
    ['{"version":1,"marks":{"a":"maybe"}}', 'a mark is neither "got" nor "review"'],
  ])('ignores %s with a message', (text, why) => {
    const result = parseMarks(text);
    expect(result.ok).toBe(false);
    expect(result.marks).toEqual({});
    expect(!result.ok && result.message).toBe(
      `Your saved question marks could not be read (${why}); they are ignored until you mark a question again.`,
    );
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
