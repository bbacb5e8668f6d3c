/**
 * Marks the sidebar links of pages the reader has read (a[data-read]; the check mark is drawn in
 * CSS in the reserved space at the end of the link, so nothing moves). Runs on every page.
 */
import { pageIdFromPath } from '../../site/paths.ts';
import { isRead } from './read-state.ts';
import { readProgress } from './store.ts';

function markSidebar() {
  const state = readProgress().get();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
    const page = pageIdFromPath(new URL(link.href, location.href).pathname);
    link.toggleAttribute('data-read', page !== null && page !== '' && isRead(state, page));
  }
}

markSidebar();
readProgress().subscribe(markSidebar);
