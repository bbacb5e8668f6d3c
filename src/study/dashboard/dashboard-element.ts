/**
 * <study-dashboard>: the client half of Dashboard.astro. It reads every study store in the one list
 * (src/study/stores.ts), shows what they add up to (insights.ts), and runs the backup: export all,
 * import with merge (backup.ts), and the download of data kept aside. Text goes in as textContent.
 */
import { downloadText } from '../../client/download.ts';
import { quarantineKey, versionedStore, type StoredFormat } from '../../client/store.ts';
import { localDay } from '../plan/dates.ts';
import { PLAN_FORMAT } from '../plan/plan-state.ts';
import { planProgress } from '../plan/planner.ts';
import { FLASHCARDS_FORMAT } from '../flashcards/progress.ts';
import { MOCK_FORMAT, scoredMocks } from '../mock/session.ts';
import { READ_FORMAT, isRead } from '../progress/read-state.ts';
import { STUDY_STORES } from '../stores.ts';
import {
  describeMerge,
  MAX_BACKUP_CHARS,
  parseBackup,
  serializeBackup,
  serializeQuarantine,
} from '../backup/backup.ts';
import { cardStats, mockResults, weakSections, type CardRef } from './insights.ts';
import { withBase } from '../../site/paths.ts';

/** The page's one store of a listed format. */
const storeOf = (listed: { format: StoredFormat<unknown> }) => versionedStore(listed.format);
const percent = (x: number) => `${Math.round(x * 100)}%`;
/** The mocks listed, newest first: enough to see a trend. */
const MOCKS_SHOWN = 10;

class StudyDashboard extends HTMLElement {
  private cards: CardRef[] = [];
  /** Mock prompts' titles by id. */
  private promptTitles: Record<string, string> = {};
  private sections: Record<string, string> = {};

  connectedCallback() {
    this.cards = JSON.parse(this.dataset.cards ?? '[]') as CardRef[];
    this.promptTitles = JSON.parse(this.dataset.promptTitles ?? '{}') as Record<string, string>;
    this.sections = JSON.parse(this.dataset.sections ?? '{}') as Record<string, string>;
    this.querySelector('[data-nojs]')?.remove();
    this.querySelector<HTMLElement>('[data-app]')!.hidden = false;
    for (const { format } of STUDY_STORES) storeOf({ format }).subscribe(() => this.render());
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (button?.hasAttribute('data-export')) this.exportAll();
      else if (button?.hasAttribute('data-quarantine')) this.downloadQuarantine();
    });
    this.addEventListener('change', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.type === 'file') void this.importFile(event.target);
    });
    this.render();
  }

  private text(selector: string, value: string) {
    const el = this.querySelector(selector);
    if (el) el.textContent = value;
  }

  private listItems(selector: string, rows: (string | Node)[][]) {
    this.querySelector(selector)!.replaceChildren(
      ...rows.map((parts) => {
        const li = document.createElement('li');
        li.append(...parts);
        return li;
      }),
    );
  }

  private link(href: string, text: string) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  private render() {
    const now = new Date();
    this.text('[data-notice]', STUDY_STORES.flatMap(({ format }) => storeOf({ format }).notices()).join(' '));

    const progress = versionedStore(FLASHCARDS_FORMAT).get().cards;
    const stats = cardStats(this.cards, progress, now);
    this.text(
      '[data-cards-line]',
      `${stats.due} due now · ${stats.studied} studied · ${stats.fresh} new, of ${this.cards.length} cards`,
    );
    this.text(
      '[data-retention]',
      stats.retention === null
        ? 'Retention shows once you have reviewed a card.'
        : `Estimated retention: ${percent(stats.retention)} (the average chance you recall a studied card today, from its review history).`,
    );

    // Newest first. What to drill comes from the latest mock only: the earlier ones show the trend.
    const mocks = mockResults(scoredMocks(versionedStore(MOCK_FORMAT).get())).reverse();
    const latest = mocks.slice(0, 1);
    this.querySelector<HTMLElement>('[data-mocks-empty]')!.hidden = mocks.length > 0;
    this.listItems(
      '[data-mocks]',
      mocks.slice(0, MOCKS_SHOWN).map((m, i) => {
        const title = m.prompt ? (this.promptTitles[m.prompt] ?? m.prompt) : 'Your own prompt';
        return [`${i === 0 && mocks.length > 1 ? 'Latest: ' : ''}${title}: ${m.verdict}`];
      }),
    );

    const rubric = withBase('/practice/mock-interviews/#the-rubric');
    const weak = [
      ...weakSections(this.cards, progress).map((w) => [
        `${this.sections[w.section] ?? w.section}: ${w.lapses} forgotten ${w.lapses === 1 ? 'card' : 'cards'}. Go back to `,
        this.link(w.href, w.chapter),
      ]),
      ...latest.flatMap((m) =>
        m.weak.map((d) => [`${d.label}: scored ${d.score} of 4 in a mock. See `, this.link(rubric, 'the rubric')]),
      ),
    ];
    this.querySelector<HTMLElement>('[data-weak-empty]')!.hidden = weak.length > 0;
    this.listItems('[data-weak]', weak);

    const saved = versionedStore(PLAN_FORMAT).get();
    const read = versionedStore(READ_FORMAT).get();
    if (saved.plan) {
      const p = planProgress(
        saved.plan,
        (item) => (item.kind === 'chapter' ? isRead(read, item.page) : Object.hasOwn(saved.done, item.key)),
        localDay(now),
      );
      const behind = p.behind === 0 ? 'on track' : `${p.behind} ${p.behind === 1 ? 'item' : 'items'} behind`;
      this.text('[data-plan-line]', `${p.done} of ${p.total} items done, ${behind}.`);
    } else this.text('[data-plan-line]', 'No plan yet.');

    const kept = STUDY_STORES.reduce((sum, { format }) => sum + storeOf({ format }).quarantined().length, 0);
    this.text(
      '[data-quarantine-line]',
      kept === 0
        ? 'Nothing was kept aside.'
        : `${kept} saved ${kept === 1 ? 'text' : 'texts'} could not be read and ${kept === 1 ? 'was' : 'were'} kept aside unchanged.`,
    );
    this.querySelector<HTMLButtonElement>('[data-quarantine]')!.disabled = kept === 0;
  }

  private exportAll() {
    const now = new Date();
    const values = STUDY_STORES.map(({ format }) => storeOf({ format }).get());
    downloadText(
      serializeBackup(STUDY_STORES, values, now),
      `mlguide-backup-${localDay(now)}.json`,
      'application/json',
    );
    this.text('[data-error]', '');
    this.text('[data-status]', 'Exported all study state.');
  }

  /** Reads the whole file first; only a file that is entirely valid is merged into anything. */
  private async importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.text('[data-error]', '');
    this.text('[data-status]', '');
    const parsed =
      file.size > MAX_BACKUP_CHARS
        ? ({ ok: false, message: 'This file is far too large to be a backup of this guide.' } as const)
        : parseBackup(await file.text(), STUDY_STORES);
    if (!parsed.ok) {
      this.text('[data-error]', `Import failed: ${parsed.message} Nothing was changed.`);
      return;
    }
    const lines: string[] = [];
    for (const { store, value } of parsed.entries) {
      const target = versionedStore(store.format);
      const merged = store.merge(target.get(), value);
      if (merged.added + merged.updated > 0) target.set(merged.value);
      const line = describeMerge(store, merged);
      if (line) lines.push(line);
    }
    if (parsed.unknownKeys.length > 0)
      lines.push(`not imported, from a newer version of the guide: ${parsed.unknownKeys.join(', ')}`);
    this.text(
      '[data-status]',
      lines.length > 0
        ? `Imported. ${lines.join('; ')}.`
        : 'Imported: nothing new, everything in the file was already here.',
    );
  }

  private downloadQuarantine() {
    const now = new Date();
    const kept = Object.fromEntries(
      STUDY_STORES.map(({ format }) => [quarantineKey(format.key), storeOf({ format }).quarantined()]),
    );
    downloadText(serializeQuarantine(kept, now), `mlguide-kept-aside-${localDay(now)}.json`, 'application/json');
    this.text('[data-status]', 'Downloaded the data kept aside.');
  }
}

customElements.define('study-dashboard', StudyDashboard);
