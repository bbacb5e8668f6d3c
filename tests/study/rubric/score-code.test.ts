// The interviewer's score code: a round trip for every pattern of ticks, and a clear refusal of typos,
// unknown prompts and codes made for another rubric.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Scores } from '../../../src/study/mock/rubric.ts';
import { decodeScoreCode, encodeScoreCode } from '../../../src/study/rubric/score-code.ts';

const ITEMS = [
  'scale',
  'calibration',
  'entropy',
  'downsampling',
  'crosses',
  'freshness',
  'late-clicks',
  'test',
  'latency',
  'skew',
];
const rubricOf = (ref: string) => (ref === 'c6' ? ITEMS : undefined);

describe('score codes', () => {
  it('encode ticks and scores compactly, and decode them back', () => {
    const scores: Scores = { clarify: 3, data: 4, model: 4, evaluation: 3, serving: 3, monitoring: 2 };
    const code = encodeScoreCode('c6', ITEMS, ['scale', 'calibration', 'entropy', 'crosses', 'skew'], scores);
    expect(code).toMatch(/^c6-712-34433200-[0-9a-z]{4}$/);
    expect(decodeScoreCode(code, rubricOf)).toEqual({
      ok: true,
      value: { ref: 'c6', covered: ['scale', 'calibration', 'entropy', 'crosses', 'skew'], scores },
    });
    // Read aloud and typed back: spaces and capitals are forgiven.
    expect(decodeScoreCode(` ${code.toUpperCase().replace(/-/g, ' - ')} `, rubricOf)).toEqual(
      decodeScoreCode(code, rubricOf),
    );
  });

  it('round-trips any ticks and scores', () => {
    const score = fc.constantFrom(undefined, 1, 2, 3, 4);
    fc.assert(
      fc.property(fc.subarray(ITEMS), fc.array(score, { minLength: 8, maxLength: 8 }), (covered, values) => {
        const scores = Object.fromEntries(
          DIMENSIONS.flatMap((d, i) => (values[i] === undefined ? [] : [[d.id, values[i]]])),
        ) as Scores;
        const decoded = decodeScoreCode(encodeScoreCode('c6', ITEMS, covered, scores), rubricOf);
        expect(decoded).toEqual({ ok: true, value: { ref: 'c6', covered, scores } });
      }),
    );
  });

  it('refuses typos, unknown prompts and codes made for another version of the rubric', () => {
    const code = encodeScoreCode('c6', ITEMS, ['scale'], { clarify: 2 });
    const refused = (raw: string, ids = rubricOf) => {
      const result = decodeScoreCode(raw, ids);
      return result.ok ? 'accepted' : result.message;
    };
    expect(refused('hello')).toBe('This is not a score code: it looks like "c6-3f7-34433200-k2x9".');
    expect(refused(code.replace('c6', 'c99'))).toBe('The code names a prompt ("c99") this guide does not have.');
    expect(refused(code.replace('-20000000-', '-30000000-'))).toMatch(/^This code does not check out/);
    expect(refused(code, (ref) => (ref === 'c6' ? [...ITEMS].reverse() : undefined))).toMatch(/does not check out/);
    expect(refused(code, (ref) => (ref === 'c6' ? ITEMS.slice(0, 4) : undefined))).toMatch(/does not check out/);
  });
});
