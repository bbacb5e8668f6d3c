/**
 * <flashcard-deck>: the client half of FlashcardDeck.astro. It reads the cards embedded at build time,
 * the reader's cards from missed rubric items (mlguide:rubric), the filters from the URL and the
 * progress from localStorage, shows the next due card, and saves a new schedule after each grade. All
 * scheduling is in schedule.ts and all validation in progress.ts; this file only moves data between
 * them and the page (card text goes in as textContent only).
 */
import {
  FC_NS,
  FLASHCARD_FILTERS,
  SECTION_NAMES,
  filterCards,
  rubricCardsAdded,
  rubricDeckCards,
  type DeckCard,
  type FlashcardFilters,
} from './deck.ts';
import {
  FLASHCARDS_FORMAT,
  MAX_FILE_CHARS,
  mergeProgress,
  parseProgress,
  serializeProgress,
  type SavedProgress,
} from './progress.ts';
import {
  GRADES,
  buildQueue,
  formatInterval,
  gradeCard,
  nextCardId,
  previewIntervals,
  withAddedCardsDue,
  type Progress,
} from './schedule.ts';
import { rubricStore } from '../rubric/grading-client.ts';
import { parseState, serializeState } from '../../client/url-state.ts';
import { offerKeptAside } from '../../client/kept-aside.ts';
import { versionedStore } from '../../client/store.ts';

/** True when a key press belongs to a form field the reader is typing in. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null
  );
}

class FlashcardDeck extends HTMLElement {
  /** The guide's cards, then the reader's own from missed rubric items. */
  private builtIn: DeckCard[] = [];
  private cards: DeckCard[] = [];
  private byId = new Map<string, DeckCard>();
  /** When each rubric card was made: it is due from then until its first review. */
  private added: Record<string, number> = {};
  private filters!: FlashcardFilters;
  private saved: SavedProgress = { cards: {}, retired: {} };
  private currentId: string | null = null;
  private inView = false;
  private wakeTimer: number | undefined;

  connectedCallback() {
    this.builtIn = JSON.parse(this.querySelector('script[data-deck]')?.textContent ?? '[]') as DeckCard[];
    this.takeRubricCards();
    const { state: values, notices } = parseState(FLASHCARD_FILTERS, FC_NS, location.search);
    this.filters = values;
    const messages = [...notices];
    const store = versionedStore(FLASHCARDS_FORMAT);
    this.saved = store.get();
    messages.push(...store.notices(), ...rubricStore().notices());
    this.setError(messages.join(' '));
    const error = this.querySelector('[data-error]');
    // The deck also shows the rubric store's notices (its cards come from missed rubric items).
    if (error) for (const shown of [store, rubricStore()]) offerKeptAside(error, shown);

    for (const el of this.querySelectorAll<HTMLElement>('[data-js-only]')) el.hidden = false;
    this.querySelector('[data-nojs]')?.remove();
    for (const select of this.selects()) select.value = this.filters[select.name as keyof FlashcardFilters] ?? '';

    this.addEventListener('change', (e) => this.onChange(e));
    this.addEventListener('click', (e) => this.onClick(e));
    this.answer().addEventListener('toggle', () => this.onFlip());
    document.addEventListener('keydown', (e) => this.onKey(e));
    store.subscribe((saved) => {
      if (saved === this.saved) return; // our own save
      this.saved = saved;
      this.show();
    });
    rubricStore().subscribe(() => {
      this.takeRubricCards();
      this.show();
    });
    new IntersectionObserver((entries) => (this.inView = entries.some((e) => e.isIntersecting))).observe(this);
    this.show();
  }

  private takeRubricCards() {
    const rubric = rubricStore().get();
    this.cards = [...this.builtIn, ...rubricDeckCards(rubric)];
    this.byId = new Map(this.cards.map((c) => [c.id, c]));
    this.added = rubricCardsAdded(rubric);
  }

  /** The saved schedules, with rubric cards not yet reviewed due from when they were made. */
  private schedule(): Progress {
    return withAddedCardsDue(this.saved.cards, this.added);
  }

  private selects() {
    return [...this.querySelectorAll<HTMLSelectElement>('select[name]')];
  }

  private answer() {
    return this.querySelector<HTMLDetailsElement>('[data-answer]')!;
  }

  private text(selector: string, value: string) {
    const el = this.querySelector<HTMLElement>(selector);
    if (el) el.textContent = value;
  }

  private setError(message: string) {
    this.text('[data-error]', message);
  }

  private setStatus(message: string) {
    this.text('[data-status]', message);
  }

  private save(): boolean {
    const store = versionedStore(FLASHCARDS_FORMAT);
    const saved = store.set(this.saved);
    const problems = store.notices();
    if (problems.length > 0) this.setError(problems.join(' '));
    // Notices about what was skipped on load stay on screen, but this save itself worked.
    return saved;
  }

  /** Shows the next card for the current filters, or says when the next one falls due. */
  private show() {
    const now = new Date();
    const selected = filterCards(this.cards, this.filters);
    const schedule = this.schedule();
    const queue = buildQueue(
      selected.map((c) => c.id),
      schedule,
      now,
    );
    this.text('[data-due]', String(queue.due.length));
    this.text('[data-new]', String(queue.fresh.length));
    this.text('[data-later]', String(queue.later.length));
    this.currentId = nextCardId(queue);
    const card = this.currentId ? this.byId.get(this.currentId) : undefined;
    const cardBox = this.querySelector<HTMLElement>('[data-card]')!;
    const empty = this.querySelector<HTMLElement>('[data-empty]')!;
    window.clearTimeout(this.wakeTimer);
    cardBox.hidden = !card;
    empty.hidden = Boolean(card);
    this.answer().open = false;
    this.onFlip();
    if (!card) {
      if (selected.length === 0) empty.textContent = 'No cards match these filters.';
      else if (queue.nextDue) {
        const wait = queue.nextDue.getTime() - now.getTime();
        empty.textContent = `All caught up. The next card is due in ${formatInterval(wait)}.`;
        // Learning steps are minutes long: bring the card back on its own when it falls due.
        if (wait < 2 ** 31 - 1) this.wakeTimer = window.setTimeout(() => this.show(), wait + 500);
      }
      return;
    }
    this.text(
      '[data-card-section]',
      card.from ? `From your mocks: ${card.from}` : (SECTION_NAMES[card.section] ?? card.section),
    );
    this.text('[data-card-level]', card.level);
    this.text('[data-front]', card.front);
    this.text('[data-back]', card.back);
    const link = this.querySelector<HTMLAnchorElement>('[data-link]')!;
    link.href = card.href;
    link.textContent = card.chapter;
    const intervals = previewIntervals(schedule, card.id, now);
    for (const { key, rating } of GRADES) {
      this.text(`[data-grade="${key}"] [data-interval]`, formatInterval(intervals[rating]));
    }
  }

  /** The answer opened or closed (summary click, Space, or show()). */
  private onFlip() {
    const open = this.answer().open;
    this.querySelector<HTMLElement>('[data-grades]')!.hidden = !open || this.currentId === null;
    this.text('[data-answer] summary', open ? 'Hide the answer' : 'Show the answer');
  }

  private grade(key: string) {
    const grade = GRADES.find((g) => g.key === key);
    if (!grade || !this.currentId) return;
    if (!this.answer().open) {
      this.setStatus('Show the answer first (Space), then grade how well you recalled it.');
      return;
    }
    const now = new Date();
    const card = this.byId.get(this.currentId)!;
    const graded = gradeCard(this.schedule(), card.id, grade.rating, now)[card.id];
    this.saved = { ...this.saved, cards: { ...this.saved.cards, [card.id]: graded } };
    const saved = this.save();
    const wait = formatInterval(Date.parse(graded.due) - now.getTime());
    this.setStatus(`${grade.label}: this card comes back in ${wait}.${saved ? '' : ' (not saved)'}`);
    this.show();
    // Keep the keyboard where the next action is: flipping the new card, or reading that none is due.
    const next = this.currentId
      ? this.querySelector<HTMLElement>('[data-answer] summary')
      : this.querySelector<HTMLElement>('[data-empty]');
    next?.focus({ preventScroll: true });
  }

  private onKey(event: KeyboardEvent) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    // Shortcuts apply while the deck is on screen and the focus is in it or nowhere in particular.
    const active = document.activeElement;
    const focusOk = !active || active === document.body || this.contains(active);
    if (!this.inView || !focusOk) return;
    if (event.key === ' ') {
      // A focused button, link or summary does its own thing with Space.
      if (event.target instanceof Element && event.target.closest('button, a, summary')) return;
      if (!this.currentId) return;
      event.preventDefault();
      this.answer().open = !this.answer().open;
    } else if (GRADES.some((g) => g.key === event.key)) {
      event.preventDefault();
      this.grade(event.key);
    }
  }

  private onChange(event: Event) {
    const target = event.target;
    if (target instanceof HTMLSelectElement && target.name in FLASHCARD_FILTERS) {
      this.filters = { ...this.filters, [target.name]: target.value };
      const search = serializeState(FLASHCARD_FILTERS, FC_NS, this.filters, location.search);
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      this.setStatus('');
      this.show();
    } else if (target instanceof HTMLInputElement && target.type === 'file') {
      void this.importFile(target);
    }
  }

  private onClick(event: Event) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button');
    if (button?.dataset.grade) this.grade(button.dataset.grade);
    else if (button?.hasAttribute('data-export')) this.exportFile();
  }

  private exportFile() {
    const now = new Date();
    const blob = new Blob([serializeProgress(this.saved, now)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `mlguide-flashcards-${now.toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    const n = Object.keys(this.saved.cards).length;
    this.setStatus(`Exported progress for ${n} ${n === 1 ? 'card' : 'cards'}.`);
  }

  /** Validates the whole file first; only a fully valid file touches saved progress. */
  private async importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.setError('');
    this.setStatus('');
    const result =
      file.size > MAX_FILE_CHARS
        ? ({ ok: false, message: 'This file is far too large to be flashcard progress.' } as const)
        : parseProgress(await file.text(), {
            knownIds: new Set(this.builtIn.map((c) => c.id)),
            rejectUnknown: true,
          });
    if (!result.ok) {
      this.setError(`Import failed: ${result.message} Your saved progress was not changed.`);
      return;
    }
    this.saved = mergeProgress(this.saved, result.saved);
    const n = Object.keys(result.saved.cards).length + Object.keys(result.saved.retired).length;
    if (this.save()) this.setStatus(`Imported progress for ${n} ${n === 1 ? 'card' : 'cards'}.`);
    this.show();
  }
}

customElements.define('flashcard-deck', FlashcardDeck);
