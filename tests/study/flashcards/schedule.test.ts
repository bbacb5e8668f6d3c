// FSRS scheduling through ts-fsrs, with a fixed clock so every date below is exact.
import { describe, expect, it } from 'vitest';
import { Rating, State, type Grade } from 'ts-fsrs';
import {
  buildQueue,
  formatInterval,
  fromCard,
  gradeCard,
  nextCardId,
  previewIntervals,
  toCard,
  type Progress,
} from '../../../src/study/flashcards/schedule.ts';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const IDS = ['a', 'b', 'c', 'd'];

describe('gradeCard', () => {
  it('schedules a new card graded Good later than one graded Again', () => {
    const good = gradeCard({}, 'a', Rating.Good, NOW);
    const again = gradeCard({}, 'a', Rating.Again, NOW);
    expect(Date.parse(good.a.due)).toBeGreaterThan(Date.parse(again.a.due));
    // ts-fsrs default learning steps are 1 and 10 minutes.
    expect(again.a.due).toBe(minutes(1).toISOString());
    expect(good.a.due).toBe(minutes(10).toISOString());
    expect(good.a.state).toBe(State.Learning);
    expect(good.a.last_review).toBe(NOW.toISOString());
  });

  it('orders the four grades by interval, Easy skipping the learning steps', () => {
    const grades: Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
    const due = grades.map((r) => Date.parse(gradeCard({}, 'a', r, NOW).a.due));
    expect(due).toEqual([...due].sort((x, y) => x - y));
    expect(gradeCard({}, 'a', Rating.Easy, NOW).a.state).toBe(State.Review);
  });

  it('graduates a card after two Goods to an interval of days, then longer', () => {
    let progress = gradeCard({}, 'a', Rating.Good, NOW);
    progress = gradeCard(progress, 'a', Rating.Good, minutes(11));
    const firstGap = Date.parse(progress.a.due) - minutes(11).getTime();
    expect(progress.a.state).toBe(State.Review);
    expect(firstGap).toBeGreaterThanOrEqual(86_400_000);
    const reviewAt = new Date(progress.a.due);
    progress = gradeCard(progress, 'a', Rating.Good, reviewAt);
    expect(Date.parse(progress.a.due) - reviewAt.getTime()).toBeGreaterThan(firstGap);
    expect(progress.a.reps).toBe(3);
  });

  it('counts a lapse when a review card is forgotten', () => {
    const learned = gradeCard({}, 'a', Rating.Easy, NOW);
    const lapsed = gradeCard(learned, 'a', Rating.Again, new Date(learned.a.due));
    expect(lapsed.a.lapses).toBe(1);
    expect(lapsed.a.state).toBe(State.Relearning);
  });

  it('does not change the progress it is given', () => {
    const before: Progress = gradeCard({}, 'a', Rating.Good, NOW);
    const copy = structuredClone(before);
    gradeCard(before, 'b', Rating.Again, NOW);
    gradeCard(before, 'a', Rating.Again, NOW);
    expect(before).toEqual(copy);
  });

  it('round-trips a card through storage form', () => {
    const stored = gradeCard({}, 'a', Rating.Good, NOW).a;
    expect(fromCard(toCard(stored))).toEqual(stored);
  });
});

describe('buildQueue', () => {
  it('puts every card in "new" before any study', () => {
    const queue = buildQueue(IDS, {}, NOW);
    expect(queue).toEqual({ due: [], fresh: IDS, later: [], nextDue: null });
    expect(nextCardId(queue)).toBe('a');
  });

  it('moves graded cards to "later", then to "due" once their time comes, most overdue first', () => {
    let progress = gradeCard({}, 'b', Rating.Good, NOW); // due +10 min
    progress = gradeCard(progress, 'a', Rating.Again, NOW); // due +1 min
    const soon = buildQueue(IDS, progress, NOW);
    expect(soon.later).toEqual(['a', 'b']);
    expect(soon.fresh).toEqual(['c', 'd']);
    expect(soon.nextDue).toEqual(minutes(1));
    expect(nextCardId(soon)).toBe('c');

    const after = buildQueue(IDS, progress, minutes(30));
    expect(after.due).toEqual(['a', 'b']);
    expect(nextCardId(after)).toBe('a');
  });

  it('ignores progress of cards outside the selection, and has nothing to show when all are later', () => {
    const progress = gradeCard(gradeCard({}, 'a', Rating.Easy, NOW), 'z', Rating.Again, NOW);
    const queue = buildQueue(['a'], progress, NOW);
    expect(queue.later).toEqual(['a']);
    expect(nextCardId(queue)).toBeNull();
  });
});

describe('previewIntervals', () => {
  it('gives the wait for each grade, matching what grading does', () => {
    const preview = previewIntervals({}, 'a', NOW);
    expect(preview[Rating.Again]).toBe(60_000);
    expect(preview[Rating.Good]).toBe(600_000);
    expect(preview[Rating.Easy]).toBe(Date.parse(gradeCard({}, 'a', Rating.Easy, NOW).a.due) - NOW.getTime());
  });
});

describe('formatInterval', () => {
  it.each([
    [0, 'under a minute'],
    [NaN, 'under a minute'],
    [60_000, '1 min'],
    [600_000, '10 min'],
    [3 * 3_600_000, '3 h'],
    [86_400_000, '1 day'],
    [8 * 86_400_000, '8 days'],
    [61 * 86_400_000, '2 months'],
    [365 * 86_400_000, '1 year'],
    [548 * 86_400_000, '1.5 years'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});
