import { WidgetElement } from '../shared/widget-element.ts';
import { ns, schema } from './schema.ts';
import { view } from './view.ts';

class ThresholdExplorer extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  protected override render(notices: string[]) {
    // The pasted-data box only matters for the "custom" dataset.
    this.querySelector<HTMLElement>('.widget-field-text')?.toggleAttribute('hidden', this.state.data !== 'custom');
    super.render(notices);
  }
}

customElements.define('threshold-explorer', ThresholdExplorer);
