/**
 * The client half every widget shares. `defineWidget(tag, { schema, ns, loadView })` defines a
 * custom element around a WidgetFrame that reads its state from the URL, keeps controls and state
 * in sync, validates each input with the schema, re-renders the output and the fields' visibility
 * through the pure view and `schema.visibility`, writes the state back to the URL, and handles
 * presets, actions and "Copy link".
 *
 * The page already shows the build-time output of the default state, so the view (with the maths
 * it imports) is fetched only when it is needed: as soon as the reader points at or focuses the
 * widget, or at once when the link carries settings. A widget page loads a few KB of script.
 * A view that can take longer than a frame at its largest inputs runs those in a worker instead
 * (`worker`, see view-worker.ts), so the page never blocks on it; the states it computes within a
 * frame (`onPage`) stay on the page, which answers them without the worker's round trip.
 */
import { fieldProblem, parseField, textProblem, type Field } from '../../client/fields.ts';
import { keepPasted, withKeptPasted } from '../../client/pasted-session.ts';
import { hasNamespace, linkQuery, parseState } from '../../client/url-state.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { resultHtml, type WidgetResult } from './result.ts';
import type { ViewRequest, ViewResponse } from './view-worker.ts';
import { presetState, visibleFields, type StateOf, type WidgetSchema } from './schema.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

type View<S extends WidgetSchema> = (state: StateOf<S>) => WidgetResult;

export interface WidgetDefinition<S extends WidgetSchema> {
  schema: S;
  /** The URL namespace: ?<ns>.<key>=value. */
  ns: string;
  /** The widget's view module, loaded on demand: `() => import('./view.ts')`. */
  loadView: () => Promise<{ view: View<S> }>;
  /**
   * Buttons beyond presets (`<button data-action="name" data-value="…">` in the frame's slot): each
   * returns (or resolves to) the state change it makes; a MetricInputError is shown as a notice.
   */
  actions?: Record<string, (state: StateOf<S>, value: string) => Partial<StateOf<S>> | Promise<Partial<StateOf<S>>>>;
  /**
   * A worker that serves the same view (`new Worker(new URL('./worker.ts', import.meta.url), { type:
   * 'module' })`), for views that can block the page at their largest inputs. It starts when the
   * first state that is not `onPage` comes.
   */
  worker?: () => Worker;
  /**
   * With a worker, the states the view computes on the page: those it answers within a frame (the
   * default sizes, say). Posting a state to a worker and drawing its answer costs about 10 ms more
   * than computing a small state here. Without it, every state goes to the worker.
   */
  onPage?: (state: StateOf<S>) => boolean;
}

export function defineWidget<S extends WidgetSchema>(tag: string, definition: WidgetDefinition<S>): void {
  const { schema, ns, loadView, actions = {} } = definition;
  /** Whether the view runs on the page for this state (always, for a widget without a worker). */
  const onPage = (state: StateOf<S>) => !definition.worker || (definition.onPage?.(state) ?? false);
  const fields: Record<string, Field> = schema.fields;
  let viewModule: Promise<View<S>> | undefined;
  let worker: Worker | undefined;
  /** The worker answered its first ping (shared by the page's instances); unset when it fails. */
  let workerUp: Promise<unknown> | undefined;
  const waiting = new Map<number, (response: ViewResponse) => void>();
  let lastRequest = 0;

  /**
   * The view's answer from the worker (started on first use, shared by the page's instances); with
   * no state, just whether the worker is up, after it has computed `warmUp` once. A worker that fails
   * to start (offline) fails every waiting call, and the next call starts a new one.
   */
  function inWorker(state?: StateOf<S>, warmUp?: StateOf<S>): Promise<WidgetResult | undefined> {
    if (!worker) {
      const started = definition.worker!();
      started.addEventListener('message', (event: MessageEvent<ViewResponse>) => {
        waiting.get(event.data.id)?.(event.data);
        waiting.delete(event.data.id);
      });
      started.addEventListener('error', () => {
        worker = undefined;
        workerUp = undefined;
        for (const answer of waiting.values()) answer({ id: 0, bug: 'The widget could not start its worker.' });
        waiting.clear();
      });
      worker = started;
    }
    const request: ViewRequest = { id: ++lastRequest, state, warmUp };
    return new Promise((resolve, reject) => {
      waiting.set(request.id, ({ result, bug }) => (bug ? reject(new Error(bug)) : resolve(result)));
      worker!.postMessage(request);
    });
  }

  class Widget extends HTMLElement {
    private state!: StateOf<S>;
    /** A render is under way; `stale` says the state changed since it began. */
    private rendering = false;
    private stale = false;
    /** What the link's settings gave (unknown keys, bad values): shown with the first render. */
    private linkNotices: string[] = [];
    /** Fields of pasted data too long for the link (see linkQuery): the link carries only the settings. */
    private leftOut: string[] = [];
    /** Where a drag under way started, if in this widget: text dragged within a box only moves. */
    private dragSource: EventTarget | null = null;

    /** The pure view, fetched once per page (public, so the site crawl can compare the build-time output with it). */
    loadView(): Promise<View<S>> {
      viewModule ??= loadView().then((module) => module.view);
      viewModule.catch(() => {
        viewModule = undefined; // offline for a moment: try again on the next gesture
        this.notice(['This widget could not load its code, so the numbers shown are for the default settings.']);
      });
      return viewModule;
    }

    /**
     * Resolves once the widget can answer the state on screen: its view loaded, or its worker started
     * and answering. `warmUp` (when the reader reaches for a control) has the view compute that state
     * once first, so the first change it answers runs compiled code (the first call of a view can
     * take ten times as long as the next).
     */
    ready(warmUp = false): Promise<unknown> {
      const state = { ...this.state };
      if (onPage(state)) return this.loadView().then((view) => warmUp && view(state));
      workerUp ??= inWorker(undefined, warmUp ? state : undefined).catch((error: unknown) => {
        workerUp = undefined;
        throw error;
      });
      return workerUp;
    }

    /** The view's result for the current state, on the page or in the worker (see `onPage`). */
    private async compute(): Promise<WidgetResult> {
      const state = { ...this.state };
      if (onPage(state)) return (await this.loadView())(state);
      try {
        return (await inWorker(state))!;
      } catch (error) {
        // Throwing here would leave the widget busy forever; the console still sees what failed.
        console.error(error);
        return { ok: false, error: 'This widget could not compute these settings; change one to try again.' };
      }
    }

    connectedCallback() {
      const linked = hasNamespace(ns, location.search);
      const { state, notices } = parseState(schema.fields, ns, location.search);
      // Pasted data left out of this page's link comes back from the tab (a reload, going back).
      this.state = (linked ? withKeptPasted(schema.fields, ns, location.search, state) : state) as StateOf<S>;
      this.syncControls();
      // Without settings in the link, the build-time markup already shows this state: the view is
      // fetched when the reader reaches for a control.
      // aria-busy says the numbers on screen are about to change (assistive tech waits; tests wait on it).
      if (linked) {
        this.linkNotices = notices;
        this.scheduleRender();
      }
      for (const gesture of ['pointerover', 'focusin', 'touchstart'])
        this.addEventListener(gesture, () => void this.ready(true).catch(() => undefined), {
          once: true,
          passive: true,
        });
      this.addEventListener('input', (event) => this.onInput(event));
      this.addEventListener('change', (event) => this.onInput(event));
      this.addEventListener('click', (event) => this.onClick(event));
      this.addEventListener('paste', (event) => this.onInsert(event));
      this.addEventListener('drop', (event) => this.onInsert(event));
      this.addEventListener('dragstart', (event) => (this.dragSource = event.target));
      this.addEventListener('dragend', () => (this.dragSource = null));
    }

    private controls(): Control[] {
      return [...this.querySelectorAll<Control>('input[name], select[name], textarea[name]')].filter((control) =>
        Object.hasOwn(fields, control.name),
      );
    }

    /** Puts the state into every control, except the one the reader is typing in. */
    private syncControls(except?: Element) {
      for (const control of this.controls()) {
        if (control === except) continue;
        const value = (this.state as Record<string, unknown>)[control.name];
        if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = Boolean(value);
        else control.value = String(value);
        this.setProblem(control, null);
      }
    }

    private setProblem(control: Control, problem: string | null) {
      const message = this.querySelector<HTMLElement>(`[data-problem-for="${control.name}"]`);
      control.toggleAttribute('aria-invalid', problem !== null);
      if (message) message.textContent = problem ?? '';
    }

    private onInput(event: Event) {
      const control = event.target as Control;
      if (!Object.hasOwn(fields, control.name)) return;
      const field = fields[control.name] as Field;
      const checkbox = control instanceof HTMLInputElement && control.type === 'checkbox';
      const raw = checkbox ? (control.checked ? '1' : '0') : control.value;
      const problem = fieldProblem(field, raw);
      for (const twin of this.controls().filter((c) => c.name === control.name)) this.setProblem(twin, problem);
      if (problem) return; // keep showing the last valid result; the message says what to fix
      (this.state as Record<string, unknown>)[control.name] = parseField(field, raw);
      this.syncControls(control);
      this.scheduleRender();
    }

    /**
     * Refuses a paste or a drop that would make a text box longer than its field takes, before the
     * browser puts it in: laying out tens of thousands of lines freezes a phone for seconds, only for
     * the widget to answer that the text is too long. The box keeps what it had; the message says why.
     */
    private onInsert(event: ClipboardEvent | DragEvent) {
      const box = event.target;
      if (!(box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement)) return;
      const field = Object.hasOwn(fields, box.name) ? fields[box.name] : undefined;
      // Text dragged within the box moves; it adds nothing.
      if (field?.kind !== 'text' || (event instanceof DragEvent && this.dragSource === box)) return;
      const data = event instanceof DragEvent ? event.dataTransfer : event.clipboardData;
      const text = (data?.getData('text/plain') ?? '').replace(/\r\n?/g, '\n');
      const { value, selectionStart, selectionEnd } = box;
      // A paste replaces the selection; a drop lands where the pointer is, which is known only once
      // it has landed, and adds as many lines wherever it lands.
      const next =
        event instanceof DragEvent
          ? value + text
          : value.slice(0, selectionStart ?? value.length) + text + value.slice(selectionEnd ?? value.length);
      const problem = textProblem(field, next, 'would then hold');
      if (!problem) return;
      event.preventDefault();
      const message = this.querySelector<HTMLElement>(`[data-problem-for="${box.name}"]`);
      if (message) message.textContent = `Nothing was ${event.type === 'drop' ? 'dropped' : 'pasted'}: ${problem}`;
    }

    private onClick(event: Event) {
      const button = (event.target as Element).closest<HTMLButtonElement>(
        'button[data-preset], button[data-action], button[data-copy-link]',
      );
      if (!button) return;
      const preset = button.dataset.preset;
      if (preset) void this.apply(() => presetState(schema, this.state, JSON.parse(preset) as Partial<StateOf<S>>));
      else if (button.dataset.action) {
        const action = actions[button.dataset.action];
        if (action) void this.apply(() => action(this.state, button.dataset.value ?? ''));
      } else void this.copyLink(button);
    }

    /**
     * Applies a state change from a preset or an action; an input error becomes a notice. The state
     * changes at once (a preset is not computed), so a later input cannot be overwritten by it; only
     * the drawing waits for the view.
     */
    private async apply(change: () => Partial<StateOf<S>> | Promise<Partial<StateOf<S>>>) {
      let next: Partial<StateOf<S>>;
      try {
        next = await change();
      } catch (error) {
        if (!(error instanceof MetricInputError)) throw error;
        this.notice([error.message]);
        return;
      }
      Object.assign(this.state, next);
      this.syncControls();
      this.scheduleRender();
    }

    private async copyLink(button: HTMLButtonElement) {
      const status = this.querySelector<HTMLElement>('[data-copy-status]');
      try {
        await navigator.clipboard.writeText(location.href);
        if (status)
          status.textContent = this.leftOut.length
            ? `Link copied, with your settings only: ${this.pastedData()} is too long for a link and stays on this page.`
            : 'Link copied: it opens this widget exactly as you see it.';
      } catch {
        const only = this.leftOut.length ? ' (your settings only: the pasted data stays on this page)' : '';
        if (status) status.textContent = `Copy this link${only}: ${location.href}`;
      }
      button.blur();
    }

    /**
     * Renders the newest state at once, so the answer is painted in the next frame: browsers deliver
     * a slider drag's input events once per frame, and a state that changed while the view was
     * computing (in a worker, or while its code loads) is computed again before drawing.
     */
    private scheduleRender() {
      this.setAttribute('aria-busy', 'true');
      this.stale = true;
      if (this.rendering) return;
      this.rendering = true;
      void this.renderNewest().finally(() => (this.rendering = false));
    }

    private async renderNewest() {
      try {
        await this.ready();
      } catch {
        this.notice(['This widget could not load its code, so the numbers shown are for the default settings.']);
        this.removeAttribute('aria-busy'); // the next input tries again
        return;
      }
      let result: WidgetResult;
      do {
        this.stale = false;
        result = await this.compute();
      } while (this.stale);
      this.render(result);
    }

    /** `the pasted data in "Scores"` for the fields left out of the link. */
    private pastedData(capital = false): string {
      const labels = this.leftOut.map((name) => `"${(fields[name] as Field).label}"`);
      return `${capital ? 'The' : 'the'} pasted data in ${labels.join(' and ')}`;
    }

    private notice(lines: string[]) {
      const notice = this.querySelector<HTMLElement>('[data-notice]');
      if (notice) notice.textContent = lines.join(' ');
    }

    private render(result: WidgetResult) {
      const notices = this.linkNotices;
      this.linkNotices = [];
      // The address first: replaceState brings the page's styles up to date, which costs nothing
      // before the output changes and a few milliseconds after (Chromium).
      const { search, leftOut } = linkQuery(schema.fields, ns, this.state, location.search);
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
      this.leftOut = leftOut;
      const state = this.state as Record<string, unknown>;
      keepPasted(ns, Object.fromEntries(leftOut.map((name) => [name, String(state[name])])));
      for (const [name, visible] of Object.entries(visibleFields(schema, this.state)))
        this.querySelector(`[data-field="${name}"]`)?.toggleAttribute('hidden', !visible);
      const output = this.querySelector<HTMLElement>('[data-output]');
      const summary = this.querySelector<HTMLElement>('[data-summary]');
      if (output) output.innerHTML = resultHtml(result);
      if (summary) summary.textContent = result.ok ? result.summary : result.error;
      const linkNote = leftOut.length
        ? [
            `${this.pastedData(true)} is too long for a link, so the address and "Copy link" carry only your settings; the data stays on this page, and in this tab through a reload.`,
          ]
        : [];
      this.notice([...notices, ...linkNote]);
      this.removeAttribute('aria-busy');
    }
  }

  if (!customElements.get(tag)) customElements.define(tag, Widget);
}
