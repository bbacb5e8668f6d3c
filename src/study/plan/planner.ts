/**
 * The study planner: from the interview date, the hours a day, the target level and the focus, a
 * day-by-day plan of chapters, worked cases, design exercises, mocks and daily flashcard minutes.
 * The content lists (with reading times from word counts) come from the collections at build time
 * (catalog.ts); what the reader has already read or done is left out. Pure: no DOM, no clock (every
 * function takes the day it plans from).
 *
 * The shape of a plan, in order of the days:
 * - every day starts with flashcards (10% of the day, 10 to 30 minutes);
 * - reading leads early and practice takes over: the share of a day for chapters falls from 80% on
 *   the first day to 20% on the last;
 * - mocks come every 3 to 7 days (more often for a higher level), counted back from two days before
 *   the interview and never in the first third, when there is little to practise on;
 * - the day before the interview holds only flashcards, so the reader arrives rested;
 * - what does not fit is listed as "if time allows", never silently dropped.
 */
import { addDays, daysBetween, isDay } from './dates.ts';

export const PLAN_LEVELS = ['Junior', 'Mid', 'Senior', 'Staff'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

export const FOCUSES = { classical: 'Classical ML', genai: 'GenAI', mlops: 'MLOps' } as const;
export type Focus = keyof typeof FOCUSES;

export interface PlanSettings {
  /** The first day of the plan ("YYYY-MM-DD"), normally today. */
  start: string;
  /** The interview day; the plan ends the day before it. */
  interview: string;
  hoursPerDay: number;
  level: PlanLevel;
  focus: Focus;
}

export interface CatalogChapter {
  /** Page id, e.g. "lifecycle/evaluation". */
  id: string;
  title: string;
  section: string;
  minutes: number;
}
export interface CatalogCase {
  id: string;
  title: string;
  number: number;
  track: 'classical' | 'genai';
  level: 'Mid' | 'Senior' | 'Staff';
  minutes: number;
}
export interface CatalogExercise {
  id: string;
  title: string;
  number: number;
  level: 'Junior' | 'Mid' | 'Senior';
  genai: boolean;
  minutes: number;
}
/** What there is to study, in sidebar order. */
export interface Catalog {
  chapters: readonly CatalogChapter[];
  cases: readonly CatalogCase[];
  exercises: readonly CatalogExercise[];
}

export const ITEM_KINDS = ['chapter', 'case', 'exercise', 'mock', 'cards'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface PlanItem {
  /** Names the item for "done" marks: "chapter:<page id>", or "mock:<day>" for the daily kinds. */
  key: string;
  kind: ItemKind;
  /** The page the item is studied on. */
  page: string;
  title: string;
  minutes: number;
}

export interface PlanDay {
  date: string;
  items: PlanItem[];
}

export interface Plan {
  settings: PlanSettings;
  days: PlanDay[];
  /** Chapters and practice that do not fit before the interview, in the order they would come. */
  unscheduled: PlanItem[];
}

export const MOCK_PAGE = 'practice/mock-interview-mode';
export const CARDS_PAGE = 'practice/flashcards';
export const MOCK_MINUTES = 60; // the 45-minute mock and a 15-minute debrief
export const MAX_PLAN_DAYS = 365;
export const MIN_HOURS = 0.5;
export const MAX_HOURS = 12;

/** Days between mocks: a Staff loop is mostly design rounds, a Junior one mostly fundamentals. */
const MOCK_EVERY: Record<PlanLevel, number> = { Junior: 7, Mid: 5, Senior: 4, Staff: 3 };

/** Sections in the order each focus reads them; sections not listed (practice, reference) are not reading. */
const SECTION_ORDER: Record<Focus, readonly string[]> = {
  classical: ['start', 'lifecycle', 'serving', 'monitoring', 'fairness', 'mlops', 'deep-dives', 'llm'],
  genai: ['start', 'llm', 'lifecycle', 'serving', 'deep-dives', 'monitoring', 'fairness', 'mlops'],
  mlops: ['start', 'mlops', 'lifecycle', 'serving', 'monitoring', 'llm', 'fairness', 'deep-dives'],
};

const LEVEL_RANK: Record<PlanLevel, number> = { Junior: 0, Mid: 1, Senior: 2, Staff: 3 };

const isLevel = (value: unknown): value is PlanLevel => PLAN_LEVELS.includes(value as PlanLevel);
const isFocus = (value: unknown): value is Focus => typeof value === 'string' && Object.hasOwn(FOCUSES, value);

/**
 * Why the settings cannot make a plan, as a sentence for the reader, or null when they can.
 * `today` is the reader's day: an interview today or earlier has no days left to plan.
 */
export function settingsProblem(settings: Partial<PlanSettings>, today: string): string | null {
  const { start, interview, hoursPerDay, level, focus } = settings;
  if (!isDay(interview)) return 'Enter the date of your interview.';
  if (!isDay(start)) return 'The plan needs a start day.';
  if (daysBetween(today, interview) < 1) return 'The interview date must be after today.';
  if (daysBetween(start, interview) < 1) return 'The interview date must be after the first day of the plan.';
  if (daysBetween(start, interview) > MAX_PLAN_DAYS)
    return `Plans reach at most ${MAX_PLAN_DAYS} days ahead; pick an interview date within a year.`;
  if (typeof hoursPerDay !== 'number' || !Number.isFinite(hoursPerDay))
    return 'Enter the hours a day you can study, such as 1.5.';
  if (hoursPerDay < MIN_HOURS || hoursPerDay > MAX_HOURS)
    return `Hours a day must be between ${MIN_HOURS} and ${MAX_HOURS}.`;
  if (!isLevel(level)) return 'Pick a target level.';
  if (!isFocus(focus)) return 'Pick a focus.';
  return null;
}

/** Daily flashcard minutes: 10% of the day in steps of 5, at least 10 and at most 30. */
export function cardMinutes(hoursPerDay: number): number {
  return Math.min(30, Math.max(10, Math.round((hoursPerDay * 60 * 0.1) / 5) * 5));
}

/** The reading list for a focus: sections in the focus's order, sidebar order within each. */
export function readingOrder(chapters: readonly CatalogChapter[], focus: Focus): CatalogChapter[] {
  const order = SECTION_ORDER[focus];
  return chapters
    .filter((c) => order.includes(c.section))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order.indexOf(a.c.section) - order.indexOf(b.c.section) || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * The practice list: worked cases and design exercises up to the target level, alternating (a case
 * first), each list with the focus's track first. A Junior reads the Mid cases, the easiest there are.
 */
export function practiceOrder(catalog: Catalog, level: PlanLevel, focus: Focus): PlanItem[] {
  const rank = LEVEL_RANK[level];
  const byNumber = <T extends { number: number }>(a: T, b: T) => a.number - b.number;
  const trackFirst = (genai: boolean) => (focus === 'mlops' ? 0 : (focus === 'genai') === genai ? 0 : 1);
  const cases = catalog.cases
    .filter((c) => LEVEL_RANK[c.level] <= Math.max(rank, LEVEL_RANK.Mid))
    .sort((a, b) => trackFirst(a.track === 'genai') - trackFirst(b.track === 'genai') || byNumber(a, b))
    .map((c) => item('case', c.id, c.title, c.minutes));
  const exercises = catalog.exercises
    .filter((e) => LEVEL_RANK[e.level] <= rank)
    .sort((a, b) => trackFirst(a.genai) - trackFirst(b.genai) || byNumber(a, b))
    .map((e) => item('exercise', e.id, e.title, e.minutes));
  const mixed: PlanItem[] = [];
  for (let i = 0; i < Math.max(cases.length, exercises.length); i++) {
    if (cases[i]) mixed.push(cases[i]);
    if (exercises[i]) mixed.push(exercises[i]);
  }
  return mixed;
}

function item(kind: ItemKind, page: string, title: string, minutes: number, day?: string): PlanItem {
  return { key: day ? `${kind}:${day}` : `${kind}:${page}`, kind, page, title, minutes };
}

/** Day indexes (0 = the first day) that hold a mock, for a plan of `days` days. */
export function mockDays(days: number, level: PlanLevel): number[] {
  if (days <= 2) return [days - 1];
  const out: number[] = [];
  for (let d = days - 2; d >= Math.floor(days / 3); d -= MOCK_EVERY[level]) out.push(d);
  return out.reverse();
}

/**
 * Builds the plan. `skip` holds item keys to leave out: chapters already read and practice already
 * done. Throws on settings that settingsProblem() rejects (the page checks them first).
 */
export function buildPlan(settings: PlanSettings, catalog: Catalog, skip: ReadonlySet<string> = new Set()): Plan {
  const problem = settingsProblem(settings, settings.start);
  if (problem) throw new Error(problem);
  const dayCount = daysBetween(settings.start, settings.interview);
  const reading = readingOrder(catalog.chapters, settings.focus)
    .map((c) => item('chapter', c.id, c.title, c.minutes))
    .filter((i) => !skip.has(i.key));
  const practice = practiceOrder(catalog, settings.level, settings.focus).filter((i) => !skip.has(i.key));
  const mocks = new Set(mockDays(dayCount, settings.level));
  const daily = Math.round(settings.hoursPerDay * 60);
  const cards = cardMinutes(settings.hoursPerDay);
  const restDay = dayCount >= 3 ? dayCount - 1 : -1;

  const days: PlanDay[] = [];
  for (let d = 0; d < dayCount; d++) {
    const date = addDays(settings.start, d);
    const items = [item('cards', CARDS_PAGE, 'Flashcards', cards, date)];
    if (mocks.has(d)) items.push(item('mock', MOCK_PAGE, 'Timed mock interview', MOCK_MINUTES, date));
    if (d !== restDay) {
      const free = Math.max(0, daily - items.reduce((sum, i) => sum + i.minutes, 0));
      const readingShare = dayCount === 1 ? 0.5 : 0.8 - (0.6 * d) / (dayCount - 1);
      items.push(...fillDay(reading, practice, free, readingShare, !mocks.has(d)));
    }
    days.push({ date, items });
  }
  return { settings: { ...settings }, days, unscheduled: [...reading, ...practice] };
}

/**
 * Takes the day's chapters and practice off the front of the two queues (which it shortens):
 * chapters up to the reading share of `free` minutes, practice in the rest, then more chapters if
 * time is left (a shorter practice item may jump a longer one). When nothing fits, an item longer than the whole free time gets the day to itself
 * if `mayOverrun` (not on a mock day), so one long exercise never blocks the plan.
 */
function fillDay(
  reading: PlanItem[],
  practice: PlanItem[],
  free: number,
  readingShare: number,
  mayOverrun: boolean,
): PlanItem[] {
  const taken: PlanItem[] = [];
  let left = free;
  // Chapters keep their order (each builds on the last); practice items are independent, so a
  // shorter one later in the list may fill time a longer one cannot.
  const take = (queue: PlanItem[], budget: number, inOrder: boolean) => {
    let used = 0;
    for (let i = 0; i < queue.length;) {
      if (queue[i].minutes <= Math.min(budget - used, left)) {
        used += queue[i].minutes;
        left -= queue[i].minutes;
        taken.push(...queue.splice(i, 1));
      } else if (inOrder) break;
      else i += 1;
    }
  };
  take(reading, practice.length > 0 ? free * readingShare : free, true);
  take(practice, left, false);
  take(reading, left, true);
  const queue = reading.length > 0 ? reading : practice;
  if (taken.length === 0 && mayOverrun && queue.length > 0) taken.push(queue.shift()!);
  return taken;
}

/** Everything a plan asks for, in day order, then what did not fit. */
export const planItems = (plan: Plan): PlanItem[] => plan.days.flatMap((d) => d.items);

export interface PlanProgress {
  done: number;
  total: number;
  /** Items of days before today that are not done. */
  behind: number;
  /** Days before today with an item not done. */
  missedDays: string[];
}

/** How far the reader is along the plan on `today`; `isDone` says whether an item is done. */
export function planProgress(plan: Plan, isDone: (item: PlanItem) => boolean, today: string): PlanProgress {
  let done = 0;
  let total = 0;
  let behind = 0;
  const missedDays: string[] = [];
  for (const day of plan.days) {
    const past = daysBetween(day.date, today) > 0;
    let missed = false;
    for (const i of day.items) {
      total += 1;
      if (isDone(i)) done += 1;
      else if (past) {
        behind += 1;
        missed = true;
      }
    }
    if (missed) missedDays.push(day.date);
  }
  return { done, total, behind, missedDays };
}

/**
 * A new plan from `today` with the same goal, leaving out what is done (`skip`, as for buildPlan),
 * for a reader who missed days. The interview date, hours, level and focus stay.
 */
export function replan(plan: Plan, catalog: Catalog, skip: ReadonlySet<string>, today: string): Plan {
  return buildPlan({ ...plan.settings, start: today }, catalog, skip);
}

/** "1 h 30 min", "45 min", "2 h". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

/** A one-line summary of a day: "2 chapters, 1 case, 1 mock, flashcards (2 h 10 min)". */
export function daySummary(day: PlanDay): string {
  const nouns: Record<ItemKind, [string, string]> = {
    chapter: ['chapter', 'chapters'],
    case: ['worked case', 'worked cases'],
    exercise: ['exercise', 'exercises'],
    mock: ['mock', 'mocks'],
    cards: ['flashcards', 'flashcards'],
  };
  const parts = ITEM_KINDS.map((kind) => {
    const n = day.items.filter((i) => i.kind === kind).length;
    if (n === 0) return null;
    return kind === 'cards' ? 'flashcards' : `${n} ${nouns[kind][n === 1 ? 0 : 1]}`;
  }).filter((p): p is string => p !== null);
  const minutes = day.items.reduce((sum, i) => sum + i.minutes, 0);
  return `${parts.join(', ')} (${formatMinutes(minutes)})`;
}
