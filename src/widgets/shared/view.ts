/**
 * What a widget's pure `view(state)` returns: the output markup and a one-sentence summary for
 * screen readers, or a message that says what is wrong with the input (never NaN or a blank).
 * The same function renders the first state at build time and every update in the browser.
 */
import { escapeHtml } from './format.ts';
import { MetricInputError } from '../../lib/errors.ts';

export type WidgetResult = { ok: true; html: string; summary: string } | { ok: false; error: string };

/** Runs a computation; a MetricInputError (or any error) becomes the widget's inline message. */
export function guard(compute: () => { html: string; summary: string }): WidgetResult {
  try {
    return { ok: true, ...compute() };
  } catch (error) {
    const message =
      error instanceof MetricInputError ? error.message : `This input cannot be computed: ${(error as Error).message}`;
    return { ok: false, error: escapeHtml(message) };
  }
}

/** A definition-list table of named readouts. */
export function readouts(items: [string, string][]): string {
  return `<dl class="widget-readouts">${items.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`;
}
