import { WidgetElement } from '../shared/widget-element.ts';
import type { StateOf } from '../shared/state.ts';
import { ns, schema } from './schema.ts';
import { view } from './view.ts';

class TrafficSplitter extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  // The count of generated ids or the paste box, whichever the chosen source uses.
  fieldVisibility = (state: StateOf<typeof schema>) => ({ n: state.ids !== 'pasted', list: state.ids === 'pasted' });
}

customElements.define('traffic-splitter', TrafficSplitter);
