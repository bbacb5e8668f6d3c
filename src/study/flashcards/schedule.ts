/**
 * Flashcard scheduling with FSRS (Free Spaced Repetition Scheduler), through ts-fsrs. Pure: no DOM, no
 * storage, no clock; every function takes `now`, so the same inputs always give the same schedule and
 * the tests can fix the time.
 *
 * Progress is a map from card id to the FSRS memory state of that card, stored with ISO dates so it
 * survives JSON (localStorage, export files). A card with no entry has never been studied ("new").
 *
 * Reference: J. Ye, "The Algorithm" (FSRS wiki), https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';

/** One card's scheduling state, as stored. Field names follow ts-fsrs's Card. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: State;
  last_review: string | null;
}

/** Card id -> scheduling state, for every card the reader has graded at least once. */
export type Progress = Record<string, StoredCard>;

/** The four answers, in keyboard order: key "1" is Again ... key "4" is Easy. */
export const GRADES: readonly { key: string; label: string; rating: Grade; hint: string }[] = [
  { key: '1', label: 'Again', rating: Rating.Again, hint: 'I did not recall it' },
  { key: '2', label: 'Hard', rating: Rating.Hard, hint: 'I recalled it with effort' },
  { key: '3', label: 'Good', rating: Rating.Good, hint: 'I recalled it' },
  { key: '4', label: 'Easy', rating: Rating.Easy, hint: 'I recalled it at once' },
];

// ts-fsrs defaults: 90% target recall, learning steps of 1 and 10 minutes, no random fuzz.
const scheduler = fsrs();

export function toCard(stored: StoredCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    last_review: stored.last_review === null ? undefined : new Date(stored.last_review),
  };
}

export function fromCard(card: Card): StoredCard {
  const { due, last_review, ...memory } = card;
  return { ...memory, due: due.toISOString(), last_review: last_review ? last_review.toISOString() : null };
}

/** What to study now among `ids` (deck order), given the progress. */
export interface Queue {
  /** Studied cards whose due time has come, most overdue first. */
  due: string[];
  /** Cards never studied, in deck order. */
  fresh: string[];
  /** Studied cards due after `now`. */
  later: string[];
  /** When the earliest of `later` falls due, or null when there is none. */
  nextDue: Date | null;
}

export function buildQueue(ids: readonly string[], progress: Progress, now: Date): Queue {
  const due: { id: string; at: number }[] = [];
  const fresh: string[] = [];
  const later: string[] = [];
  let nextDue: number | null = null;
  for (const id of ids) {
    const stored = Object.hasOwn(progress, id) ? progress[id] : undefined;
    if (!stored) {
      fresh.push(id);
      continue;
    }
    const at = Date.parse(stored.due);
    if (at <= now.getTime()) {
      due.push({ id, at });
    } else {
      later.push(id);
      nextDue = nextDue === null ? at : Math.min(nextDue, at);
    }
  }
  due.sort((a, b) => a.at - b.at);
  return { due: due.map((d) => d.id), fresh, later, nextDue: nextDue === null ? null : new Date(nextDue) };
}

/**
 * Progress where every card in `addedAt` without a schedule yet is a new card due from the time it was
 * added (epoch ms): how a card made from a missed rubric item is due at once, without being written to
 * the saved progress before its first review. The input is not changed.
 */
export function withAddedCardsDue(progress: Progress, addedAt: Readonly<Record<string, number>>): Progress {
  const extra = Object.entries(addedAt)
    .filter(([id]) => !Object.hasOwn(progress, id))
    .map(([id, at]) => [id, fromCard(createEmptyCard(new Date(at)))] as const);
  return extra.length === 0 ? progress : { ...progress, ...Object.fromEntries(extra) };
}

/** The card to show next: the most overdue card, else the first new card, else none. */
export function nextCardId(queue: Queue): string | null {
  return queue.due[0] ?? queue.fresh[0] ?? null;
}

function cardOf(progress: Progress, id: string, now: Date): Card {
  const stored = Object.hasOwn(progress, id) ? progress[id] : undefined;
  return stored ? toCard(stored) : createEmptyCard(now);
}

/** New progress after the reader grades card `id` at `now`; the input is not changed. */
export function gradeCard(progress: Progress, id: string, rating: Grade, now: Date): Progress {
  const { card } = scheduler.next(cardOf(progress, id, now), now, rating);
  return { ...progress, [id]: fromCard(card) };
}

/**
 * The chance (0 to 1) that the reader recalls a studied card at `now`: FSRS's forgetting curve
 * R(t) = (1 + F t / S)^C for the days t since the last review and the card's stability S (ts-fsrs's
 * get_retrievability; R is 0.9 when t = S).
 */
export function retrievability(stored: StoredCard, now: Date): number {
  return scheduler.get_retrievability(toCard(stored), now, false);
}

/** For each grade, how long (ms) until card `id` would be due again if graded so at `now`. */
export function previewIntervals(progress: Progress, id: string, now: Date): Record<Grade, number> {
  const preview = scheduler.repeat(cardOf(progress, id, now), now);
  const out = {} as Record<Grade, number>;
  for (const { rating } of GRADES) out[rating] = preview[rating].card.due.getTime() - now.getTime();
  return out;
}

/** A short English duration: "under a minute", "10 min", "3 h", "1 day", "4 days", "2 months", "1.5 years". */
export function formatInterval(ms: number): string {
  const minutes = ms / 60_000;
  if (!Number.isFinite(minutes) || minutes < 1) return 'under a minute';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)} h`;
  const days = Math.round(hours / 24);
  if (days < 31) return days === 1 ? '1 day' : `${days} days`;
  const months = Math.round(days / 30.4);
  if (months < 12) return months === 1 ? '1 month' : `${months} months`;
  const years = Math.round((days / 365) * 10) / 10;
  return years === 1 ? '1 year' : `${years} years`;
}
