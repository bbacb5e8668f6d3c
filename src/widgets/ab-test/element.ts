import { WidgetElement } from '../shared/widget-element.ts';
import type { StateOf } from '../shared/state.ts';
import { fieldsOf, ns, schema } from './schema.ts';
import { view } from './view.ts';

class AbTestPlanner extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  // Each part (plan, analyze, peek) shows only its own inputs; the part selector stays.
  fieldVisibility(state: StateOf<typeof schema>) {
    const shown = new Set<string>(['mode', ...(fieldsOf[state.mode] ?? [])]);
    return Object.fromEntries(Object.keys(schema).map((name) => [name, shown.has(name)]));
  }
}

customElements.define('ab-test-planner', AbTestPlanner);
