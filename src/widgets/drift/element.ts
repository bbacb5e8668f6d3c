import { WidgetElement } from '../shared/widget-element.ts';
import type { StateOf } from '../shared/state.ts';
import { ns, schema } from './schema.ts';
import { view } from './view.ts';

class DriftDetector extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  // Pasted samples replace the generator's settings; categories replace the bin settings.
  fieldVisibility(state: StateOf<typeof schema>) {
    const pasted = state.scenario === 'pasted';
    const binned = state.scenario !== 'category';
    return { n: !pasted, strength: !pasted, seed: !pasted, ref: pasted, cur: pasted, bins: binned, binning: binned };
  }
}

customElements.define('drift-detector', DriftDetector);
