/**
 * <mock-interview>: the client half of the mock-interview mode. It keeps one MockSession in
 * localStorage, ticks once a second while the timer runs, and only ever writes text (textContent,
 * attributes), never HTML, so nothing from storage or the URL can inject markup. The clock itself is
 * silent for screen readers; phase changes, the one-minute warning and the end go to a polite live region.
 *
 * The debrief fetches the prompt's rubric when the mock ends, grades against it (the ticks are kept
 * in the session; "Make flashcards" records the grading, src/study/rubric/) and imports an
 * interviewer's score code, from the form or from a link (?mi.scores=<code>).
 */
import { offerKeptAside } from '../../client/kept-aside.ts';
import { versionedStore } from '../../client/store.ts';
import { withBase } from '../../site/paths.ts';
import { saveGrading, showRubricStatus } from '../rubric/grading-client.ts';
import { checkedItems, renderChecklist } from '../rubric/checklist.ts';
import { decodeScoreCode } from '../rubric/score-code.ts';
import { shiftClock } from './clock.ts';
import { showClockFace } from './clock-face.ts';
import { formatClock, formatElapsed, phaseAt, PHASES, remainingMs, spokenDuration, TOTAL_MS } from './plan.ts';
import { fetchPromptData } from './prompt-fetch.ts';
import {
  answerPath,
  matchingPrompts,
  MOCK_PROMPT_PARAM,
  MOCK_SCORES_PARAM,
  noMatchMessage,
  normalizePromptId,
  pageOfPrompt,
  pickPrompt,
  promptLabel,
  promptRef,
  type MockPrompt,
  type PromptData,
} from './prompts.ts';
import { AnswerRecorder } from './recorder.ts';
import { Ticker } from './ticker.ts';
import { scoreOf, showScores } from './score-sheet.ts';
import {
  elapsedMs,
  finish,
  isRunning,
  isTimeUp,
  MOCK_FORMAT,
  NOTES_MAX,
  pause,
  reset,
  settle,
  start,
  type MockSession,
} from './session.ts';
import { TRACKS } from '../../config/taxonomy.ts';
import { interviewerPath } from '../interviewer/state.ts';

const MINUTE = 60_000;
const FILTERS = ['track', 'level', 'domain'] as const;

class MockInterview extends HTMLElement {
  private prompts: MockPrompt[] = [];
  private session!: MockSession;
  private ticker = new Ticker((now, wentBack) => this.tick(now, wentBack));
  private saveTimer: number | undefined;
  /** Last phase and warning announced, so a reload or a tick never repeats an announcement. */
  private announcedPhase = -1;
  private warnedPhase = -1;
  private renderedPhase = -1;
  /** The rubric and follow-ups of the chosen prompt, once the debrief has fetched them. */
  private data: PromptData | null = null;
  private recorder!: AnswerRecorder;

  connectedCallback() {
    this.prompts = JSON.parse(this.dataset.prompts ?? '[]') as MockPrompt[];
    const notices: string[] = [];

    const store = versionedStore(MOCK_FORMAT);
    notices.push(...store.notices());
    const now = Date.now();
    const loaded = store.get();
    this.session = settle(loaded, now);
    if (this.session.prompt && !this.find(this.session.prompt)) this.session = { ...this.session, prompt: null };

    const params = new URLSearchParams(location.search);
    const shared = params.get(MOCK_PROMPT_PARAM);
    if (shared !== null) {
      const prompt = this.find(normalizePromptId(shared) ?? '');
      if (!prompt)
        notices.push(`The link names a prompt "${shared}" that is not one of the cases or exercises; it was ignored.`);
      else if (prompt.id !== this.session.prompt && elapsedMs(this.session, now) > 0)
        notices.push(`You have a mock in progress on another prompt. Reset the timer to switch to "${prompt.title}".`);
      else this.session = { ...this.session, prompt: prompt.id };
    }
    if (this.session !== loaded) this.save();

    this.q('[data-nojs]').hidden = true;
    this.q('[data-app]').hidden = false;
    this.setNotice(notices);
    this.recorder = new AnswerRecorder(this.q('[data-recorder]'), this.q('[data-recordings]'), (text) =>
      this.announce(text),
    );
    offerKeptAside(this.q('[data-notice]'), store);

    // What a reader saw before a reload was already announced: do not repeat it.
    const at = phaseAt(elapsedMs(this.session, now));
    this.announcedPhase = at.index;
    this.warnedPhase = at.remainingMs <= MINUTE ? at.index : -1;
    this.syncControls();
    this.renderPrompt();
    this.renderClock(now);
    this.renderDebrief();
    if (isRunning(this.session)) this.ticker.start();

    this.addEventListener('click', (e) => this.onClick(e as MouseEvent));
    this.addEventListener('change', (e) => this.onChange(e));
    this.addEventListener('input', (e) => this.onInput(e));
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.addEventListener('submit', (e) => this.onSubmit(e));
    // Leaving or hiding the page saves notes typed in the last moments.
    window.addEventListener('pagehide', () => this.flushNotes());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flushNotes();
    });
    // Another tab may run the same mock; follow it rather than overwrite it.
    store.subscribe((session) => {
      if (session === this.session) return; // our own save
      this.session = session;
      this.syncControls();
      this.renderPrompt();
      this.renderClock(Date.now());
      this.renderDebrief();
      if (isRunning(this.session)) this.ticker.start();
      else this.ticker.stop();
    });

    const code = params.get(MOCK_SCORES_PARAM);
    if (code !== null) {
      params.delete(MOCK_SCORES_PARAM);
      const search = params.toString();
      history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
      void this.importCode(code);
    }
  }

  disconnectedCallback() {
    this.ticker.stop();
  }

  // ---- events -------------------------------------------------------------------------------

  private onClick(event: MouseEvent) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    // The second click of a double-click would undo the first (start, then pause): ignore it.
    if (action === 'toggle' && event.detail > 1) return;
    if (action === 'pick') this.pick();
    else if (action === 'toggle') this.toggle();
    else if (action === 'finish') this.finishNow();
    else if (action === 'reset') this.resetAll();
    else if (action === 'grade') this.grade();
    else if (action === 'copy-interviewer') void this.copyInterviewerLink();
  }

  private onChange(event: Event) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const score = scoreOf(target);
    if ((FILTERS as readonly string[]).includes(target.name)) {
      this.session = { ...this.session, [target.name]: target.value };
      this.save();
      this.renderFilterMessage();
    } else if (score) {
      this.session = { ...this.session, scores: { ...this.session.scores, [score.id]: score.score } };
      this.save();
      showScores(this, this.session.scores);
    } else if (target.matches('[data-checklist] input[data-covered]')) {
      this.session = { ...this.session, covered: checkedItems(this.q('[data-checklist]')) };
      this.save();
    } else if (target.name === 'notes') this.flushNotes();
  }

  private onInput(event: Event) {
    const target = event.target as HTMLTextAreaElement;
    if (target.name !== 'notes') return;
    this.session = { ...this.session, notes: target.value.slice(0, NOTES_MAX) };
    this.q('[data-notes-status]').textContent = 'Saving…';
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => this.flushNotes(), 400);
  }

  /** Saves notes now if a save is pending. */
  private flushNotes() {
    if (this.saveTimer === undefined) return;
    window.clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.q('[data-notes-status]').textContent = this.save() ? 'Saved in this browser.' : 'Not saved.';
  }

  /** S starts or pauses and R resets, while focus is inside the mock but not in a text field. */
  private onKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.closest('textarea, input, select')) return;
    const key = event.key.toLowerCase();
    if (key === 's') this.toggle();
    else if (key === 'r') this.resetAll();
    else return;
    event.preventDefault();
  }

  private onSubmit(event: Event) {
    const form = event.target as HTMLFormElement;
    if (!form.matches('[data-import]')) return;
    event.preventDefault();
    void this.importCode(form.querySelector('input')!.value);
  }

  // ---- actions ------------------------------------------------------------------------------

  private pick() {
    const filter = { track: this.session.track, level: this.session.level, domain: this.session.domain };
    const prompt = pickPrompt(matchingPrompts(this.prompts, filter), Math.random, this.session.prompt);
    if (!prompt) {
      this.announce(noMatchMessage(filter));
      return;
    }
    this.session = { ...this.session, prompt: prompt.id };
    this.save();
    const url = new URL(location.href);
    url.searchParams.set(MOCK_PROMPT_PARAM, prompt.id);
    history.replaceState(history.state, '', url);
    this.renderPrompt();
    this.renderDebrief();
    this.announce(`${promptLabel(prompt)}: ${prompt.prompt}`);
  }

  private toggle() {
    const now = Date.now();
    if (this.session.finished) {
      this.announce('This mock is finished. Reset it to start again.');
      return;
    }
    if (isTimeUp(this.session, now)) {
      this.timeUp(now); // the time ran out while no tick ran: finish instead of a paused 0:00
      return;
    }
    if (isRunning(this.session)) {
      this.session = pause(this.session, now);
      this.ticker.stop();
      this.announce(`Paused with ${spokenDuration(remainingMs(elapsedMs(this.session, now)))} left.`);
    } else {
      this.session = start(this.session, now);
      this.ticker.start();
      const { phase } = phaseAt(elapsedMs(this.session, now));
      this.announce(`Timer running. ${phase.label}: ${phase.nudge}`);
    }
    this.save();
    this.renderClock(now);
    this.recorder.setPrompt(this.session.prompt, this.session.runId);
  }

  private finishNow() {
    const now = Date.now();
    this.session = finish(this.session, now);
    this.ended(now);
    this.announce(`Mock finished after ${spokenDuration(elapsedMs(this.session, now))}. Score yourself below.`);
    this.q<HTMLElement>('[data-debrief-heading]').focus();
  }

  private timeUp(now: number) {
    this.session = finish(this.session, now);
    this.ended(now);
    this.announce('Time is up. Recap your decisions, then score yourself in the debrief below.');
  }

  /** What finishing does, by the button or the clock. */
  private ended(now: number) {
    this.ticker.stop();
    this.recorder.stop();
    this.save();
    this.renderClock(now);
    this.renderDebrief();
  }

  private resetAll() {
    const now = Date.now();
    if (
      elapsedMs(this.session, now) > 0 &&
      !window.confirm(
        'Reset the timer to 45:00 and clear your scores and ticks? Your notes and recordings stay, and a mock with every dimension scored stays on your progress page.',
      )
    )
      return;
    this.session = reset(this.session);
    this.ticker.stop();
    this.announcedPhase = 0;
    this.warnedPhase = -1;
    this.save();
    this.syncControls();
    this.renderClock(now);
    this.renderDebrief();
    this.announce('Timer reset to 45 minutes.');
  }

  private tick(now: number, wentBack: number) {
    if (isRunning(this.session) && wentBack !== 0) {
      this.session = shiftClock(this.session, wentBack); // the system clock went back (ticker.ts)
      this.save();
    }
    if (isRunning(this.session) && isTimeUp(this.session, now)) this.timeUp(now);
    else this.renderClock(now);
  }

  private grade() {
    const prompt = this.current();
    if (!prompt || !this.data || this.data.id !== prompt.id) return;
    const now = Date.now();
    if (!this.session.runId) this.session = { ...this.session, runId: `m${now.toString(36)}` };
    this.save();
    const message = saveGrading(
      { page: pageOfPrompt(prompt.id), title: prompt.title, level: prompt.level, items: this.data.rubric },
      {
        id: `mock:${this.session.runId}`,
        source: 'mock',
        at: now,
        covered: this.session.covered,
        scores: this.session.scores,
      },
    );
    showRubricStatus(this.q('[data-grade-status]'), message);
  }

  /** Applies an interviewer's score code to this mock's debrief. */
  private async importCode(raw: string) {
    const byRef = (ref: string) => this.prompts.find((p) => promptRef(p) === ref);
    const named = /^\s*([ce]\d+)-/i.exec(raw);
    const prompt = named ? byRef(named[1].toLowerCase()) : undefined;
    const data = prompt ? await fetchPromptData(prompt.id) : null;
    if (typeof data === 'string') {
      this.showImport(`${data} The scores were not imported; try again when you are online.`);
      return;
    }
    const result = decodeScoreCode(raw, (ref) =>
      data && ref === promptRef(data) ? data.rubric.map((i) => i.id) : undefined,
    );
    if (!result.ok) {
      this.showImport(`${result.message} Nothing was changed.`);
      return;
    }
    const target = byRef(result.value.ref)!;
    const now = Date.now();
    if (this.session.prompt !== target.id && elapsedMs(this.session, now) > 0) {
      this.showImport(
        `These scores are for “${target.title}”, but your mock is on another prompt. Reset your mock, then import them again.`,
      );
      return;
    }
    this.session = {
      ...finish({ ...this.session, prompt: target.id }, now),
      covered: result.value.covered,
      scores: result.value.scores,
    };
    this.ended(now);
    this.syncControls();
    this.renderPrompt();
    const total = data!.rubric.length;
    this.q('[data-import-status]').textContent =
      `Imported your interviewer’s scores: ${result.value.covered.length} of ${total} rubric points covered. Check the ticks, then make flashcards from what you missed.`;
    this.q<HTMLElement>('[data-debrief-heading]').focus();
  }

  /** An import problem goes beside the form, or to the notice while the debrief is still closed. */
  private showImport(text: string) {
    if (this.session.finished) this.q('[data-import-status]').textContent = text;
    else this.setNotice([text]);
  }

  private async copyInterviewerLink() {
    const link = this.q<HTMLAnchorElement>('[data-interviewer-link]');
    const status = this.q('[data-copy-status]');
    try {
      await navigator.clipboard.writeText(link.href);
      status.textContent = 'Copied.';
    } catch {
      status.textContent = 'Copying is blocked here: right-click the “interviewer view” link and copy it.';
    }
  }

  // ---- rendering ----------------------------------------------------------------------------

  private syncControls() {
    for (const name of FILTERS) this.q<HTMLSelectElement>(`select[name="${name}"]`).value = this.session[name];
    this.q<HTMLTextAreaElement>('textarea[name="notes"]').value = this.session.notes;
    showScores(this, this.session.scores);
    this.renderFilterMessage();
  }

  private renderFilterMessage() {
    const filter = { track: this.session.track, level: this.session.level, domain: this.session.domain };
    const count = matchingPrompts(this.prompts, filter).length;
    this.q('[data-filter-count]').textContent =
      count === 0 ? noMatchMessage(filter) : `${count} prompt${count === 1 ? '' : 's'} match.`;
  }

  private renderPrompt() {
    const prompt = this.current();
    const link = this.q<HTMLAnchorElement>('[data-prompt-link]');
    this.q('[data-peer]').hidden = !prompt;
    this.recorder.setPrompt(prompt?.id ?? null, this.session.runId);
    if (!prompt) {
      this.q('[data-prompt-meta]').textContent = 'No prompt yet';
      this.q('[data-prompt-text]').textContent = 'Pick a random prompt, or bring your own and just start the clock.';
      link.hidden = true;
      return;
    }
    this.q('[data-prompt-meta]').textContent =
      `${promptLabel(prompt)} · ${prompt.level} · ${TRACKS[prompt.track]} · ${prompt.domains.join(', ')}`;
    this.q('[data-prompt-text]').textContent = prompt.prompt;
    link.href = withBase(`/${pageOfPrompt(prompt.id)}/`);
    link.textContent = `Open “${prompt.title}” (keep the answer closed until the end)`;
    link.hidden = false;
    this.q<HTMLAnchorElement>('[data-interviewer-link]').href = new URL(
      withBase(interviewerPath(prompt.id)),
      location.href,
    ).href;
  }

  private renderClock(now: number) {
    const elapsed = elapsedMs(this.session, now);
    const at = phaseAt(elapsed);
    const running = isRunning(this.session);
    const over = elapsed >= TOTAL_MS;

    showClockFace(
      this,
      elapsed,
      this.session.finished ? 'Finished' : running ? 'Running' : elapsed > 0 ? 'Paused' : 'Ready',
    );
    this.q<HTMLElement>('[data-bar]').style.width = `${((elapsed / TOTAL_MS) * 100).toFixed(2)}%`;
    this.q('[data-phase-line]').textContent = over
      ? 'Time is up.'
      : `Phase ${at.index + 1} of ${PHASES.length}: ${at.phase.label}, ${formatClock(at.remainingMs)} left in this phase`;
    if (at.index !== this.renderedPhase) {
      // Rebuilt only when the phase changes, so a screen reader browsing the list is not disturbed each second.
      this.renderedPhase = at.index;
      this.q('[data-cover-heading]').textContent = `Cover now (${at.phase.label}):`;
      this.q('[data-nudge]').textContent = at.phase.nudge;
      this.q('[data-cover]').replaceChildren(
        ...at.phase.cover.map((text) => {
          const li = document.createElement('li');
          li.textContent = text;
          return li;
        }),
      );
    }
    for (const li of this.querySelectorAll<HTMLElement>('[data-phase]')) {
      const index = Number(li.dataset.phase);
      li.dataset.state = index < at.index || over ? 'done' : index === at.index ? 'now' : 'later';
      if (index === at.index && !over) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    }

    const toggle = this.q<HTMLButtonElement>('[data-action="toggle"]');
    toggle.textContent = running ? 'Pause' : elapsed > 0 && !this.session.finished ? 'Resume' : 'Start';
    toggle.disabled = this.session.finished;
    this.q<HTMLButtonElement>('[data-action="finish"]').disabled = this.session.finished;

    if (running && at.index !== this.announcedPhase) {
      this.announcedPhase = at.index;
      this.warnedPhase = -1;
      this.announce(
        `Now phase ${at.index + 1} of ${PHASES.length}: ${at.phase.label}, ${at.phase.minutes} minutes. ${at.phase.nudge} Cover: ${at.phase.cover.join('; ')}.`,
      );
    } else if (running && at.remainingMs <= MINUTE && this.warnedPhase !== at.index && !over) {
      this.warnedPhase = at.index;
      const next = PHASES[at.index + 1];
      this.announce(`One minute left in ${at.phase.label}${next ? `; ${next.label} is next` : ''}.`);
    }
  }

  private renderDebrief() {
    const debrief = this.q('[data-debrief]');
    debrief.hidden = !this.session.finished;
    const prompt = this.current();
    const outline = this.q<HTMLAnchorElement>('[data-outline-link]');
    if (prompt) {
      outline.href = withBase(answerPath(prompt));
      outline.textContent =
        prompt.kind === 'case'
          ? `Compare with the worked answer to “${prompt.title}”`
          : `Compare with the worked outline for “${prompt.title}”`;
    } else {
      outline.href = withBase('/practice/cases/');
      outline.textContent = 'Find the closest worked case or exercise and compare with its answer';
    }
    this.q('[data-debrief-status]').textContent = isTimeUp(this.session, Date.now())
      ? 'Time is up. Before you look at the answer, say your recap out loud once more.'
      : `You finished after ${formatElapsed(elapsedMs(this.session, Date.now()))}.`;
    if (this.session.finished) void this.loadRubric();
  }

  /** Fetches and draws the chosen prompt's rubric: only once the mock has ended, so it is never seen before. */
  private async loadRubric() {
    const prompt = this.current();
    const list = this.q('[data-checklist]');
    const intro = this.q('[data-rubric-intro]');
    const button = this.q<HTMLButtonElement>('[data-action="grade"]');
    if (!prompt) {
      this.data = null;
      list.replaceChildren();
      intro.textContent = 'Pick a prompt next time to grade your answer against its own rubric.';
      button.disabled = true;
      return;
    }
    if (this.data?.id !== prompt.id) {
      const data = await fetchPromptData(prompt.id);
      if (typeof data === 'string') {
        intro.textContent = `${data} Grade yourself on the prompt’s page instead, under “Grade yourself”.`;
        button.disabled = true;
        return;
      }
      if (this.current()?.id !== prompt.id) return; // the prompt changed while fetching
      this.data = data;
    }
    intro.textContent = 'Tick each point your answer covered. Every point you missed becomes a flashcard, due now.';
    renderChecklist(list, this.data!.rubric, this.session.covered);
    button.disabled = false;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private current(): MockPrompt | undefined {
    return this.session.prompt ? this.find(this.session.prompt) : undefined;
  }

  private save(): boolean {
    const store = versionedStore(MOCK_FORMAT);
    const saved = store.set(this.session);
    const problems = store.notices();
    if (problems.length > 0) this.setNotice(problems);
    // Notices about what was skipped on load stay on screen, but this save itself worked.
    return saved;
  }

  private announce(text: string) {
    const live = this.q('[data-live]');
    // Clearing first makes a repeated sentence be read again.
    live.textContent = '';
    window.setTimeout(() => (live.textContent = text), 50);
  }

  private setNotice(lines: string[]) {
    this.q('[data-notice]').textContent = lines.join(' ');
  }

  private find(id: string): MockPrompt | undefined {
    return this.prompts.find((p) => p.id === id);
  }

  private q<T extends HTMLElement = HTMLElement>(selector: string): T {
    const el = this.querySelector<T>(selector);
    if (!el) throw new Error(`mock-interview: missing ${selector}`);
    return el;
  }
}

customElements.define('mock-interview', MockInterview);
