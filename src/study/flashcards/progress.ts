/**
 * Flashcard progress as saved text: the localStorage value `mlguide:flashcards` and the file behind
 * "Export". Both have the same shape (version 2):
 *
 *   { "format": "mlguide-flashcards", "version": 2, "savedAt": "<ISO date>",
 *     "cards": { "<card id>": StoredCard }, "retired": { "<old card id>": StoredCard } }
 *
 * `cards` holds the schedule of every card the reader has graded: the deck's cards and the cards made
 * from missed rubric items ("<page>#<item>", see src/study/rubric/card-id.ts). `retired` keeps the
 * history of cards the deck no longer has, as content/data/flashcard-renames.json says ({ old: null });
 * it is never scheduled and never deleted, so a card brought back can take its history again.
 * Version 1 had no `retired`; it is migrated on reading.
 *
 * Renames ({ old: "new id" }) are applied on every reading, saved or imported: the old id's history
 * moves to the new id (when both have one, the more recent review stays in `cards` and the other is
 * retired under the old id), so a reader's schedule survives a rewrite of the deck.
 *
 * Parsing an import validates everything before anything is returned, so a caller can write the result
 * without ever half-applying a bad file. Pure: no DOM, no storage.
 */
import { State } from 'ts-fsrs';
import { isRecord, type StoredFormat } from '../../client/store.ts';
import { isRubricCardId } from '../rubric/card-id.ts';
import type { Progress, StoredCard } from './schedule.ts';
import RENAMES_JSON from '../../../content/data/flashcard-renames.json';

export const STORAGE_KEY = 'mlguide:flashcards';
export const FORMAT = 'mlguide-flashcards';
export const VERSION = 2;
/** An export of all cards is about 100 kB; anything far larger is not ours. */
export const MAX_FILE_CHARS = 2_000_000;

/** Everything saved about flashcards: the schedules in use, and the history of retired cards. */
export interface SavedProgress {
  cards: Progress;
  retired: Progress;
}

/** Old card id -> its new id, or null when the card was retired. */
export type Renames = Readonly<Record<string, string | null>>;

export const RENAMES: Renames = Object.fromEntries(
  Object.entries(RENAMES_JSON as Record<string, unknown>).filter(
    (entry): entry is [string, string | null] => entry[1] === null || typeof entry[1] === 'string',
  ),
);

export const emptySaved = (): SavedProgress => ({ cards: {}, retired: {} });

export type ParseResult = { ok: true; saved: SavedProgress; unknownIds: string[] } | { ok: false; message: string };

export interface ParseOptions {
  /** Card ids the deck has. */
  knownIds: ReadonlySet<string>;
  /**
   * Imports reject a file that names cards the deck does not have (it is from another deck or was
   * edited); cards made from rubric items and renamed or retired cards are not unknown. Saved
   * progress keeps such entries untouched instead, so a card removed and later restored keeps its
   * history.
   */
  rejectUnknown: boolean;
  /** Defaults to content/data/flashcard-renames.json. */
  renames?: Renames;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const NUMBER_FIELDS = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days'] as const;
const COUNT_FIELDS = ['learning_steps', 'reps', 'lapses'] as const;
const STATES: readonly number[] = [State.New, State.Learning, State.Review, State.Relearning];

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && Number.isFinite(Date.parse(value));
}

/** Why `value` is not a valid StoredCard, or null when it is. */
function cardProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'it is not an object';
  if (!isIsoDate(value.due)) return '"due" is not a date';
  for (const field of NUMBER_FIELDS) {
    const n = value[field];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return `"${field}" is not a number of 0 or more`;
  }
  for (const field of COUNT_FIELDS) {
    const n = value[field];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return `"${field}" is not a whole number of 0 or more`;
  }
  if (typeof value.state !== 'number' || !STATES.includes(value.state)) return '"state" is not 0, 1, 2 or 3';
  if (value.last_review !== null && !isIsoDate(value.last_review)) return '"last_review" is neither a date nor null';
  return null;
}

function pickCard(value: Record<string, unknown>): StoredCard {
  return {
    due: value.due as string,
    stability: value.stability as number,
    difficulty: value.difficulty as number,
    elapsed_days: value.elapsed_days as number,
    scheduled_days: value.scheduled_days as number,
    learning_steps: value.learning_steps as number,
    reps: value.reps as number,
    lapses: value.lapses as number,
    state: value.state as State,
    last_review: value.last_review as string | null,
  };
}

function quoteList(ids: string[]): string {
  const shown = ids.slice(0, 3).map((id) => `"${id}"`);
  return ids.length > 3 ? `${shown.join(', ')} and ${ids.length - 3} more` : shown.join(', ');
}

/** migrate[v] turns a version-v document into a version v + 1 one. */
const MIGRATE: Readonly<Record<number, (document: Record<string, unknown>) => Record<string, unknown>>> = {
  1: (document) => ({ ...document, version: 2, retired: {} }),
};

/**
 * Applies `renames` to saved progress: a renamed card's history moves to its new id, a retired card's
 * history moves to `retired`. Nothing is dropped: where two histories meet, the more recent review
 * wins the place and the other is kept in `retired` under the old id. Returns a new value.
 */
export function applyRenames(saved: SavedProgress, renames: Renames = RENAMES): SavedProgress {
  const cards = new Map(Object.entries(saved.cards));
  const retired = new Map(Object.entries(saved.retired));
  const retire = (id: string, card: StoredCard) => {
    const kept = retired.get(id);
    retired.set(id, kept && !isNewer(card, kept) ? kept : card);
  };
  for (const [old, next] of Object.entries(renames)) {
    const card = cards.get(old);
    if (!card) continue;
    cards.delete(old);
    if (next === null) {
      retire(old, card);
      continue;
    }
    const there = cards.get(next);
    if (there && isNewer(there, card)) retire(old, card);
    else {
      if (there) retire(old, there);
      cards.set(next, card);
    }
  }
  // fromEntries defines own properties, so even an id like "__proto__" stays plain data.
  return { cards: Object.fromEntries(cards), retired: Object.fromEntries(retired) };
}

/** The version of a document as a message when this page cannot read it, or null when it can. */
function versionProblem(version: unknown): string | null {
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1 && version <= VERSION) return null;
  return `This progress file has format version ${JSON.stringify(version)}; this page reads versions 1 to ${VERSION}.`;
}

/** Validates already-parsed JSON data as flashcard progress of any version this page reads. */
export function validateProgress(data: unknown, { knownIds, rejectUnknown, renames }: ParseOptions): ParseResult {
  if (!isRecord(data) || data.format !== FORMAT || !('version' in data)) {
    return { ok: false, message: 'This is not a flashcard progress file from this guide.' };
  }
  const problem = versionProblem(data.version);
  if (problem) return { ok: false, message: problem };
  let document = data;
  for (let version = data.version as number; version < VERSION; version++) document = MIGRATE[version](document);
  if (!isRecord(document.cards)) return { ok: false, message: 'This progress file has no "cards" object.' };
  if (!isRecord(document.retired)) return { ok: false, message: 'This progress file has no "retired" object.' };
  const parts: Record<keyof SavedProgress, [string, StoredCard][]> = { cards: [], retired: [] };
  for (const part of ['cards', 'retired'] as const) {
    for (const [id, value] of Object.entries(document[part] as Record<string, unknown>)) {
      const damage = cardProblem(value);
      if (damage) return { ok: false, message: `The progress for card "${id}" is damaged: ${damage}.` };
      parts[part].push([id, pickCard(value as Record<string, unknown>)]);
    }
  }
  const saved = applyRenames(
    { cards: Object.fromEntries(parts.cards), retired: Object.fromEntries(parts.retired) },
    renames,
  );
  const unknownIds = Object.keys(saved.cards).filter((id) => !knownIds.has(id) && !isRubricCardId(id));
  if (rejectUnknown && unknownIds.length > 0) {
    const noun = unknownIds.length === 1 ? 'a card' : `${unknownIds.length} cards`;
    return {
      ok: false,
      message: `This file has progress for ${noun} this deck does not have (${quoteList(unknownIds)}); it may come from another deck or version of the guide.`,
    };
  }
  return { ok: true, saved, unknownIds };
}

/** Parses saved or imported text. Never throws. */
export function parseProgress(text: string, options: ParseOptions): ParseResult {
  if (text.length > MAX_FILE_CHARS)
    return { ok: false, message: 'This file is far too large to be flashcard progress.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not valid JSON, so it cannot be flashcard progress.' };
  }
  return validateProgress(data, options);
}

/** Reads one map of cards entry by entry: a damaged card skips only itself. */
function readCards(value: unknown, part: string, skipped: string[]): Progress {
  if (!isRecord(value)) {
    if (value !== undefined) skipped.push(`the ${part} cards`);
    return {};
  }
  const kept: [string, StoredCard][] = [];
  for (const [id, card] of Object.entries(value)) {
    const problem = cardProblem(card);
    if (problem) skipped.push(`card ${JSON.stringify(id.slice(0, 60))}: ${problem}`);
    else kept.push([id, pickCard(card as Record<string, unknown>)]);
  }
  return Object.fromEntries(kept);
}

/**
 * The stored format of flashcard progress (the same document as an export). A damaged card skips
 * only itself; cards the deck no longer has are kept, so a card removed and later restored keeps
 * its history; renames are applied (see the module comment).
 */
export const FLASHCARDS_FORMAT: StoredFormat<SavedProgress> = {
  key: STORAGE_KEY,
  noun: 'flashcard progress',
  version: VERSION,
  empty: emptySaved,
  read(document) {
    if (document.format !== FORMAT || !isRecord(document.cards)) return null;
    const skipped: string[] = [];
    const cards = readCards(document.cards, 'scheduled', skipped);
    const retired = readCards(document.retired, 'retired', skipped);
    return { value: applyRenames({ cards, retired }), skipped };
  },
  write: (saved) => JSON.parse(serializeProgress(saved, new Date())) as Record<string, unknown>,
  migrate: MIGRATE,
};

export function serializeProgress(saved: SavedProgress, now: Date): string {
  return JSON.stringify({
    format: FORMAT,
    version: VERSION,
    savedAt: now.toISOString(),
    cards: saved.cards,
    retired: saved.retired,
  });
}

/**
 * Progress after importing `incoming` into `current`: cards only in one side are kept; for a card in
 * both, the more recently reviewed state wins (more reviews breaks a tie), so importing an older
 * backup never rolls back newer study. Retired histories merge the same way.
 */
export function mergeProgress(current: SavedProgress, incoming: SavedProgress): SavedProgress {
  return { cards: mergeCards(current.cards, incoming.cards), retired: mergeCards(current.retired, incoming.retired) };
}

function mergeCards(current: Progress, incoming: Progress): Progress {
  const merged = new Map(Object.entries(current));
  for (const [id, card] of Object.entries(incoming)) {
    const mine = merged.get(id);
    if (!mine || isNewer(card, mine)) merged.set(id, card);
  }
  return Object.fromEntries(merged);
}

/** True when card state `a` is the more recent study of a card than `b` (later review, then more reviews). */
export function isNewer(a: StoredCard, b: StoredCard): boolean {
  const ta = a.last_review ? Date.parse(a.last_review) : -Infinity;
  const tb = b.last_review ? Date.parse(b.last_review) : -Infinity;
  return ta !== tb ? ta > tb : a.reps > b.reps;
}
