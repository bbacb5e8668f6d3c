/**
 * Saving a rubric grading in the browser: the one versioned store of "mlguide:rubric", shared by the
 * page grader, the mock's debrief and the flashcard deck (which shows the cards made from missed items).
 */
import { versionedStore } from '../../client/store.ts';
import { gradingMessage, recordGrading, RUBRIC_FORMAT, type GradedPrompt, type NewGrading } from './gradings.ts';

export const rubricStore = () => versionedStore(RUBRIC_FORMAT);

/** Records a grading and its cards; returns the sentence for the reader (with any storage notice). */
export function saveGrading(prompt: GradedPrompt, grading: NewGrading): string {
  const store = rubricStore();
  const { state, added, missed } = recordGrading(store.get(), prompt, grading);
  store.set(state);
  const message = gradingMessage(prompt.items.length, prompt.items.length - missed.length, added.length, missed.length);
  return [message, ...store.notices()].join(' ');
}
