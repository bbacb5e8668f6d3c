import { WidgetElement } from '../shared/widget-element.ts';
import { ns, schema } from './schema.ts';
import { view } from './view.ts';

class DriftDetector extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  private showField(name: keyof typeof schema, visible: boolean) {
    this.querySelector(`[name="${name}"]`)?.closest('.widget-field')?.toggleAttribute('hidden', !visible);
  }

  protected override render(notices: string[]) {
    // Pasted samples replace the generator's settings; categories replace the bin settings.
    const pasted = this.state.scenario === 'pasted';
    for (const name of ['n', 'strength', 'seed'] as const) this.showField(name, !pasted);
    for (const name of ['ref', 'cur'] as const) this.showField(name, pasted);
    for (const name of ['bins', 'binning'] as const) this.showField(name, this.state.scenario !== 'category');
    super.render(notices);
  }
}

customElements.define('drift-detector', DriftDetector);
