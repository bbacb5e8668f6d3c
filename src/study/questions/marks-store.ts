/**
 * The reader's question marks in this browser: the one versioned store of "mlguide:questions", read by
 * the badges (marks-client.ts) and the filter bar (filter-bar-element.ts), and followed across tabs.
 */
import { versionedStore } from '../../client/store.ts';
import { MARKS_FORMAT, toggleMark, type Mark, type Marks } from './marks.ts';

/** The one store of question marks on this page. */
export const marksStore = () => versionedStore(MARKS_FORMAT);
const store = marksStore;
/** The question pressed in this tab, while its change is being announced; null for other tabs' changes. */
let pressed: string | null = null;

export function currentMarks(): Marks {
  return store().get();
}

/** Why saved marks were skipped or not saved, or "" when all is well. */
export function marksProblem(): string {
  return store().notices().join(' ');
}

export function pressMark(id: string, mark: Mark) {
  pressed = id;
  store().set(toggleMark(currentMarks(), id, mark));
  pressed = null;
}

/** Calls `listener` after every change, with the question id (null when another tab changed them). */
export function onMarksChange(listener: (changedId: string | null) => void) {
  store().subscribe(() => listener(pressed));
}
