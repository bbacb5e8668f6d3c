import { WidgetElement } from '../shared/widget-element.ts';
import { ns, schema } from './schema.ts';
import { view } from './view.ts';

class PitJoin extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;
}

customElements.define('pit-join', PitJoin);
