/**
 * The reader's question marks in this browser: one shared copy per page, loaded from localStorage on
 * first use, saved on every change, and refreshed when another tab changes them. The badges
 * (marks-client.ts) and the filter bar (filter-bar-element.ts) both read it and listen for changes.
 */
import { MARKS_KEY, parseMarks, serializeMarks, toggleMark, type Mark, type Marks } from './marks.ts';
import { readStorage, writeStorage } from '../shared/storage.ts';

let marks: Marks | null = null;
let problem = '';
const listeners = new Set<(changedId: string | null) => void>();

function load() {
  const read = readStorage(MARKS_KEY);
  if (!read.ok) {
    marks = {};
    problem = read.message;
    return;
  }
  const parsed = parseMarks(read.text);
  marks = parsed.marks;
  problem = parsed.ok ? '' : parsed.message;
}

window.addEventListener('storage', (event) => {
  if (event.key !== MARKS_KEY) return;
  load();
  for (const listener of listeners) listener(null);
});

export function currentMarks(): Marks {
  if (marks === null) load();
  return marks!;
}

/** Why saved marks were ignored or not saved, or "" when all is well. */
export function marksProblem(): string {
  currentMarks();
  return problem;
}

export function pressMark(id: string, mark: Mark) {
  marks = toggleMark(currentMarks(), id, mark);
  problem = writeStorage(MARKS_KEY, serializeMarks(marks)) ?? '';
  for (const listener of listeners) listener(id);
}

/** Calls `listener` after every change, with the question id (null when everything may have changed). */
export function onMarksChange(listener: (changedId: string | null) => void) {
  listeners.add(listener);
}
