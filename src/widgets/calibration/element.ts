import { WidgetElement } from '../shared/widget-element.ts';
import { ns, schema } from './schema.ts';
import { view } from './view.ts';

class CalibrationExplorer extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  protected override render(notices: string[]) {
    // The pasted-data box only matters for the "custom" predictions.
    this.querySelector<HTMLElement>('.widget-field-text')?.toggleAttribute('hidden', this.state.data !== 'custom');
    super.render(notices);
  }
}

customElements.define('calibration-explorer', CalibrationExplorer);
