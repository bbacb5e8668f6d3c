/**
 * Wires the drill panels drawn at build time (src/markdown/diagram-drill.ts): "Drill" hides one
 * box of the diagram, in the drawing and in its text alternative, and shows that box's question;
 * the reader picks an option (radio buttons: arrows to move, Enter to check) and learns the answer
 * with a link to the section that explains it. Nothing is stored.
 */
const HIDDEN_LABEL = '[hidden component]';

class DrillPanel {
  private readonly forms: HTMLFormElement[];
  private current = -1;

  constructor(
    private readonly panel: HTMLElement,
    private readonly figure: HTMLElement,
  ) {
    this.forms = [...panel.querySelectorAll<HTMLFormElement>('form[data-drill-node]')];
    panel.querySelector('[data-drill-start]')?.addEventListener('click', () => this.show(0));
    panel.querySelector('[data-drill-next]')?.addEventListener('click', () => this.show(this.current + 1));
    panel.querySelector('[data-drill-stop]')?.addEventListener('click', () => this.stop());
    for (const form of this.forms)
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.check(form);
      });
    panel.hidden = false;
  }

  private node(form: HTMLFormElement) {
    return this.figure.querySelector<SVGGElement>(`g.node[data-id="${CSS.escape(form.dataset.drillNode ?? '')}"]`);
  }

  /** Hides form `index`'s node (wrapping round) and asks its question. */
  private show(index: number) {
    this.reset();
    this.current = index % this.forms.length;
    const form = this.forms[this.current];
    const label = this.node(form)?.dataset.label ?? '';
    this.node(form)?.classList.add('drill-hidden');
    this.maskText(label);
    form.reset();
    form.hidden = false;
    this.panel.querySelector<HTMLElement>('[data-drill-controls]')!.hidden = false;
    form.querySelector<HTMLInputElement>('input')?.focus();
  }

  private check(form: HTMLFormElement) {
    const picked = new FormData(form).get(form.querySelector('input')?.name ?? '');
    if (picked === null) {
      this.status(form, 'Pick one of the options first.');
      return;
    }
    const answer = form.dataset.answer ?? '';
    this.status(
      form,
      picked === answer ? `Right: ${answer}.` : `Not quite: you picked ${String(picked)}; the hidden box is ${answer}.`,
    );
    this.node(form)?.classList.replace('drill-hidden', 'drill-revealed');
    this.maskText(null);
    form.querySelector<HTMLElement>('[data-drill-explain]')!.hidden = false;
  }

  private stop() {
    this.reset();
    this.panel.querySelector<HTMLElement>('[data-drill-controls]')!.hidden = true;
    this.panel.querySelector<HTMLElement>('[data-drill-start]')?.focus();
  }

  private reset() {
    for (const form of this.forms) {
      form.hidden = true;
      this.status(form, '');
      form.querySelector<HTMLElement>('[data-drill-explain]')!.hidden = true;
      this.node(form)?.classList.remove('drill-hidden', 'drill-revealed');
    }
    this.maskText(null);
  }

  /** Keeps the answer out of the "Diagram as text" list (the SVG's description) while it is hidden. */
  private maskText(label: string | null) {
    for (const item of this.figure.querySelectorAll<HTMLElement>('.diagram-text li')) {
      item.dataset.text ??= item.textContent ?? '';
      item.textContent = label ? item.dataset.text.split(label).join(HIDDEN_LABEL) : item.dataset.text;
    }
  }

  private status(form: HTMLFormElement, text: string) {
    form.querySelector('[data-drill-status]')!.textContent = text;
  }
}

export function startDrills() {
  for (const panel of document.querySelectorAll<HTMLElement>('.diagram-drill')) {
    const figure = panel.closest<HTMLElement>('figure.diagram');
    if (figure) new DrillPanel(panel, figure);
  }
}
