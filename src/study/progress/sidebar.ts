/**
 * Marks the sidebar links of pages the reader has read (a[data-read]; the check mark is drawn in
 * CSS in the reserved space at the end of the link, so nothing moves). Runs on every page.
 */
import { pageIdFromPath } from '../../site/paths.ts';
import { isRead } from './read-state.ts';
import { readProgress } from './store.ts';

/** Each sidebar link with the page id it leads to ("" for the landing page, null outside the site). */
function sidebarLinks(): [HTMLAnchorElement, string | null][] {
  return [...document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')].map((link) => [
    link,
    pageIdFromPath(new URL(link.href, location.href).pathname),
  ]);
}

/** The pages the sidebar lists: every page of the site as it is now. */
export function sidebarPages(): string[] {
  return sidebarLinks().flatMap(([, page]) => (page ? [page] : []));
}

function markSidebar() {
  const state = readProgress().get();
  for (const [link, page] of sidebarLinks())
    link.toggleAttribute('data-read', page !== null && page !== '' && isRead(state, page));
}

markSidebar();
readProgress().subscribe(markSidebar);
