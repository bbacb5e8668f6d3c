/**
 * <study-filter-bar>: the client half of StudyFilterBar.astro. It reads the filters from the URL, hides
 * the items (question cards, exercise or case rows) that do not match, hides a question-bank heading
 * whose questions are all hidden, writes the filters back to the URL and announces the count. Matching
 * is the pure `matches` in filters.ts, fed from each item's data-* attributes.
 */
import { FILTER_LISTS, QB_NS, countText, matches, type FilterItem, type FilterKind } from './filters.ts';
import { markOf } from './marks.ts';
import { currentMarks, onMarksChange } from './marks-store.ts';
import { defaultValues, type EnumField } from '../../client/fields.ts';
import { parseState, serializeState } from '../../client/url-state.ts';
import { hashTarget } from '../../site/paths.ts';

class StudyFilterBar extends HTMLElement {
  private kind: FilterKind = 'questions';
  private spec: Record<string, EnumField> = FILTER_LISTS.questions.filters;
  private values: Record<string, string> = {};

  connectedCallback() {
    const kind = this.dataset.kind ?? '';
    this.kind = Object.hasOwn(FILTER_LISTS, kind) ? (kind as FilterKind) : 'questions';
    this.spec = FILTER_LISTS[this.kind].filters;
    const { state: values, notices } = parseState(this.spec, QB_NS, location.search);
    this.values = values;
    this.text('[data-notice]', notices.join(' '));
    this.querySelector<HTMLElement>('section')!.hidden = false;
    this.syncControls();
    this.addEventListener('change', (e) => this.onChange(e));
    this.querySelector('[data-reset]')?.addEventListener('click', () => this.setValues(defaultValues(this.spec)));
    if (this.kind === 'questions') onMarksChange((id) => this.onMarkChange(id));
    window.addEventListener('hashchange', () => this.revealHashTarget());
    this.apply();
    // After every script on the page has laid out its controls, bring a linked question into view.
    requestAnimationFrame(() => this.revealHashTarget());
  }

  private text(selector: string, value: string) {
    const el = this.querySelector<HTMLElement>(selector);
    if (el) el.textContent = value;
  }

  private syncControls() {
    for (const select of this.querySelectorAll<HTMLSelectElement>('select[name]')) {
      select.value = this.values[select.name] ?? '';
    }
  }

  private items(): HTMLElement[] {
    return [...document.querySelectorAll<HTMLElement>(FILTER_LISTS[this.kind].items)];
  }

  private itemOf(el: HTMLElement): FilterItem {
    return {
      level: el.dataset.level ?? '',
      section: el.dataset.section,
      track: el.dataset.track,
      domains: (el.dataset.domains ?? '').split(' ').filter(Boolean),
      mark: this.kind === 'questions' ? markOf(currentMarks(), el.id.slice(2)) : null,
    };
  }

  private onChange(event: Event) {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !(select.name in this.spec)) return;
    this.setValues({ ...this.values, [select.name]: select.value });
  }

  private setValues(values: Record<string, string>) {
    this.values = values;
    this.text('[data-notice]', '');
    this.syncControls();
    const search = serializeState(this.spec, QB_NS, this.values, location.search);
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    this.apply();
  }

  /** Shows matching items, hides the rest; returns how many are shown. */
  private apply(): number {
    const items = this.items();
    let shown = 0;
    for (const el of items) {
      const visible = matches(this.itemOf(el), this.values);
      el.hidden = !visible;
      if (visible) shown++;
    }
    if (this.kind === 'questions') this.hideEmptyHeadings(items);
    const { noun } = FILTER_LISTS[this.kind];
    const empty = shown === 0 ? '. None match: choose other filters or press "Show all".' : '';
    this.text('[data-count]', countText(shown, items.length, noun) + empty);
    return shown;
  }

  /** A section heading of the question bank stays only while one of its questions is shown. */
  private hideEmptyHeadings(items: HTMLElement[]) {
    const groups = new Map<HTMLElement, boolean>();
    for (const el of items) {
      let node = el.previousElementSibling;
      while (node && !node.matches('.sl-heading-wrapper.level-h2, h2')) node = node.previousElementSibling;
      if (node instanceof HTMLElement) groups.set(node, (groups.get(node) ?? false) || !el.hidden);
    }
    for (const [heading, anyShown] of groups) heading.hidden = !anyShown;
  }

  private onMarkChange(id: string | null) {
    if (!this.values.mark) return;
    this.apply();
    const article = id ? document.getElementById(`q-${id}`) : null;
    if (article?.hidden) {
      const number = article.querySelector('.question-number')?.textContent ?? 'The question';
      this.text('[data-notice]', `${number} no longer matches the "your marks" filter, so it is now hidden.`);
    }
  }

  /** A link to one question (#q-...) always shows it: filters that hide it are cleared first. */
  private revealHashTarget() {
    const id = hashTarget(location.hash);
    const target = id ? document.getElementById(id) : null;
    if (!target) return;
    if (target.hidden && this.items().includes(target)) {
      this.setValues(defaultValues(this.spec));
      this.text('[data-notice]', 'The filters were cleared to show the linked item.');
    }
    if (!target.hidden) target.scrollIntoView();
  }
}

customElements.define('study-filter-bar', StudyFilterBar);
