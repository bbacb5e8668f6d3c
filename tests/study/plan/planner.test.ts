import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  cardMinutes,
  daySummary,
  formatMinutes,
  mockDays,
  planProgress,
  practiceOrder,
  readingOrder,
  replan,
  settingsProblem,
  type Catalog,
  type PlanSettings,
} from '../../../src/study/plan/planner.ts';
import { addDays, dayNumber, daysBetween, localDay, shortDate } from '../../../src/study/plan/dates.ts';
import { readingMinutes, wordCount } from '../../../src/study/plan/catalog.ts';

const CATALOG: Catalog = {
  chapters: [
    { id: 'start/a', title: 'A', section: 'start', minutes: 10 },
    { id: 'lifecycle/b', title: 'B', section: 'lifecycle', minutes: 20 },
    { id: 'llm/c', title: 'C', section: 'llm', minutes: 15 },
    { id: 'serving/d', title: 'D', section: 'serving', minutes: 30 },
    { id: 'monitoring/e', title: 'E', section: 'monitoring', minutes: 10 },
    { id: 'practice/x', title: 'X', section: 'practice', minutes: 10 },
  ],
  cases: [
    { id: 'practice/cases/c1', title: 'C1', number: 1, track: 'classical', level: 'Mid', minutes: 40 },
    { id: 'practice/cases/c2', title: 'C2', number: 2, track: 'genai', level: 'Senior', minutes: 40 },
    { id: 'practice/cases/c3', title: 'C3', number: 3, track: 'classical', level: 'Staff', minutes: 40 },
  ],
  exercises: [
    { id: 'practice/exercises/e1', title: 'E1', number: 1, level: 'Junior', genai: false, minutes: 60 },
    { id: 'practice/exercises/e2', title: 'E2', number: 2, level: 'Mid', genai: true, minutes: 60 },
    { id: 'practice/exercises/e3', title: 'E3', number: 3, level: 'Senior', genai: false, minutes: 60 },
  ],
};

const SETTINGS: PlanSettings = {
  start: '2026-12-01',
  interview: '2026-12-08',
  hoursPerDay: 1,
  level: 'Senior',
  focus: 'classical',
};

const pages = (items: { page: string }[]) => items.map((i) => i.page);

describe('days', () => {
  it('counts and adds calendar days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-01', '2027-03-01')).toBe(90);
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('tomorrow')).toBeNull();
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(shortDate('2026-12-05')).toBe('Sat 5 Dec');
    expect(localDay(new Date(2026, 11, 5, 23, 59))).toBe('2026-12-05');
  });
});

describe('study times from word counts', () => {
  it('counts prose words, not code, diagrams, imports, tags or link targets', () => {
    const body = [
      "import X from '~/x.astro';",
      '## In one breath',
      'Read [this chapter](/lifecycle/evaluation/#x) now, twice.',
      '```mermaid',
      'flowchart LR',
      '  A --> B',
      '```',
      '<X client:visible />',
      '| a | b |',
    ].join('\n');
    // "In one breath" 3 + "Read this chapter now, twice." 5 + table "a" "b" 2
    expect(wordCount(body)).toBe(10);
  });

  it('rounds study minutes up to 5 at 150 words a minute', () => {
    expect(readingMinutes(0)).toBe(5);
    expect(readingMinutes(750)).toBe(5);
    expect(readingMinutes(751)).toBe(10);
    expect(readingMinutes(3000)).toBe(20);
  });
});

describe('settings', () => {
  it('accepts a goal that can be planned', () => {
    expect(settingsProblem(SETTINGS, '2026-12-01')).toBeNull();
  });

  it('explains each setting it refuses', () => {
    const today = '2026-12-01';
    expect(settingsProblem({ ...SETTINGS, interview: '' }, today)).toBe('Enter the date of your interview.');
    expect(settingsProblem({ ...SETTINGS, interview: '2026-12-01' }, today)).toBe(
      'The interview date must be after today.',
    );
    expect(settingsProblem({ ...SETTINGS, interview: '2027-12-02' }, today)).toBe(
      'Plans reach at most 365 days ahead; pick an interview date within a year.',
    );
    expect(settingsProblem({ ...SETTINGS, hoursPerDay: Number.NaN }, today)).toBe(
      'Enter the hours a day you can study, such as 1.5.',
    );
    expect(settingsProblem({ ...SETTINGS, hoursPerDay: 0.25 }, today)).toBe('Hours a day must be between 0.5 and 12.');
    expect(settingsProblem({ ...SETTINGS, hoursPerDay: 13 }, today)).toBe('Hours a day must be between 0.5 and 12.');
    expect(settingsProblem({ ...SETTINGS, level: 'Principal' as never }, today)).toBe('Pick a target level.');
    expect(settingsProblem({ ...SETTINGS, focus: 'robotics' as never }, today)).toBe('Pick a focus.');
    expect(() => buildPlan({ ...SETTINGS, interview: SETTINGS.start }, CATALOG)).toThrow(
      'The interview date must be after today.',
    );
  });
});

describe('what to study, in which order', () => {
  it('reads the focus section first and leaves practice and reference out of the reading', () => {
    expect(pages(readingOrder(CATALOG.chapters, 'classical').map((c) => ({ page: c.id })))).toEqual([
      'start/a',
      'lifecycle/b',
      'serving/d',
      'monitoring/e',
      'llm/c',
    ]);
    expect(readingOrder(CATALOG.chapters, 'genai').map((c) => c.id)).toEqual([
      'start/a',
      'llm/c',
      'lifecycle/b',
      'serving/d',
      'monitoring/e',
    ]);
  });

  it('alternates cases and exercises up to the target level, the focus track first', () => {
    expect(pages(practiceOrder(CATALOG, 'Senior', 'classical'))).toEqual([
      'practice/cases/c1',
      'practice/exercises/e1',
      'practice/cases/c2',
      'practice/exercises/e3',
      'practice/exercises/e2',
    ]);
    expect(pages(practiceOrder(CATALOG, 'Staff', 'genai'))).toEqual([
      'practice/cases/c2',
      'practice/exercises/e2',
      'practice/cases/c1',
      'practice/exercises/e1',
      'practice/cases/c3',
      'practice/exercises/e3',
    ]);
    // A junior gets the junior exercises and the easiest (Mid) cases.
    expect(pages(practiceOrder(CATALOG, 'Junior', 'mlops'))).toEqual(['practice/cases/c1', 'practice/exercises/e1']);
  });

  it('spends 10% of the day on flashcards, between 10 and 30 minutes', () => {
    expect([0.5, 1, 2, 3, 4, 6, 12].map(cardMinutes)).toEqual([10, 10, 10, 20, 25, 30, 30]);
  });

  it('spaces mocks by level, back from two days before the interview, never in the first third', () => {
    expect(mockDays(7, 'Senior')).toEqual([5]);
    expect(mockDays(30, 'Staff')).toEqual([10, 13, 16, 19, 22, 25, 28]);
    expect(mockDays(30, 'Junior')).toEqual([14, 21, 28]);
    expect(mockDays(2, 'Mid')).toEqual([1]);
    expect(mockDays(1, 'Mid')).toEqual([0]);
  });
});

describe('the plan', () => {
  it('lays out a week day by day (worked by hand in the test comments)', () => {
    const plan = buildPlan(SETTINGS, CATALOG);
    const days = plan.days.map((d) => [d.date, ...pages(d.items)]);
    expect(days).toEqual([
      // 50 free minutes, 80% for reading: A and B (30 min); D (30) no longer fits the 40, C1 (40) not the 20 left.
      ['2026-12-01', 'practice/flashcards', 'start/a', 'lifecycle/b'],
      // 70% of 50 = 35: D; then E fills the time left.
      ['2026-12-02', 'practice/flashcards', 'serving/d', 'monitoring/e'],
      ['2026-12-03', 'practice/flashcards', 'llm/c'],
      ['2026-12-04', 'practice/flashcards', 'practice/cases/c1'],
      // E1 (60 min) is longer than the 50 free minutes; C2 (40) after it fits, so it jumps the queue.
      ['2026-12-05', 'practice/flashcards', 'practice/cases/c2'],
      ['2026-12-06', 'practice/flashcards', 'practice/mock-interview-mode'],
      // The day before the interview: flashcards only.
      ['2026-12-07', 'practice/flashcards'],
    ]);
    expect(pages(plan.unscheduled)).toEqual([
      'practice/exercises/e1',
      'practice/exercises/e3',
      'practice/exercises/e2',
    ]);
    expect(plan.days[0].items[0]).toEqual({
      key: 'cards:2026-12-01',
      kind: 'cards',
      page: 'practice/flashcards',
      title: 'Flashcards',
      minutes: 10,
    });
    expect(plan.days[5].items[1].key).toBe('mock:2026-12-06');
    expect(daySummary(plan.days[0])).toBe('2 chapters, flashcards (40 min)');
    expect(daySummary(plan.days[5])).toBe('1 mock, flashcards (1 h 10 min)');
  });

  it('gives an item longer than a free day a day of its own rather than never scheduling it', () => {
    const onlyExercise = { chapters: [], cases: [], exercises: [CATALOG.exercises[0]] };
    const plan = buildPlan(SETTINGS, onlyExercise);
    expect(pages(plan.days[0].items)).toEqual(['practice/flashcards', 'practice/exercises/e1']);
    expect(plan.unscheduled).toEqual([]);
  });

  it('leaves out what the reader has read or done', () => {
    const plan = buildPlan(
      SETTINGS,
      CATALOG,
      new Set(['chapter:start/a', 'chapter:lifecycle/b', 'case:practice/cases/c1']),
    );
    expect(pages(plan.days[0].items)).toEqual(['practice/flashcards', 'serving/d', 'monitoring/e']);
    expect(plan.days.flatMap((d) => pages(d.items))).not.toContain('practice/cases/c1');
  });

  it('fits everything when there is time, and never exceeds the day unless one item is longer than it', () => {
    const plan = buildPlan({ ...SETTINGS, interview: '2026-12-31', hoursPerDay: 3 }, CATALOG);
    expect(plan.unscheduled).toEqual([]);
    for (const day of plan.days) {
      const minutes = day.items.reduce((sum, i) => sum + i.minutes, 0);
      expect(minutes).toBeLessThanOrEqual(180);
    }
  });

  it('shows progress against the plan and re-plans from today after missed days', () => {
    const plan = buildPlan(SETTINGS, CATALOG);
    const done = new Set(['cards:2026-12-01', 'chapter:start/a', 'chapter:lifecycle/b']);
    const progress = planProgress(plan, (i) => done.has(i.key), '2026-12-03');
    // Day 1 is all done; day 2 (flashcards, D, E) was missed.
    expect(progress).toEqual({ done: 3, total: 15, behind: 3, missedDays: ['2026-12-02'] });

    const next = replan(plan, CATALOG, done, '2026-12-03');
    expect(next.settings).toEqual({ ...SETTINGS, start: '2026-12-03' });
    expect(next.days.map((d) => d.date)).toEqual([
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    // The missed chapters come first again; nothing done comes back.
    expect(pages(next.days[0].items)).toEqual(['practice/flashcards', 'serving/d', 'monitoring/e']);
    expect(next.days.flatMap((d) => d.items.map((i) => i.key))).not.toContain('chapter:start/a');
  });

  it('formats durations', () => {
    expect([0, 45, 60, 90, 130.4].map(formatMinutes)).toEqual(['0 min', '45 min', '1 h', '1 h 30 min', '2 h 10 min']);
  });
});
