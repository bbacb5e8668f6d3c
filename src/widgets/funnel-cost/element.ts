import { WidgetElement } from '../shared/widget-element.ts';
import { ns, schema } from './schema.ts';
import { view } from './view.ts';

class FunnelCost extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;
}

customElements.define('funnel-cost', FunnelCost);
