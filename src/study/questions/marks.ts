/**
 * The reader's own marks on question-bank cards ("Got it" or "To review"), saved in localStorage under
 * `mlguide:questions` as { "version": 1, "marks": { "<question id>": "got" | "review" } }. Pure: the
 * caller reads and writes storage; corrupt or foreign saved text gives a message and no marks.
 */

export const MARKS_KEY = 'mlguide:questions';
export const MARKS_VERSION = 1;

export type Mark = 'got' | 'review';
export type Marks = Record<string, Mark>;

export const MARK_LABELS: Record<Mark, string> = { got: 'Got it', review: 'To review' };

export type MarksRead = { ok: true; marks: Marks } | { ok: false; marks: Marks; message: string };

const isMark = (value: unknown): value is Mark => value === 'got' || value === 'review';

/** Reads saved marks; null (nothing saved yet) is no marks. Never throws. */
export function parseMarks(text: string | null): MarksRead {
  if (text === null) return { ok: true, marks: {} };
  const unreadable = (why: string): MarksRead => ({
    ok: false,
    marks: {},
    message: `Your saved question marks could not be read (${why}); they are ignored until you mark a question again.`,
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return unreadable('not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return unreadable('not an object');
  const record = data as Record<string, unknown>;
  if (record.version !== MARKS_VERSION) return unreadable(`format version ${JSON.stringify(record.version)}`);
  const marks = record.marks;
  if (typeof marks !== 'object' || marks === null || Array.isArray(marks)) return unreadable('no "marks" object');
  const entries = Object.entries(marks);
  if (!entries.every(([, mark]) => isMark(mark))) return unreadable('a mark is neither "got" nor "review"');
  return { ok: true, marks: Object.fromEntries(entries) as Marks };
}

export function serializeMarks(marks: Marks): string {
  return JSON.stringify({ version: MARKS_VERSION, marks });
}

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
