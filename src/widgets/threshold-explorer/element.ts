import { WidgetElement } from '../shared/widget-element';
import { ns, schema } from './schema';
import { view } from './view';

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
