/**
 * <interviewer-view>: the client half of InterviewerView.astro. It keeps the interviewer's sheet in
 * localStorage (state.ts), runs the clock, reveals the follow-ups at their minute marks (and on
 * request), and keeps the score code and the candidate's link up to date as the interviewer ticks
 * and scores. Text only, through textContent.
 */
import { offerKeptAside } from '../../client/kept-aside.ts';
import { versionedStore } from '../../client/store.ts';
import { withBase } from '../../site/paths.ts';
import { checkedItems, renderChecklist } from '../rubric/checklist.ts';
import { encodeScoreCode } from '../rubric/score-code.ts';
import { elapsedMs, isTimeUp, pauseClock, shiftClock, startClock, clockInThePast } from '../mock/clock.ts';
import { showClockFace } from '../mock/clock-face.ts';
import { formatClock, phaseAt, TOTAL_MS } from '../mock/plan.ts';
import { fetchPromptData } from '../mock/prompt-fetch.ts';
import {
  MOCK_PAGE,
  normalizePromptId,
  scoresPath,
  pageOfPrompt,
  promptLabel,
  promptRef,
  type MockPrompt,
  type PromptData,
} from '../mock/prompts.ts';
import { scoreOf, showScores } from '../mock/score-sheet.ts';
import { Ticker } from '../mock/ticker.ts';
import {
  followUpMarks,
  hasProgress,
  INTERVIEWER_FORMAT,
  INTERVIEWER_PROMPT_PARAM,
  newSheet,
  unlockedCount,
  type InterviewerSheet,
} from './state.ts';
import { TRACKS } from '../../config/taxonomy.ts';

class InterviewerView extends HTMLElement {
  private prompts: MockPrompt[] = [];
  private sheet!: InterviewerSheet;
  private data: PromptData | null = null;
  private shown = -1;
  private ticker = new Ticker((now, wentBack) => this.tick(now, wentBack));

  connectedCallback() {
    this.prompts = JSON.parse(this.dataset.prompts ?? '[]') as MockPrompt[];
    const store = versionedStore(INTERVIEWER_FORMAT);
    const notices = [...store.notices()];
    const now = Date.now();
    const loaded = store.get();
    this.sheet = clockInThePast(loaded, now);
    if (this.sheet.prompt && !this.find(this.sheet.prompt)) this.sheet = newSheet();

    const shared = new URLSearchParams(location.search).get(INTERVIEWER_PROMPT_PARAM);
    if (shared !== null) {
      const prompt = this.find(normalizePromptId(shared) ?? '');
      if (!prompt) notices.push(`The link names a prompt "${shared}" that is not one of the cases or exercises.`);
      else if (prompt.id !== this.sheet.prompt && hasProgress(this.sheet))
        notices.push(
          `Your sheet for “${this.find(this.sheet.prompt!)!.title}” is kept. Press Reset to interview on “${prompt.title}”.`,
        );
      else if (prompt.id !== this.sheet.prompt) this.sheet = newSheet(prompt.id);
    }
    if (this.sheet !== loaded) this.save();

    this.q('[data-nojs]').hidden = true;
    this.q('[data-app]').hidden = false;
    this.q('[data-notice]').textContent = notices.join(' ');
    offerKeptAside(this.q('[data-notice]'), store);
    this.pendingPrompt = shared !== null ? (normalizePromptId(shared) ?? null) : null;
    this.addEventListener('click', (e) => this.onClick(e));
    this.addEventListener('change', (e) => this.onChange(e));
    store.subscribe((sheet) => {
      if (sheet === this.sheet) return; // our own save
      this.sheet = sheet;
      void this.render();
    });
    void this.render();
  }

  /** A prompt the link asked for while a sheet on another prompt was kept; Reset switches to it. */
  private pendingPrompt: string | null = null;

  disconnectedCallback() {
    this.ticker.stop();
  }

  private onClick(event: Event) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const action = button?.dataset.action;
    if (action === 'toggle' && (event as MouseEvent).detail <= 1) this.toggle();
    else if (action === 'reset') this.reset();
    else if (action === 'reveal') this.update({ revealed: this.unlocked(Date.now()) + 1 });
    else if (action === 'copy') void this.copy();
  }

  private onChange(event: Event) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const score = scoreOf(target);
    if (target.name === 'prompt') this.choose(target.value);
    else if (score) this.update({ scores: { ...this.sheet.scores, [score.id]: score.score } });
    else if (target.matches('[data-checklist] input[data-covered]'))
      this.update({ covered: checkedItems(this.q('[data-checklist]')) });
  }

  private choose(id: string) {
    if (id === (this.sheet.prompt ?? '')) return;
    if (
      hasProgress(this.sheet) &&
      !window.confirm('Start a new sheet for this prompt? The clock, ticks and scores are cleared.')
    ) {
      this.q<HTMLSelectElement>('select[name="prompt"]').value = this.sheet.prompt ?? '';
      return;
    }
    this.ticker.stop();
    this.sheet = newSheet(this.find(id) ? id : null);
    this.save();
    void this.render();
  }

  private toggle() {
    const now = Date.now();
    if (this.sheet.startedAt !== null) this.sheet = pauseClock(this.sheet, now);
    else this.sheet = startClock(this.sheet, now);
    this.save();
    void this.render();
  }

  private reset() {
    const keep = this.pendingPrompt ?? this.sheet.prompt;
    if (hasProgress(this.sheet) && !window.confirm('Reset the clock and clear the ticks and scores?')) return;
    this.pendingPrompt = null;
    this.sheet = newSheet(keep);
    this.q('[data-notice]').textContent = '';
    this.save();
    void this.render();
  }

  private update(change: Partial<InterviewerSheet>) {
    this.sheet = { ...this.sheet, ...change };
    this.save();
    this.renderLadder(Date.now());
    this.renderCode();
  }

  private tick(now: number, wentBack: number) {
    if (wentBack !== 0) this.sheet = shiftClock(this.sheet, wentBack); // the system clock went back (ticker.ts)
    if (this.sheet.startedAt !== null && isTimeUp(this.sheet, now)) {
      this.sheet = pauseClock(this.sheet, now);
      this.save();
      this.announce('Time is up. Finish the scores and hand them back.');
    } else if (wentBack !== 0) this.save();
    this.renderClock(now);
    this.renderLadder(now);
  }

  private async copy() {
    const status = this.q('[data-copy-status]');
    try {
      await navigator.clipboard.writeText(this.q<HTMLAnchorElement>('[data-handback-link]').href);
      status.textContent = 'Copied.';
    } catch {
      status.textContent = 'Copying is blocked here: read the code aloud, or right-click the link and copy it.';
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  private async render() {
    const prompt = this.current();
    this.q<HTMLSelectElement>('select[name="prompt"]').value = prompt?.id ?? '';
    const page = this.q<HTMLAnchorElement>('[data-page-link]');
    page.hidden = !prompt;
    if (prompt) {
      this.q('[data-prompt-meta]').textContent =
        `${promptLabel(prompt)} · ${prompt.level} · ${TRACKS[prompt.track]} · ${prompt.domains.join(', ')}`;
      this.q('[data-prompt-text]').textContent = prompt.prompt;
      page.href = withBase(`/${pageOfPrompt(prompt.id)}/`);
      page.textContent = `The worked answer to “${prompt.title}” (for you, not the candidate)`;
    } else {
      this.q('[data-prompt-meta]').textContent = 'No prompt yet';
      this.q('[data-prompt-text]').textContent = 'Choose a prompt, or open the link the candidate sent you.';
    }
    showScores(this, this.sheet.scores);
    const now = Date.now();
    this.renderClock(now);
    if (this.sheet.startedAt !== null) this.ticker.start();
    else this.ticker.stop();
    if (!prompt) {
      this.data = null;
      this.q('[data-ladder]').replaceChildren();
      this.q('[data-checklist]').replaceChildren();
      this.renderCode();
      return;
    }
    if (this.data?.id !== prompt.id) {
      const data = await fetchPromptData(prompt.id);
      if (typeof data === 'string') {
        this.q('[data-notice]').textContent =
          `${data} Use the follow-up ladder and rubric on the prompt’s page instead.`;
        return;
      }
      if (this.current()?.id !== prompt.id) return; // the prompt changed while fetching
      this.data = data;
      this.shown = -1;
    }
    renderChecklist(this.q('[data-checklist]'), this.data.rubric, this.sheet.covered);
    this.renderLadder(Date.now());
    this.renderCode();
  }

  private unlocked(now: number): number {
    const marks = followUpMarks(this.data?.followUps.length ?? 0);
    return unlockedCount(marks, elapsedMs(this.sheet, now), this.sheet.revealed);
  }

  private renderClock(now: number) {
    const elapsed = elapsedMs(this.sheet, now);
    const running = this.sheet.startedAt !== null;
    showClockFace(
      this,
      elapsed,
      running ? 'Running' : elapsed >= TOTAL_MS ? 'Time is up' : elapsed > 0 ? 'Paused' : 'Ready',
    );
    this.q('[data-phase-line]').textContent =
      elapsed >= TOTAL_MS ? 'Time is up.' : `The candidate should be on: ${phaseAt(elapsed).phase.label}`;
    const toggle = this.q<HTMLButtonElement>('[data-action="toggle"]');
    toggle.textContent = running ? 'Pause' : elapsed > 0 ? 'Resume' : 'Start';
    toggle.disabled = elapsed >= TOTAL_MS;
  }

  /** Draws the ladder; announces a follow-up the moment it unlocks. */
  private renderLadder(now: number) {
    if (!this.data) return;
    const followUps = this.data.followUps;
    const marks = followUpMarks(followUps.length);
    const count = this.unlocked(now);
    this.q<HTMLButtonElement>('[data-action="reveal"]').disabled = count >= followUps.length;
    if (count === this.shown) return;
    if (this.shown >= 0 && count > this.shown)
      this.announce(`Follow-up ${count} is ready: ${followUps[count - 1].ask}`);
    this.shown = count;
    this.q('[data-ladder]').replaceChildren(
      ...followUps.map((followUp, i) => {
        const li = document.createElement('li');
        if (i >= count) {
          li.dataset.locked = '';
          li.textContent = `Unlocks at ${formatClock(marks[i])}`;
          return li;
        }
        const ask = document.createElement('p');
        ask.className = 'iv-ask';
        ask.textContent = followUp.ask;
        const details = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = 'A strong answer';
        const answer = document.createElement('p');
        answer.textContent = followUp.answer;
        details.append(summary, answer);
        li.append(ask, details);
        return li;
      }),
    );
  }

  private renderCode() {
    const prompt = this.current();
    const output = this.q('[data-code]');
    const link = this.q<HTMLAnchorElement>('[data-handback-link]');
    if (!prompt || !this.data) {
      output.textContent = '(choose a prompt first)';
      link.href = withBase(MOCK_PAGE);
      return;
    }
    const ids = this.data.rubric.map((item) => item.id);
    const code = encodeScoreCode(promptRef(prompt), ids, this.sheet.covered, this.sheet.scores);
    output.textContent = code;
    link.href = new URL(withBase(scoresPath(code)), location.href).href;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private save() {
    const store = versionedStore(INTERVIEWER_FORMAT);
    store.set(this.sheet);
    const problems = store.notices();
    if (problems.length > 0) this.q('[data-notice]').textContent = problems.join(' ');
  }

  private announce(text: string) {
    const live = this.q('[data-live]');
    live.textContent = '';
    window.setTimeout(() => (live.textContent = text), 50);
  }

  private current(): MockPrompt | undefined {
    return this.sheet.prompt ? this.find(this.sheet.prompt) : undefined;
  }

  private find(id: string): MockPrompt | undefined {
    return this.prompts.find((p) => p.id === id);
  }

  private q<T extends HTMLElement = HTMLElement>(selector: string): T {
    const el = this.querySelector<T>(selector);
    if (!el) throw new Error(`interviewer-view: missing ${selector}`);
    return el;
  }
}

customElements.define('interviewer-view', InterviewerView);
