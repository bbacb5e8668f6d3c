import { WidgetElement } from '../shared/widget-element.ts';
import type { StateOf } from '../shared/state.ts';
import type { PolicyName } from '../../lib/fairness/policies.ts';
import { ns, schema } from './schema.ts';
import { policyState, view } from './view.ts';

class FairnessExplorer extends WidgetElement<typeof schema> {
  readonly schema = schema;
  readonly ns = ns;
  view = view;

  override connectedCallback() {
    super.connectedCallback();
    // Policy buttons work like presets, but their thresholds depend on the data shown.
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-policy]');
      if (!button) return;
      try {
        Object.assign(this.state, policyState(this.state, button.dataset.policy as PolicyName));
        this.syncControls();
        this.render([]);
      } catch (error) {
        this.render([(error as Error).message]);
      }
    });
  }

  // Two-group presets take a number per group; pasted data (any groups) takes group=threshold lines.
  fieldVisibility({ data, perGroup }: StateOf<typeof schema>) {
    const pasted = data === 'pasted';
    return {
      t: !perGroup || pasted,
      tA: perGroup && !pasted,
      tB: perGroup && !pasted,
      tg: perGroup && pasted,
      csv: pasted,
    };
  }
}

customElements.define('fairness-explorer', FairnessExplorer);
