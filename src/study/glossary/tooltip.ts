/**
 * Term tooltips are shown by CSS (:hover, :focus-within); this script adds what CSS cannot: Escape
 * hides an open tooltip until the pointer or focus leaves (WCAG 1.4.13), and a tooltip near the edge of
 * a narrow screen or of the chapter's column is shifted back inside it.
 */
const MARGIN = 8;

function place(term: HTMLElement) {
  const tip = term.querySelector<HTMLElement>('.term-tip');
  if (!tip) return;
  tip.style.setProperty('--term-shift', '0px');
  const rect = tip.getBoundingClientRect();
  // Within the chapter's column: past it, the table of contents beside it would cover the tooltip.
  const column = term.closest('.sl-markdown-content')?.getBoundingClientRect().right ?? Infinity;
  const right = Math.min(document.documentElement.clientWidth - MARGIN, column);
  let shift = 0;
  if (rect.right > right) shift = right - rect.right;
  if (rect.left + shift < MARGIN) shift = MARGIN - rect.left;
  tip.style.setProperty('--term-shift', `${Math.round(shift)}px`);
}

function termOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('.term') : null;
}

document.addEventListener('mouseover', (e) => {
  const term = termOf(e.target);
  if (term && !term.contains(e.relatedTarget as Node | null)) place(term);
});
document.addEventListener('focusin', (e) => {
  const term = termOf(e.target);
  if (term) place(term);
});
document.addEventListener('mouseout', (e) => {
  const term = termOf(e.target);
  if (term && !term.contains(e.relatedTarget as Node | null)) term.removeAttribute('data-dismissed');
});
document.addEventListener('focusout', (e) => {
  const term = termOf(e.target);
  if (term && !term.contains(e.relatedTarget as Node | null)) term.removeAttribute('data-dismissed');
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  for (const term of document.querySelectorAll<HTMLElement>('.term')) {
    if (term.matches(':hover, :focus-within')) term.setAttribute('data-dismissed', '');
  }
});
