import { WidgetElement } from '../shared/widget-element.ts';
import type { StateOf } from '../shared/state.ts';
import { inputsOf, ns, schema } from './schema.ts';
import { view } from './view.ts';

/** The inputs that depend on the source of the latencies; the SLO and fan-out always show. */
const SOURCE_INPUTS = [...new Set(Object.values(inputsOf).flat())];

class LatencyPercentiles extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  // Show only the inputs of the chosen source (a distribution's parameters, or the paste box).
  fieldVisibility(state: StateOf<typeof schema>) {
    const shown = inputsOf[state.source] ?? [];
    return Object.fromEntries(SOURCE_INPUTS.map((name) => [name, shown.includes(name)]));
  }
}

customElements.define('latency-percentiles', LatencyPercentiles);
