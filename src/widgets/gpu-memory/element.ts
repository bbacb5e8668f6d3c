import { WidgetElement } from '../shared/widget-element.ts';
import type { StateOf } from '../shared/state.ts';
import { ACTIVATION_FIELDS, ns, schema, TRAINING_FIELDS } from './schema.ts';
import { view } from './view.ts';

class GpuMemory extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  // Show only the inputs the chosen mode uses.
  fieldVisibility({ mode, act }: StateOf<typeof schema>) {
    const training = mode === 'training';
    return {
      dtype: !training,
      ...Object.fromEntries(TRAINING_FIELDS.map((name) => [name, training])),
      ...Object.fromEntries(ACTIVATION_FIELDS.map((name) => [name, training && act])),
    };
  }
}

customElements.define('gpu-memory', GpuMemory);
