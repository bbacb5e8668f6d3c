/**
 * Shared harness for widget view tests: build a state from the defaults plus a patch, render it,
 * and read it back. `html()` fails on NaN, Infinity or "undefined" anywhere in the markup.
 */
import { expect } from 'vitest';
import { defaultState, type StateOf, type WidgetSchema } from '../../src/widgets/kit/schema.ts';
import type { WidgetResult } from '../../src/widgets/kit/result.ts';
import { escapeHtml } from '../../src/widgets/kit/format.ts';

export function viewHarness<S extends WidgetSchema>(schema: S, view: (state: StateOf<S>) => WidgetResult) {
  const state = (patch: Partial<StateOf<S>> = {}): StateOf<S> => ({ ...defaultState(schema), ...patch });
  return {
    state,
    html(patch: Partial<StateOf<S>> = {}): string {
      const result = view(state(patch));
      if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
      expect(result.html).not.toMatch(/NaN|Infinity|undefined/);
      expect(result.summary).not.toMatch(/NaN|Infinity|undefined/);
      return result.html;
    },
    /** The message as it reaches the markup (escaped), for an input the view must refuse. */
    error(patch: Partial<StateOf<S>> = {}): string {
      const result = view(state(patch));
      if (result.ok) throw new Error('expected an error message');
      return escapeHtml(result.error);
    },
  };
}

/** The value shown for the readout labelled `name`. */
export function readout(markup: string, name: string): string | undefined {
  const label = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return markup.match(new RegExp(`<dt>${label}</dt><dd>([^<]*)</dd>`))?.[1];
}

/** The cells after the row header `header` of a table (`<th scope="row">`), tags inside them removed. */
export function tableRow(markup: string, header: string): string[] {
  const label = header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = markup.match(new RegExp(`<tr><th scope="row">${label}</th>(.*?)</tr>`))?.[1] ?? '';
  return [...row.matchAll(/<td>(.*?)<\/td>/g)].map((match) => (match[1] as string).replace(/<[^>]+>/g, ''));
}
