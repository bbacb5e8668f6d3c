import { WidgetElement } from '../shared/widget-element.ts';
import type { PolicyName } from '../../lib/fairness-policies.ts';
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

  private showField(name: keyof typeof schema, visible: boolean) {
    this.querySelector(`[name="${name}"]`)?.closest('.widget-field')?.toggleAttribute('hidden', !visible);
  }

  protected override render(notices: string[]) {
    // Two-group presets take a number per group; pasted data (any groups) takes group=threshold lines.
    const pasted = this.state.data === 'pasted';
    const perGroup = this.state.perGroup;
    this.showField('t', !perGroup || pasted);
    this.showField('tA', perGroup && !pasted);
    this.showField('tB', perGroup && !pasted);
    this.showField('tg', perGroup && pasted);
    this.showField('csv', pasted);
    super.render(notices);
  }
}

customElements.define('fairness-explorer', FairnessExplorer);
