// The interviewer's sheet: the follow-up ladder's minute marks, reveals ahead of schedule, and the
// stored format read field by field.
import { describe, expect, it } from 'vitest';
import { parseStored } from '../../../src/client/store.ts';
import {
  followUpMarks,
  hasProgress,
  INTERVIEWER_FORMAT,
  interviewerPath,
  newSheet,
  unlockedCount,
} from '../../../src/study/interviewer/state.ts';

const MIN = 60_000;

describe('the follow-up ladder', () => {
  it('unlocks from 15:00 (baseline and model) to 42:00 (wrap-up), on whole minutes', () => {
    expect(followUpMarks(10).map((ms) => ms / MIN)).toEqual([15, 18, 21, 24, 27, 30, 33, 36, 39, 42]);
    expect(followUpMarks(8).map((ms) => ms / MIN)).toEqual([15, 19, 23, 27, 30, 34, 38, 42]);
    expect(followUpMarks(1)).toEqual([15 * MIN]);
    expect(followUpMarks(0)).toEqual([]);
  });

  it('shows those whose mark has passed, or more when the interviewer reveals them early', () => {
    const marks = followUpMarks(10);
    expect(unlockedCount(marks, 14 * MIN, 0)).toBe(0);
    expect(unlockedCount(marks, 15 * MIN, 0)).toBe(1);
    expect(unlockedCount(marks, 20 * MIN, 0)).toBe(2);
    expect(unlockedCount(marks, 20 * MIN, 4)).toBe(4);
    expect(unlockedCount(marks, 45 * MIN, 0)).toBe(10);
    expect(unlockedCount(marks, 0, 99)).toBe(10);
  });
});

describe('the stored sheet', () => {
  it('round-trips, and knows when it holds work', () => {
    const sheet = {
      ...newSheet('cases/news-feed'),
      startedAt: 1_700_000_000_000,
      revealed: 2,
      covered: ['label-delay'],
      scores: { data: 3 as const },
    };
    expect(parseStored(INTERVIEWER_FORMAT, JSON.stringify(INTERVIEWER_FORMAT.write(sheet)))).toEqual({
      value: sheet,
      notices: [],
      lossy: false,
    });
    expect(hasProgress(sheet)).toBe(true);
    expect(hasProgress(newSheet('cases/news-feed'))).toBe(false);
  });

  it('drops only a damaged field', () => {
    const parsed = parseStored(
      INTERVIEWER_FORMAT,
      JSON.stringify({ ...newSheet('cases/news-feed'), revealed: -3, covered: 'all', scores: { data: 9 } }),
    );
    expect(parsed.value).toEqual(newSheet('cases/news-feed'));
    expect(parsed.notices[0]).toContain('the revealed; the covered; the score "data"');
  });

  it('links to the view for a prompt', () => {
    expect(interviewerPath('cases/news-feed')).toBe('/practice/interviewer/?iv.prompt=cases/news-feed');
  });
});
