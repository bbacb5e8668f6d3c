/**
 * The reader's own marks on question-bank cards ("Got it" or "To review"), saved in localStorage under
 * `mlguide:questions` as { "version": 1, "marks": { "<question id>": "got" | "review" } }. Pure: the
 * versioned store (src/client/store.ts) reads and writes storage.
 */
import type { StoredFormat } from '../../client/store.ts';

export const MARKS_KEY = 'mlguide:questions';
export const MARKS_VERSION = 1;

export type Mark = 'got' | 'review';
export type Marks = Record<string, Mark>;

export const MARK_LABELS: Record<Mark, string> = { got: 'Got it', review: 'To review' };

const isMark = (value: unknown): value is Mark => value === 'got' || value === 'review';

/** The stored format of question marks: a mark that is neither "got" nor "review" skips only itself. */
export const MARKS_FORMAT: StoredFormat<Marks> = {
  key: MARKS_KEY,
  noun: 'question marks',
  version: MARKS_VERSION,
  empty: () => ({}),
  read(document) {
    const marks = document.marks;
    if (typeof marks !== 'object' || marks === null || Array.isArray(marks)) return null;
    const kept: [string, Mark][] = [];
    const skipped: string[] = [];
    for (const [id, mark] of Object.entries(marks)) {
      if (isMark(mark)) kept.push([id, mark]);
      else skipped.push(`the mark of ${JSON.stringify(id.slice(0, 60))}`);
    }
    // fromEntries defines own properties, so even an id like "__proto__" stays plain data.
    return { value: Object.fromEntries(kept) as Marks, skipped };
  },
  write: (marks) => ({ version: MARKS_VERSION, marks }),
};

/** Marks after the reader presses `mark` on question `id`: pressing the mark it already has clears it. */
export function toggleMark(marks: Marks, id: string, mark: Mark): Marks {
  const next = new Map(Object.entries(marks));
  if (next.get(id) === mark) next.delete(id);
  else next.set(id, mark);
  return Object.fromEntries(next) as Marks;
}

export function markOf(marks: Marks, id: string): Mark | null {
  return Object.hasOwn(marks, id) ? marks[id] : null;
}
