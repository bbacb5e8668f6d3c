/**
 * Saving a rubric grading in the browser: the one versioned store of "mlguide:rubric", shared by the
 * page grader, the mock's debrief and the flashcard deck (which shows the cards made from missed items).
 */
import { offerKeptAside } from '../../client/kept-aside.ts';
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

/**
 * Shows `text` in a rubric status line and, when saved gradings were kept aside as unreadable, offers
 * them for download next to it: every place that shows the rubric store's notices goes through here.
 */
export function showRubricStatus(status: HTMLElement, text: string): void {
  status.textContent = text;
  offerKeptAside(status, rubricStore());
}
