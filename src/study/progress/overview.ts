/**
 * <reading-progress>: "Your progress" on the landing page. The page lists (data-pages) and section
 * names come from the build; the counts from the reader's browser. Hidden without JavaScript.
 */
import { progressBySection } from './by-section.ts';
import { emptyReadState } from './read-state.ts';
import { offerKeptAside } from '../../client/kept-aside.ts';
import { readProgress } from './store.ts';

class ReadingProgress extends HTMLElement {
  private pages: string[] = [];
  private sections: string[] = [];

  connectedCallback() {
    this.pages = JSON.parse(this.dataset.pages ?? '[]') as string[];
    this.sections = [...this.querySelectorAll<HTMLElement>('[data-section]')].map((row) => row.dataset.section ?? '');
    this.hidden = false;
    this.render(readProgress().notices().join(' ') || null);
    const status = this.querySelector('[data-status]');
    if (status) offerKeptAside(status, readProgress());
    readProgress().subscribe(() => this.render(null));
    this.querySelector('button[data-reset]')?.addEventListener('click', () => this.reset());
  }

  private render(problem: string | null) {
    const state = readProgress().get();
    const progress = progressBySection(this.sections, this.pages, state);
    this.text('[data-total]', `${progress.read} of ${progress.total} pages read`);
    for (const row of progress.sections) {
      const el = this.querySelector<HTMLElement>(`[data-section="${CSS.escape(row.section)}"]`);
      if (!el) continue;
      const meter = el.querySelector('progress');
      if (meter) {
        meter.max = Math.max(1, row.total);
        meter.value = row.read;
      }
      const count = el.querySelector('[data-count]');
      if (count) count.textContent = `${row.read} of ${row.total}`;
      el.toggleAttribute('data-complete', row.total > 0 && row.read === row.total);
    }
    const reset = this.querySelector<HTMLButtonElement>('button[data-reset]');
    if (reset) reset.disabled = progress.read === 0 && Object.keys(state.pages).length === 0;
    if (problem) this.text('[data-status]', problem);
  }

  private reset() {
    if (!window.confirm('Clear your reading progress on every page? This cannot be undone.')) return;
    const store = readProgress();
    store.set(emptyReadState());
    this.text('[data-status]', ['Reading progress cleared.', ...store.notices()].join(' '));
  }

  private text(selector: string, value: string) {
    const el = this.querySelector(selector);
    if (el) el.textContent = value;
  }
}

customElements.define('reading-progress', ReadingProgress);
