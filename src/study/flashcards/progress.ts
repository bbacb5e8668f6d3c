/**
 * Flashcard progress as saved text: the localStorage value `mlguide:flashcards` and the file behind
 * "Export". Both have the same shape:
 *
 *   { "format": "mlguide-flashcards", "version": 1, "savedAt": "<ISO date>", "cards": { "<card id>": StoredCard } }
 *
 * Parsing validates everything before anything is returned, so a caller can write the result without
 * ever half-applying a bad file. Pure: no DOM, no storage.
 */
import { State } from 'ts-fsrs';
import type { StoredFormat } from '../../client/store.ts';
import type { Progress, StoredCard } from './schedule.ts';

export const STORAGE_KEY = 'mlguide:flashcards';
export const FORMAT = 'mlguide-flashcards';
export const VERSION = 1;
/** An export of all 165 cards is about 50 kB; anything far larger is not ours. */
export const MAX_FILE_CHARS = 2_000_000;

export type ParseResult = { ok: true; progress: Progress; unknownIds: string[] } | { ok: false; message: string };

export interface ParseOptions {
  /** Card ids the deck has. */
  knownIds: ReadonlySet<string>;
  /**
   * Imports reject a file that names cards the deck does not have (it is from another deck or was
   * edited). Saved progress keeps such entries untouched instead, so a card removed from the deck
   * and later restored keeps its history.
   */
  rejectUnknown: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const NUMBER_FIELDS = ['stability', 'difficulty', 'elapsed_days', 'scheduled_days'] as const;
const COUNT_FIELDS = ['learning_steps', 'reps', 'lapses'] as const;
const STATES: readonly number[] = [State.New, State.Learning, State.Review, State.Relearning];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

/** Validates already-parsed JSON data as flashcard progress. */
export function validateProgress(data: unknown, { knownIds, rejectUnknown }: ParseOptions): ParseResult {
  if (!isRecord(data) || data.format !== FORMAT || !('version' in data)) {
    return { ok: false, message: 'This is not a flashcard progress file from this guide.' };
  }
  if (data.version !== VERSION) {
    return {
      ok: false,
      message: `This progress file has format version ${JSON.stringify(data.version)}; this page reads version ${VERSION}.`,
    };
  }
  if (!isRecord(data.cards)) return { ok: false, message: 'This progress file has no "cards" object.' };
  const entries: [string, StoredCard][] = [];
  const unknownIds: string[] = [];
  for (const [id, value] of Object.entries(data.cards)) {
    const problem = cardProblem(value);
    if (problem) return { ok: false, message: `The progress for card "${id}" is damaged: ${problem}.` };
    if (!knownIds.has(id)) unknownIds.push(id);
    entries.push([id, pickCard(value as Record<string, unknown>)]);
  }
  if (rejectUnknown && unknownIds.length > 0) {
    const noun = unknownIds.length === 1 ? 'a card' : `${unknownIds.length} cards`;
    return {
      ok: false,
      message: `This file has progress for ${noun} this deck does not have (${quoteList(unknownIds)}); it may come from another deck or version of the guide.`,
    };
  }
  // fromEntries defines own properties, so even an id like "__proto__" stays plain data.
  return { ok: true, progress: Object.fromEntries(entries), unknownIds };
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

/**
 * The stored format of flashcard progress (the same document as an export). A damaged card skips
 * only itself; cards the deck no longer has are kept, so a card removed and later restored keeps
 * its history.
 */
export const FLASHCARDS_FORMAT: StoredFormat<Progress> = {
  key: STORAGE_KEY,
  noun: 'flashcard progress',
  version: VERSION,
  empty: () => ({}),
  read(document) {
    if (document.format !== FORMAT || !isRecord(document.cards)) return null;
    const kept: [string, StoredCard][] = [];
    const skipped: string[] = [];
    for (const [id, value] of Object.entries(document.cards)) {
      const problem = cardProblem(value);
      if (problem) skipped.push(`card ${JSON.stringify(id.slice(0, 60))}: ${problem}`);
      else kept.push([id, pickCard(value as Record<string, unknown>)]);
    }
    return { value: Object.fromEntries(kept), skipped };
  },
  write: (progress) => JSON.parse(serializeProgress(progress, new Date())) as Record<string, unknown>,
};

export function serializeProgress(progress: Progress, now: Date): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, savedAt: now.toISOString(), cards: progress });
}

/**
 * Progress after importing `incoming` into `current`: cards only in one side are kept; for a card in
 * both, the more recently reviewed state wins (more reviews breaks a tie), so importing an older
 * backup never rolls back newer study.
 */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const merged = new Map(Object.entries(current));
  for (const [id, card] of Object.entries(incoming)) {
    const mine = merged.get(id);
    if (!mine || isNewer(card, mine)) merged.set(id, card);
  }
  return Object.fromEntries(merged);
}

function isNewer(a: StoredCard, b: StoredCard): boolean {
  const ta = a.last_review ? Date.parse(a.last_review) : -Infinity;
  const tb = b.last_review ? Date.parse(b.last_review) : -Infinity;
  return ta !== tb ? ta > tb : a.reps > b.reps;
}
