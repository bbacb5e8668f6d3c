/**
 * A rubric as a checklist in the browser, for the mock's debrief and the interviewer view: each item
 * a "covered" checkbox named by its cue, with the point and the section that teaches it behind a
 * disclosure. The same markup and classes as <Rubric /> on the exercise and case pages
 * (src/components/practice/Rubric.astro), so one stylesheet serves both. Text only, via textContent.
 */
import { withBase } from '../../site/paths.ts';
import type { RubricItem } from './gradings.ts';

function itemElement(item: RubricItem, checked: boolean): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.rubricItem = item.id;
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.value = item.id;
  box.checked = checked;
  box.dataset.covered = '';
  box.setAttribute('aria-label', `Covered: ${item.cue}`);
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = item.cue;
  const point = document.createElement('p');
  const link = document.createElement('a');
  link.href = withBase(item.link);
  link.textContent = `Taught in ${item.chapter}`;
  point.append(`${item.point} `, link);
  details.append(summary, point);
  li.append(box, details);
  return li;
}

/** Fills `list` (a ul.rubric) with the items, ticking those in `covered`. */
export function renderChecklist(list: HTMLElement, items: readonly RubricItem[], covered: readonly string[]) {
  list.replaceChildren(...items.map((item) => itemElement(item, covered.includes(item.id))));
}

/** The ids of the ticked items in a checklist, in rubric order. */
export function checkedItems(list: HTMLElement): string[] {
  return [...list.querySelectorAll<HTMLInputElement>('input[data-covered]:checked')].map((box) => box.value);
}
