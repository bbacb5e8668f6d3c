/**
 * The client half every widget shares. A widget is a custom element wrapping a WidgetFrame; this base
 * class reads its state from the URL, keeps controls and state in sync, validates each input with the
 * widget's schema, re-renders the output through the widget's pure `view`, writes the state back to
 * the URL, and handles presets and "Copy link". Subclasses only name their schema, namespace and view.
 */
import { fieldProblem, parseField, parseState, serializeState, type Schema, type StateOf } from './state.ts';
import type { WidgetResult } from './view.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export abstract class WidgetElement<S extends Schema> extends HTMLElement {
  abstract readonly schema: S;
  abstract readonly ns: string;
  abstract view(state: StateOf<S>): WidgetResult;
  /** Which fields matter in the current state (e.g. the paste box only for pasted data); others are hidden. */
  fieldVisibility?(state: StateOf<S>): Partial<Record<keyof S & string, boolean>>;

  protected state!: StateOf<S>;
  private pending = false;

  connectedCallback() {
    const { state, notices } = parseState(this.schema, this.ns, location.search);
    this.state = state;
    this.syncControls();
    // Without settings in the link, the build-time markup already shows this state: drawing it again
    // would only spend the reader's CPU while the page loads.
    const linked = [...new URLSearchParams(location.search).keys()].some((key) => key.startsWith(`${this.ns}.`));
    if (linked) this.render(notices);
    this.addEventListener('input', (e) => this.onInput(e));
    this.addEventListener('change', (e) => this.onInput(e));
    this.addEventListener('click', (e) => this.onClick(e));
  }

  private controls(): Control[] {
    return [...this.querySelectorAll<Control>('input[name], select[name], textarea[name]')].filter(
      (c) => c.name in this.schema,
    );
  }

  /** Puts the state into every control, except the one the reader is typing in. */
  protected syncControls(except?: Element) {
    for (const control of this.controls()) {
      if (control === except) continue;
      const value = (this.state as Record<string, unknown>)[control.name];
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = Boolean(value);
      else if (control instanceof HTMLInputElement && control.type === 'radio')
        control.checked = control.value === String(value);
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
    const field = this.schema[control.name];
    if (!field) return;
    const raw =
      control instanceof HTMLInputElement && control.type === 'checkbox'
        ? control.checked
          ? '1'
          : '0'
        : control.value;
    const problem = fieldProblem(field, raw);
    for (const twin of this.controls().filter((c) => c.name === control.name)) this.setProblem(twin, problem);
    if (problem) return; // keep showing the last valid result; the message says what to fix
    (this.state as Record<string, unknown>)[control.name] = parseField(field, raw);
    this.syncControls(control);
    this.scheduleRender();
  }

  private onClick(event: Event) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-preset], button[data-copy-link]');
    if (!button) return;
    if (button.dataset.preset) {
      Object.assign(this.state, JSON.parse(button.dataset.preset));
      this.syncControls();
      this.render([]);
    } else {
      void this.copyLink(button);
    }
  }

  private async copyLink(button: HTMLButtonElement) {
    const status = this.querySelector<HTMLElement>('[data-copy-status]');
    try {
      await navigator.clipboard.writeText(location.href);
      if (status) status.textContent = 'Link copied: it opens this widget exactly as you see it.';
    } catch {
      if (status) status.textContent = `Copy this link: ${location.href}`;
    }
    button.blur();
  }

  /** Coalesces a burst of slider events into one render per frame. */
  protected scheduleRender() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.render([]);
    });
  }

  /** Shows or hides the labelled field (slider, box and message) of one input. */
  protected showField(name: string, visible: boolean) {
    this.querySelector(`[name="${name}"]`)?.closest('.widget-field')?.toggleAttribute('hidden', !visible);
  }

  protected render(notices: string[]) {
    for (const [name, visible] of Object.entries(this.fieldVisibility?.(this.state) ?? {}))
      this.showField(name, Boolean(visible));
    const output = this.querySelector<HTMLElement>('[data-output]');
    const summary = this.querySelector<HTMLElement>('[data-summary]');
    const notice = this.querySelector<HTMLElement>('[data-notice]');
    const result = this.view(this.state);
    if (output) output.innerHTML = result.ok ? result.html : `<p class="widget-error" role="alert">${result.error}</p>`;
    if (summary) summary.textContent = result.ok ? result.summary : result.error;
    if (notice) notice.textContent = notices.join(' ');
    const search = serializeState(this.schema, this.ns, this.state, location.search);
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }
}
