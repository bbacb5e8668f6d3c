/**
 * Marks the sidebar links of pages the reader has read (a[data-read]; the check mark is drawn in
 * CSS in the reserved space at the end of the link, so nothing moves). Runs on every page.
 */
import { isRead, pageIdFromPath } from './read-state.ts';
import { BASE, loadRead, onReadChange } from './store.ts';

function markSidebar() {
  const { state } = loadRead();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
    const page = pageIdFromPath(new URL(link.href, location.href).pathname, BASE);
    link.toggleAttribute('data-read', page !== null && page !== '' && isRead(state, page));
  }
}

markSidebar();
onReadChange(markSidebar);
