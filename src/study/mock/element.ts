/**
 * <mock-interview>: the client half of the mock-interview mode. It keeps one MockSession in
 * localStorage, ticks once a second while the timer runs, and only ever writes text (textContent,
 * attributes), never HTML, so nothing from storage or the URL can inject markup. The clock itself is
 * silent for screen readers; phase changes, the one-minute warning and the end go to a polite live region.
 */
import { offerKeptAside } from '../../client/kept-aside.ts';
import { versionedStore } from '../../client/store.ts';
import { withBase } from '../../site/paths.ts';
import { formatClock, phaseAt, PHASES, remainingMs, spokenDuration, TOTAL_MS } from './plan.ts';
import { matchingPrompts, noMatchMessage, outlinePath, pickPrompt, type MockPrompt } from './prompts.ts';
import { isDimension, isScore, summarize } from './rubric.ts';
import {
  elapsedMs,
  finish,
  isRunning,
  isTimeUp,
  MOCK_FORMAT,
  NOTES_MAX,
  pause,
  reset,
  start,
  type MockSession,
} from './session.ts';

const URL_PARAM = 'mi.prompt';
const MINUTE = 60_000;

class MockInterview extends HTMLElement {
  private prompts: MockPrompt[] = [];
  private session!: MockSession;
  private timer: number | undefined;
  private saveTimer: number | undefined;
  /** Last phase and warning announced, so a reload or a tick never repeats an announcement. */
  private announcedPhase = -1;
  private warnedPhase = -1;
  private renderedPhase = -1;

  connectedCallback() {
    this.prompts = JSON.parse(this.dataset.prompts ?? '[]') as MockPrompt[];
    const notices: string[] = [];

    const store = versionedStore(MOCK_FORMAT);
    notices.push(...store.notices());
    this.session = store.get();
    if (this.session.prompt && !this.find(this.session.prompt)) this.session = { ...this.session, prompt: null };

    const shared = new URLSearchParams(location.search).get(URL_PARAM);
    if (shared !== null) {
      const prompt = this.find(shared);
      if (!prompt)
        notices.push(`The link names a prompt "${shared}" that is not one of the exercises; it was ignored.`);
      else if (prompt.slug !== this.session.prompt && elapsedMs(this.session, Date.now()) > 0)
        notices.push(`You have a mock in progress on another prompt. Reset the timer to switch to "${prompt.title}".`);
      else this.session = { ...this.session, prompt: prompt.slug };
    }

    this.q('[data-nojs]').hidden = true;
    this.q('[data-app]').hidden = false;
    this.setNotice(notices);
    offerKeptAside(this.q('[data-notice]'), store);

    const now = Date.now();
    // What a reader saw before a reload was already announced: do not repeat it.
    const at = phaseAt(elapsedMs(this.session, now));
    this.announcedPhase = at.index;
    this.warnedPhase = at.remainingMs <= MINUTE ? at.index : -1;
    if (isRunning(this.session) && isTimeUp(this.session, now)) this.session = finish(this.session, now);
    this.syncControls();
    this.renderPrompt();
    this.renderClock(now);
    this.renderDebrief();
    if (isRunning(this.session)) this.startTicking();

    this.addEventListener('click', (e) => this.onClick(e));
    this.addEventListener('change', (e) => this.onChange(e));
    this.addEventListener('input', (e) => this.onInput(e));
    this.addEventListener('keydown', (e) => this.onKey(e));
    // Another tab may run the same mock; follow it rather than overwrite it.
    store.subscribe((session) => {
      if (session === this.session) return; // our own save
      this.session = session;
      this.syncControls();
      this.renderPrompt();
      this.renderClock(Date.now());
      this.renderDebrief();
      if (isRunning(this.session)) this.startTicking();
      else this.stopTicking();
    });
  }

  disconnectedCallback() {
    this.stopTicking();
  }

  // ---- events -------------------------------------------------------------------------------

  private onClick(event: Event) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'pick') this.pick();
    else if (action === 'toggle') this.toggle();
    else if (action === 'finish') this.finishNow();
    else if (action === 'reset') this.resetAll();
  }

  private onChange(event: Event) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target.name === 'level' || target.name === 'domain') {
      this.session = { ...this.session, [target.name]: target.value };
      this.save();
      this.renderFilterMessage();
    } else if (target.name.startsWith('score-')) {
      const id = target.name.slice('score-'.length);
      const value = Number(target.value);
      if (isDimension(id) && isScore(value)) {
        this.session = { ...this.session, scores: { ...this.session.scores, [id]: value } };
        this.save();
        this.renderVerdict();
      }
    }
  }

  private onInput(event: Event) {
    const target = event.target as HTMLTextAreaElement;
    if (target.name !== 'notes') return;
    this.session = { ...this.session, notes: target.value.slice(0, NOTES_MAX) };
    this.q('[data-notes-status]').textContent = 'Saving…';
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => {
      this.q('[data-notes-status]').textContent = this.save() ? 'Saved in this browser.' : 'Not saved.';
    }, 400);
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

  // ---- actions ------------------------------------------------------------------------------

  private pick() {
    const filter = { level: this.session.level, domain: this.session.domain };
    const prompt = pickPrompt(matchingPrompts(this.prompts, filter), Math.random, this.session.prompt);
    if (!prompt) {
      this.announce(noMatchMessage(filter));
      return;
    }
    this.session = { ...this.session, prompt: prompt.slug };
    this.save();
    const url = new URL(location.href);
    url.searchParams.set(URL_PARAM, prompt.slug);
    history.replaceState(history.state, '', url);
    this.renderPrompt();
    this.renderDebrief();
    this.announce(`Exercise ${prompt.number}: ${prompt.prompt}`);
  }

  private toggle() {
    const now = Date.now();
    if (this.session.finished) {
      this.announce('This mock is finished. Reset it to start again.');
      return;
    }
    if (isRunning(this.session)) {
      this.session = pause(this.session, now);
      this.stopTicking();
      this.announce(`Paused with ${spokenDuration(remainingMs(elapsedMs(this.session, now)))} left.`);
    } else {
      this.session = start(this.session, now);
      this.startTicking();
      const { phase } = phaseAt(elapsedMs(this.session, now));
      this.announce(`Timer running. ${phase.label}: ${phase.nudge}`);
    }
    this.save();
    this.renderClock(now);
  }

  private finishNow() {
    const now = Date.now();
    this.session = finish(this.session, now);
    this.stopTicking();
    this.save();
    this.renderClock(now);
    this.renderDebrief();
    this.announce(`Mock finished after ${spokenDuration(elapsedMs(this.session, now))}. Score yourself below.`);
    this.q<HTMLElement>('[data-debrief-heading]').focus();
  }

  private resetAll() {
    const now = Date.now();
    if (
      elapsedMs(this.session, now) > 0 &&
      !window.confirm('Reset the timer to 45:00 and clear your scores? Your notes stay.')
    )
      return;
    this.session = reset(this.session);
    this.stopTicking();
    this.announcedPhase = 0;
    this.warnedPhase = -1;
    this.save();
    this.syncControls();
    this.renderClock(now);
    this.renderDebrief();
    this.announce('Timer reset to 45 minutes.');
  }

  private tick() {
    const now = Date.now();
    if (isRunning(this.session) && isTimeUp(this.session, now)) {
      this.session = finish(this.session, now);
      this.stopTicking();
      this.save();
      this.renderClock(now);
      this.renderDebrief();
      this.announce('Time is up. Recap your decisions, then score yourself in the debrief below.');
      return;
    }
    this.renderClock(now);
  }

  private startTicking() {
    if (this.timer === undefined) this.timer = window.setInterval(() => this.tick(), 1000);
  }

  private stopTicking() {
    window.clearInterval(this.timer);
    this.timer = undefined;
  }

  // ---- rendering ----------------------------------------------------------------------------

  private syncControls() {
    this.q<HTMLSelectElement>('select[name="level"]').value = this.session.level;
    this.q<HTMLSelectElement>('select[name="domain"]').value = this.session.domain;
    this.q<HTMLTextAreaElement>('textarea[name="notes"]').value = this.session.notes;
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[type="radio"][name^="score-"]')) {
      const id = radio.name.slice('score-'.length);
      radio.checked = isDimension(id) && String(this.session.scores[id]) === radio.value;
    }
    this.renderFilterMessage();
    this.renderVerdict();
  }

  private renderFilterMessage() {
    const filter = { level: this.session.level, domain: this.session.domain };
    const count = matchingPrompts(this.prompts, filter).length;
    this.q('[data-filter-count]').textContent =
      count === 0 ? noMatchMessage(filter) : `${count} prompt${count === 1 ? '' : 's'} match.`;
  }

  private renderPrompt() {
    const prompt = this.session.prompt ? this.find(this.session.prompt) : undefined;
    const link = this.q<HTMLAnchorElement>('[data-prompt-link]');
    if (!prompt) {
      this.q('[data-prompt-meta]').textContent = 'No prompt yet';
      this.q('[data-prompt-text]').textContent = 'Pick a random prompt, or bring your own and just start the clock.';
      link.hidden = true;
      return;
    }
    this.q('[data-prompt-meta]').textContent =
      `Exercise ${prompt.number} · ${prompt.level} · ${prompt.domains.join(', ')}`;
    this.q('[data-prompt-text]').textContent = prompt.prompt;
    link.href = withBase(`/practice/exercises/${prompt.slug}/`);
    link.textContent = `Open “${prompt.title}” (keep the outline closed until the end)`;
    link.hidden = false;
  }

  private renderClock(now: number) {
    const elapsed = elapsedMs(this.session, now);
    const at = phaseAt(elapsed);
    const running = isRunning(this.session);
    const over = elapsed >= TOTAL_MS;

    this.q('[data-remaining]').textContent = formatClock(remainingMs(elapsed));
    this.q('[data-elapsed]').textContent = formatClock(elapsed);
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
    this.q('[data-state]').textContent = this.session.finished
      ? 'Finished'
      : running
        ? 'Running'
        : elapsed > 0
          ? 'Paused'
          : 'Ready';

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
    const prompt = this.session.prompt ? this.find(this.session.prompt) : undefined;
    const outline = this.q<HTMLAnchorElement>('[data-outline-link]');
    if (prompt) {
      outline.href = withBase(outlinePath(prompt.slug));
      outline.textContent = `Compare with the worked outline for “${prompt.title}”`;
    } else {
      outline.href = withBase('/practice/exercises/');
      outline.textContent = 'Find the closest design exercise and compare with its worked outline';
    }
    this.q('[data-debrief-status]').textContent = isTimeUp(this.session, Date.now())
      ? 'Time is up. Before you look at the outline, say your recap out loud once more.'
      : `You finished after ${formatClock(elapsedMs(this.session, Date.now()))}.`;
  }

  /** The verdict is a status region, inside the debrief, which stays hidden until the mock ends. */
  private renderVerdict() {
    this.q('[data-verdict]').textContent = summarize(this.session.scores).verdict;
  }

  // ---- helpers ------------------------------------------------------------------------------

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

  private find(slug: string): MockPrompt | undefined {
    return this.prompts.find((p) => p.slug === slug);
  }

  private q<T extends HTMLElement = HTMLElement>(selector: string): T {
    const el = this.querySelector<T>(selector);
    if (!el) throw new Error(`mock-interview: missing ${selector}`);
    return el;
  }
}

customElements.define('mock-interview', MockInterview);
