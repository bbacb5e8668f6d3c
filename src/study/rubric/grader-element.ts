/**
 * <rubric-grader>: the client half of <Rubric /> on exercise and case pages. It shows the "covered"
 * checkboxes, ticks what the reader's latest grading of this page covered, and on "Save my grading"
 * records the grading and turns every missed item into a due flashcard (gradings.ts). Saving again on
 * the same visit replaces that grading; card ids are stable, so no card is ever made twice.
 */
import { checkedItems } from './checklist.ts';
import { rubricStore, saveGrading, showRubricStatus } from './grading-client.ts';
import { latestGrading, type GradedPrompt } from './gradings.ts';

class RubricGrader extends HTMLElement {
  /** One grading per visit: its id is fixed when the page loads. */
  private readonly visit = Date.now();

  connectedCallback() {
    const data = this.querySelector('script[data-grading]')?.textContent;
    if (!data) return;
    const prompt = JSON.parse(data) as GradedPrompt;
    const list = this.querySelector<HTMLElement>('[data-rubric]')!;
    const status = this.querySelector<HTMLElement>('[data-grade-status]')!;
    const last = latestGrading(rubricStore().get(), prompt.page);
    for (const box of list.querySelectorAll<HTMLInputElement>('input[data-covered]'))
      box.checked = last?.covered.includes(box.value) ?? false;
    for (const el of this.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
    showRubricStatus(status, rubricStore().notices().join(' '));
    this.querySelector('[data-grade]')!.addEventListener('click', () => {
      const message = saveGrading(prompt, {
        id: `page:${prompt.page}:${this.visit}`,
        source: 'page',
        at: Date.now(),
        covered: checkedItems(list),
      });
      showRubricStatus(status, message);
    });
  }
}

customElements.define('rubric-grader', RubricGrader);
