/**
 * Every stored format of the study tools, in one list: the progress page counts from it, and the
 * backup exports, imports and offers the quarantine of every key in it. A new study feature that
 * saves anything adds its format here (with how an import merges into it), and backups carry it.
 */
import type { StoredFormat } from '../client/store.ts';
import { FLASHCARDS_FORMAT, isNewer, type SavedProgress } from './flashcards/progress.ts';
import type { StoredCard } from './flashcards/schedule.ts';
import { HISTORY_MAX, MOCK_FORMAT, type MockSession } from './mock/session.ts';
import { PLAN_FORMAT, type SavedPlan } from './plan/plan-state.ts';
import { READ_FORMAT, type ReadState } from './progress/read-state.ts';
import { MARKS_FORMAT, type Marks } from './questions/marks.ts';
import { hasProgress, INTERVIEWER_FORMAT, type InterviewerSheet } from './interviewer/state.ts';
import { mergeRubricStates, RUBRIC_FORMAT } from './rubric/gradings.ts';

/** An import merged into the reader's value, and what it did, counted in the store's `unit`. */
export interface Merged<T> {
  value: T;
  /** Entries the reader did not have. */
  added: number;
  /** Entries where the import was newer and replaced the reader's. */
  updated: number;
  /** Entries where the reader's differed and was kept (newer, or no way to tell). */
  kept: number;
}

export interface StudyStore<T> {
  format: StoredFormat<T>;
  /** What one entry is, singular and plural, for "3 pages added". */
  unit: readonly [string, string];
  /** Merges an imported value into the reader's; it never rolls newer progress back. */
  merge: (mine: T, incoming: T) => Merged<T>;
}

/** Keeps the type of each store's value while the list holds them all. */
const define = <T>(store: StudyStore<T>) => store as unknown as StudyStore<unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges two maps of entries: an entry in only one side is kept, and for an entry in both,
 * `pick(mine, theirs)` says which wins ("mine" when it cannot tell).
 */
export function mergeEntries<V>(
  mine: Record<string, V>,
  incoming: Record<string, V>,
  pick: (mine: V, theirs: V) => 'mine' | 'theirs',
): Merged<Record<string, V>> {
  const merged = new Map(Object.entries(mine));
  let added = 0;
  let updated = 0;
  let kept = 0;
  for (const [id, theirs] of Object.entries(incoming)) {
    const ours = merged.get(id);
    if (ours === undefined) {
      merged.set(id, theirs);
      added += 1;
    } else if (!same(ours, theirs)) {
      if (pick(ours, theirs) === 'theirs') {
        merged.set(id, theirs);
        updated += 1;
      } else kept += 1;
    }
  }
  // fromEntries defines own properties, so even an id like "__proto__" stays plain data.
  return { value: Object.fromEntries(merged), added, updated, kept };
}

/** Reading progress: a page read in either is read; the first time it was marked is kept. */
export function mergeReadState(mine: ReadState, incoming: ReadState): Merged<ReadState> {
  const m = mergeEntries(mine.pages, incoming.pages, (a, b) => (b < a ? 'theirs' : 'mine'));
  // An earlier time for a page read in both is no news to the reader.
  return { ...m, value: { version: 1, pages: m.value }, kept: 0, updated: 0 };
}

/** Question marks carry no time, so where both have a different mark the reader's stays. */
export function mergeMarks(mine: Marks, incoming: Marks): Merged<Marks> {
  return mergeEntries(mine, incoming, () => 'mine');
}

/**
 * Flashcards: the more recently reviewed card wins, as in the deck's own import; retired cards'
 * history is merged the same way, so it is never lost either.
 */
export function mergeFlashcards(mine: SavedProgress, incoming: SavedProgress): Merged<SavedProgress> {
  const newer = (a: StoredCard, b: StoredCard) => (isNewer(b, a) ? 'theirs' : 'mine');
  const cards = mergeEntries(mine.cards, incoming.cards, newer);
  const retired = mergeEntries(mine.retired, incoming.retired, newer);
  return {
    value: { cards: cards.value, retired: retired.value },
    added: cards.added + retired.added,
    updated: cards.updated + retired.updated,
    kept: cards.kept + retired.kept,
  };
}

const started = (s: MockSession) =>
  s.startedAt !== null || s.elapsedBefore > 0 || s.finished || s.notes !== '' || Object.keys(s.scores).length > 0;

/**
 * The mock session carries no time either: an import fills a session the reader has not started, and
 * only that. Earlier mocks are joined by run: one already here stays as it is.
 */
export function mergeMock(mine: MockSession, incoming: MockSession): Merged<MockSession> {
  const known = new Set(mine.history.map((r) => r.runId));
  const joined = incoming.history.filter((r) => !known.has(r.runId));
  const history = [...mine.history, ...joined].slice(-HISTORY_MAX);
  const withHistory = (session: MockSession) => ({ ...session, history });
  if (same({ ...mine, history: [] }, { ...incoming, history: [] }))
    return { value: withHistory(mine), added: joined.length, updated: 0, kept: 0 };
  if (!started(mine)) return { value: withHistory(incoming), added: 1 + joined.length, updated: 0, kept: 0 };
  return { value: withHistory(mine), added: joined.length, updated: 0, kept: 1 };
}

/** The study plan: the more recently made plan wins; done marks are joined, keeping the first time. */
export function mergePlan(mine: SavedPlan, incoming: SavedPlan): Merged<SavedPlan> {
  const done = mergeEntries(mine.done, incoming.done, (a, b) => (b < a ? 'theirs' : 'mine'));
  const plan =
    incoming.plan === null || same(mine.plan, incoming.plan)
      ? { added: 0, updated: 0, kept: 0 }
      : mine.plan === null
        ? { added: 1, updated: 0, kept: 0 }
        : incoming.updatedAt > mine.updatedAt
          ? { added: 0, updated: 1, kept: 0 }
          : { added: 0, updated: 0, kept: 1 };
  const takeTheirs = plan.added + plan.updated > 0;
  return {
    value: {
      version: 1,
      updatedAt: takeTheirs ? incoming.updatedAt : mine.updatedAt,
      plan: takeTheirs ? incoming.plan : mine.plan,
      done: done.value,
    },
    added: plan.added + done.added,
    updated: plan.updated,
    kept: plan.kept,
  };
}

/** The interviewer sheet is a peer's scratch sheet for one interview: an import fills an empty one, and only that. */
export function mergeInterviewerSheet(mine: InterviewerSheet, incoming: InterviewerSheet): Merged<InterviewerSheet> {
  if (same(mine, incoming)) return { value: mine, added: 0, updated: 0, kept: 0 };
  if (!hasProgress(mine)) return { value: incoming, added: 1, updated: 0, kept: 0 };
  return { value: mine, added: 0, updated: 0, kept: 1 };
}

/** Every study store, in the order the progress page and the import report list them. */
export const STUDY_STORES: readonly StudyStore<unknown>[] = [
  define({ format: READ_FORMAT, unit: ['page', 'pages'], merge: mergeReadState }),
  define({ format: FLASHCARDS_FORMAT, unit: ['card', 'cards'], merge: mergeFlashcards }),
  define({ format: MARKS_FORMAT, unit: ['question mark', 'question marks'], merge: mergeMarks }),
  define({ format: MOCK_FORMAT, unit: ['mock session', 'mock sessions'], merge: mergeMock }),
  define({ format: PLAN_FORMAT, unit: ['plan entry', 'plan entries'], merge: mergePlan }),
  define({
    format: RUBRIC_FORMAT,
    unit: ['rubric grading or card', 'rubric gradings and cards'],
    merge: mergeRubricStates,
  }),
  define({
    format: INTERVIEWER_FORMAT,
    unit: ['interviewer sheet', 'interviewer sheets'],
    merge: mergeInterviewerSheet,
  }),
];
