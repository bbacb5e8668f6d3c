/**
 * Every format the study tools save in this browser, registered in one place: the store kit
 * (src/client/store.ts) keeps each localStorage format, and whatever reads all study state at once (a
 * backup, a progress page, a quarantine download) starts from these lists. A unit test
 * (tests/study/saved-formats.test.ts) fails when a store or a database is opened with a format that
 * is not listed here. Each format's layout, version and migrations are documented in its module.
 *
 * For a backup that merges an import into what the reader has: the rubric gradings merge with
 * mergeRubricStates (src/study/rubric/gradings.ts); the interviewer sheet is a peer's scratch sheet
 * for one interview, like the mock session (fill it only when the reader's is empty); recordings are
 * audio in IndexedDB, which a JSON backup leaves out.
 */
import { FLASHCARDS_FORMAT } from './flashcards/progress.ts';
import { INTERVIEWER_FORMAT } from './interviewer/state.ts';
import { RECORDINGS_DB } from './mock/recordings.ts';
import { MOCK_FORMAT } from './mock/session.ts';
import { PLAN_FORMAT } from './plan/plan-state.ts';
import { READ_FORMAT } from './progress/read-state.ts';
import { MARKS_FORMAT } from './questions/marks.ts';
import { RUBRIC_FORMAT } from './rubric/gradings.ts';

/** The localStorage formats, each under its own key. */
export const SAVED_FORMATS = [
  READ_FORMAT, // mlguide:read            pages marked as read
  MARKS_FORMAT, // mlguide:questions      question-bank marks
  FLASHCARDS_FORMAT, // mlguide:flashcards  card schedules, and retired cards' history
  MOCK_FORMAT, // mlguide:mock            the mock in progress: prompt, clock, notes, scores, ticks
  RUBRIC_FORMAT, // mlguide:rubric        rubric gradings, and the cards made from missed items
  INTERVIEWER_FORMAT, // mlguide:interviewer  the interviewer view's sheet
  PLAN_FORMAT, // mlguide:plan            the study plan and what is done in it
] as const;

/** Any one of the registered formats. */
export type SavedFormat = (typeof SAVED_FORMATS)[number];

/** The IndexedDB databases (audio is too large for localStorage). */
export const SAVED_DATABASES = [RECORDINGS_DB] as const;
