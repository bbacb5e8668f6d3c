/**
 * <mark-read data-page="lifecycle/evaluation">: the "Mark as read" toggle at the end of a chapter.
 * A button with aria-pressed; the live status says what changed and how far the reader has got.
 */
import { countRead, isRead, setRead } from './read-state.ts';
import { sidebarPages } from './sidebar.ts';
import { readProgress } from './store.ts';

class MarkRead extends HTMLElement {
  private page = '';

  connectedCallback() {
    this.page = this.dataset.page ?? '';
    this.hidden = false;
    this.render(readProgress().notices().join(' ') || null);
    const status = this.querySelector('[data-status]');
    // The download button's code loads only when something was kept aside: rare, and this script is on every page.
    if (status && readProgress().quarantined().length > 0)
      void import('../../client/kept-aside.ts').then(({ offerKeptAside }) => offerKeptAside(status, readProgress()));
    this.querySelector('button[aria-pressed]')?.addEventListener('click', () => this.toggle());
    readProgress().subscribe(() => this.render(null));
  }

  private toggle() {
    const store = readProgress();
    const read = !isRead(store.get(), this.page);
    const next = setRead(store.get(), this.page, read, Date.now());
    // The store keeps the mark in memory when storage fails, and its notice says so.
    store.set(next);
    // Pages of the site as it is now: a mark kept for a page since removed is not counted (probe C5).
    const count = countRead(next, sidebarPages());
    const done = read ? `Marked as read. ${count} page${count === 1 ? '' : 's'} read so far.` : 'Marked as not read.';
    this.status([done, ...store.notices()].join(' '));
  }

  private render(problem: string | null) {
    const read = isRead(readProgress().get(), this.page);
    const button = this.querySelector('button[aria-pressed]');
    button?.setAttribute('aria-pressed', String(read));
    if (problem) this.status(problem);
  }

  private status(text: string) {
    const out = this.querySelector('[data-status]');
    if (out) out.textContent = text;
  }
}

customElements.define('mark-read', MarkRead);
