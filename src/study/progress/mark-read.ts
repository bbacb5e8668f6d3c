/**
 * <mark-read data-page="lifecycle/evaluation">: the "Mark as read" toggle at the end of a chapter.
 * A button with aria-pressed; the live status says what changed and how far the reader has got.
 */
import { isRead, setRead } from './read-state.ts';
import { loadRead, onReadChange, saveRead } from './store.ts';

class MarkRead extends HTMLElement {
  private page = '';

  connectedCallback() {
    this.page = this.dataset.page ?? '';
    const { problem } = loadRead();
    this.hidden = false;
    this.render(problem);
    this.querySelector('button')?.addEventListener('click', () => this.toggle());
    onReadChange(() => this.render(null));
  }

  private toggle() {
    const { state } = loadRead();
    const read = !isRead(state, this.page);
    const next = setRead(state, this.page, read, Date.now());
    const problem = saveRead(next);
    const count = Object.keys(next.pages).length;
    this.status(
      problem ?? (read ? `Marked as read. ${count} page${count === 1 ? '' : 's'} read so far.` : 'Marked as not read.'),
    );
  }

  private render(problem: string | null) {
    const read = isRead(loadRead().state, this.page);
    const button = this.querySelector('button');
    button?.setAttribute('aria-pressed', String(read));
    if (problem) this.status(problem);
  }

  private status(text: string) {
    const out = this.querySelector('[data-status]');
    if (out) out.textContent = text;
  }
}

customElements.define('mark-read', MarkRead);
