import { WidgetElement } from '../shared/widget-element.ts';
import type { StateOf } from '../shared/state.ts';
import { ns, schema } from './schema.ts';
import { view } from './view.ts';

class CalibrationExplorer extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  // The pasted-data box only matters for the "custom" dataset.
  fieldVisibility = (state: StateOf<typeof schema>) => ({ csv: state.data === 'custom' });
}

customElements.define('calibration-explorer', CalibrationExplorer);
