/**
 * <study-plan>: the client half of StudyPlan.astro. It reads the catalog embedded at build time,
 * makes the plan from the form (planner.ts), keeps it in the "mlguide:plan" store, shows each day
 * with what is done (chapters from reading progress, the rest from the plan's done marks), offers a
 * re-plan after missed days and downloads the .ics. Text goes into the page as textContent only.
 */
import { downloadText } from '../../client/download.ts';
import { offerKeptAside } from '../../client/kept-aside.ts';
import { versionedStore } from '../../client/store.ts';
import { pagePath, withBase } from '../../site/paths.ts';
import { isRead, setRead } from '../progress/read-state.ts';
import { readProgress } from '../progress/store.ts';
import { addDays, daysBetween, localDay, shortDate } from './dates.ts';
import { planToIcs } from './ics.ts';
import { PLAN_FORMAT, setDone } from './plan-state.ts';
import {
  FOCUSES,
  buildPlan,
  formatMinutes,
  planProgress,
  replan,
  settingsProblem,
  type Catalog,
  type Focus,
  type ItemKind,
  type PlanItem,
  type PlanLevel,
  type PlanSettings,
} from './planner.ts';

const KIND_LABELS: Record<ItemKind, string> = {
  chapter: 'chapter',
  case: 'worked case',
  exercise: 'design exercise',
  mock: 'mock interview',
  cards: 'flashcards',
};

const planStore = () => versionedStore(PLAN_FORMAT);
const pageUrl = (page: string) => new URL(withBase(pagePath(page)), location.href).href;

class StudyPlanElement extends HTMLElement {
  private catalog: Catalog = { chapters: [], cases: [], exercises: [] };

  connectedCallback() {
    this.catalog = JSON.parse(this.dataset.catalog ?? '{}') as Catalog;
    this.querySelector('[data-nojs]')?.remove();
    this.form().hidden = false;
    this.prefill();
    this.form().addEventListener('submit', (event) => {
      event.preventDefault();
      this.make();
    });
    this.addEventListener('click', (event) => this.onClick(event));
    this.addEventListener('change', (event) => this.onChange(event));
    planStore().subscribe(() => this.render());
    readProgress().subscribe(() => this.render());
    this.render();
  }

  private form() {
    return this.querySelector<HTMLFormElement>('[data-form]')!;
  }

  private field<T extends HTMLInputElement | HTMLSelectElement>(name: string) {
    return this.form().elements.namedItem(name) as T;
  }

  private text(selector: string, value: string) {
    const el = this.querySelector(selector);
    if (el) el.textContent = value;
  }

  /** The form shows the saved plan's goal, or a first guess: an interview four weeks out. */
  private prefill() {
    const settings = planStore().get().plan?.settings;
    const today = localDay(new Date());
    this.field<HTMLInputElement>('interview').value = settings?.interview ?? addDays(today, 28);
    this.field<HTMLInputElement>('interview').min = addDays(today, 1);
    if (!settings) return;
    this.field<HTMLInputElement>('hours').value = String(settings.hoursPerDay);
    this.field<HTMLSelectElement>('level').value = settings.level;
    this.field<HTMLSelectElement>('focus').value = settings.focus;
  }

  /** Item keys the plan leaves out: chapters already read and practice already done. */
  private skip(): Set<string> {
    const read = Object.keys(readProgress().get().pages).map((page) => `chapter:${page}`);
    return new Set([...read, ...Object.keys(planStore().get().done)]);
  }

  private isDone(item: PlanItem): boolean {
    return item.kind === 'chapter'
      ? isRead(readProgress().get(), item.page)
      : Object.hasOwn(planStore().get().done, item.key);
  }

  private make() {
    const today = localDay(new Date());
    const hours = this.field<HTMLInputElement>('hours').value;
    const settings: PlanSettings = {
      start: today,
      interview: this.field<HTMLInputElement>('interview').value,
      hoursPerDay: hours.trim() === '' ? Number.NaN : Number(hours),
      level: this.field<HTMLSelectElement>('level').value as PlanLevel,
      focus: this.field<HTMLSelectElement>('focus').value as Focus,
    };
    const problem = settingsProblem(settings, today);
    this.text('[data-error]', problem ?? '');
    if (problem) return;
    const plan = buildPlan(settings, this.catalog, this.skip());
    this.save(plan, `Plan made: ${plan.days.length} days to your interview.`);
  }

  private save(plan: ReturnType<typeof buildPlan> | null, status: string) {
    const store = planStore();
    store.set({ ...store.get(), updatedAt: Date.now(), plan });
    this.text('[data-status]', status);
    if (plan) this.querySelector<HTMLElement>('#sp-plan-h')?.focus();
  }

  private onClick(event: Event) {
    const button = (event.target as Element).closest('button');
    const plan = planStore().get().plan;
    if (!button || !plan) return;
    if (button.hasAttribute('data-replan')) {
      const next = replan(plan, this.catalog, this.skip(), localDay(new Date()));
      this.save(next, `Re-planned from today: what is left is spread over ${next.days.length} days.`);
    } else if (button.hasAttribute('data-ics')) {
      downloadText(planToIcs(plan, { now: new Date(), pageUrl }), 'ml-interview-study-plan.ics', 'text/calendar');
      this.text('[data-status]', `Calendar downloaded: ${plan.days.length} study days and your interview.`);
    } else if (button.hasAttribute('data-delete')) {
      if (!window.confirm('Delete your study plan? What you marked done is kept.')) return;
      this.save(null, 'Plan deleted.');
    }
  }

  private onChange(event: Event) {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.key) return;
    const { key, kind, page } = box.dataset;
    if (kind === 'chapter') {
      // A chapter is done when it is read: one mark, shared with the chapter page and the sidebar.
      readProgress().set(setRead(readProgress().get(), page!, box.checked, Date.now()));
    } else {
      planStore().set(setDone(planStore().get(), key, box.checked, Date.now()));
    }
  }

  private render() {
    const notices = [...planStore().notices(), ...readProgress().notices()];
    this.text('[data-notice]', notices.join(' '));
    // The notice also carries reading progress's notices (chapters are done when read): offer both.
    for (const store of [planStore(), readProgress()]) offerKeptAside(this.querySelector('[data-notice]')!, store);
    const plan = planStore().get().plan;
    const result = this.querySelector<HTMLElement>('[data-result]')!;
    result.hidden = plan === null;
    if (!plan) return;
    const today = localDay(new Date());
    const progress = planProgress(plan, (item) => this.isDone(item), today);
    const { interview, level, focus, hoursPerDay } = plan.settings;
    const left = daysBetween(today, interview);
    const when =
      left > 0
        ? `${left} ${left === 1 ? 'day' : 'days'} to your interview on ${shortDate(interview)}`
        : `Your interview was on ${shortDate(interview)}`;
    this.text(
      '[data-summary]',
      `${when} (${level}, ${FOCUSES[focus]}, ${hoursPerDay} h a day). Done: ${progress.done} of ${progress.total} items.`,
    );
    const meter = this.querySelector<HTMLProgressElement>('[data-meter]')!;
    meter.max = Math.max(1, progress.total);
    meter.value = progress.done;

    const behind = this.querySelector<HTMLElement>('[data-behind]')!;
    behind.hidden = progress.behind === 0 || left < 1;
    const missed = progress.missedDays.map(shortDate);
    const shown =
      missed.length > 3 ? `${missed.slice(0, 3).join(', ')} and ${missed.length - 3} more` : missed.join(', ');
    this.text(
      '[data-behind-text]',
      `You are ${progress.behind} ${progress.behind === 1 ? 'item' : 'items'} behind (${shown}). ` +
        'Re-plan to spread what is left over the days before your interview.',
    );

    // Redrawing the days must not lose the reader's place: the focused checkbox is focused again.
    const focusedKey =
      document.activeElement instanceof HTMLInputElement ? document.activeElement.dataset.key : undefined;
    const days = this.querySelector('[data-days]')!;
    days.replaceChildren(
      ...plan.days.map((day) => {
        const li = document.createElement('li');
        li.toggleAttribute('data-today', day.date === today);
        const heading = document.createElement('h4');
        heading.className = 'sp-day-h';
        const minutes = day.items.reduce((sum, i) => sum + i.minutes, 0);
        const note = document.createElement('small');
        note.textContent = ` · ${day.date === today ? 'today · ' : ''}${formatMinutes(minutes)}`;
        heading.append(shortDate(day.date), note);
        const list = document.createElement('ul');
        list.append(...day.items.map((item) => this.itemRow(item, true)));
        li.append(heading, list);
        return li;
      }),
    );
    if (focusedKey) this.querySelector<HTMLElement>(`input[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
    const extra = this.querySelector<HTMLDetailsElement>('[data-extra]')!;
    extra.hidden = plan.unscheduled.length === 0;
    this.text('[data-extra-summary]', `If time allows (${plan.unscheduled.length} more)`);
    this.querySelector('[data-extra-list]')!.replaceChildren(...plan.unscheduled.map((i) => this.itemRow(i, false)));
  }

  private itemRow(item: PlanItem, checkable: boolean): HTMLLIElement {
    const row = document.createElement('li');
    row.className = 'sp-item';
    const done = this.isDone(item);
    row.toggleAttribute('data-done', done);
    if (checkable) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = done;
      box.setAttribute('aria-label', `Done: ${item.title}`);
      Object.assign(box.dataset, { key: item.key, kind: item.kind, page: item.page });
      row.append(box);
    }
    const link = document.createElement('a');
    link.href = withBase(pagePath(item.page));
    link.textContent = item.title;
    const note = document.createElement('small');
    note.textContent = `${KIND_LABELS[item.kind]} · ${formatMinutes(item.minutes)}`;
    const words = document.createElement('span');
    words.append(link, ' ', note);
    row.append(words);
    return row;
  }
}

customElements.define('study-plan', StudyPlanElement);
