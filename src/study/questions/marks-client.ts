/**
 * "Got it" / "Review" buttons and the mark badge on every question card (Question.astro). The buttons
 * start hidden, so without JavaScript a card shows no control that cannot work.
 */
import { MARK_LABELS, markOf, type Mark } from './marks.ts';
import { offerKeptAside } from '../../client/kept-aside.ts';
import { currentMarks, marksProblem, marksStore, onMarksChange, pressMark } from './marks-store.ts';

function questions() {
  return [...document.querySelectorAll<HTMLElement>('article.question[id^="q-"]')];
}

function render(article: HTMLElement) {
  const mark = markOf(currentMarks(), article.id.slice(2));
  article.dataset.userMark = mark ?? '';
  const badge = article.querySelector<HTMLElement>('[data-mark-badge]');
  if (badge) {
    badge.hidden = mark === null;
    badge.textContent = mark ? MARK_LABELS[mark] : '';
    badge.dataset.mark = mark ?? '';
  }
  for (const button of article.querySelectorAll<HTMLButtonElement>('button[data-mark]')) {
    button.setAttribute('aria-pressed', String(button.dataset.mark === mark));
  }
}

function renderAll() {
  questions().forEach(render);
  const message = marksProblem();
  let note = document.querySelector<HTMLElement>('[data-marks-message]');
  if (!note && message) {
    note = document.createElement('p');
    note.className = 'question-marks-message';
    note.setAttribute('role', 'status');
    note.dataset.marksMessage = '';
    questions()[0]?.before(note);
  }
  if (note) {
    note.textContent = message;
    offerKeptAside(note, marksStore());
  }
}

for (const article of questions()) {
  article.querySelector<HTMLElement>('[data-marks]')?.removeAttribute('hidden');
}
renderAll();
onMarksChange(renderAll);

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('article.question button[data-mark]');
  const article = button?.closest<HTMLElement>('article.question');
  if (!button || !article) return;
  pressMark(article.id.slice(2), button.dataset.mark as Mark);
});
