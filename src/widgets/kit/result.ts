/**
 * What a widget's pure `view(state)` returns: the output markup and a one-sentence summary for
 * screen readers, or a message that says what is wrong with the input (never NaN or a blank).
 * The same function renders the first state at build time and every update in the browser.
 */
import { escapeHtml } from './format.ts';
import { MetricInputError } from '../../lib/errors.ts';

/** `error` is plain text: escape it for markup, use it as is for text (a screen reader reads no entities). */
export type WidgetResult = { ok: true; html: string; summary: string } | { ok: false; error: string };

/** The markup of a result: its output, or its message as an alert. */
export function resultHtml(result: WidgetResult): string {
  return result.ok ? result.html : `<p class="widget-error" role="alert">${escapeHtml(result.error)}</p>`;
}

/**
 * Runs a computation; an input the maths cannot use (MetricInputError) becomes the widget's inline
 * message. Any other error is a bug and is thrown, so tests and the console see it.
 */
export function guard(compute: () => { html: string; summary: string }): WidgetResult {
  try {
    return { ok: true, ...compute() };
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    return { ok: false, error: error.message };
  }
}

/** A definition-list table of named readouts. */
export function readouts(items: [string, string][]): string {
  return `<dl class="widget-readouts">${items.map(([name, value]) => `<div><dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl>`;
}

/**
 * A table that scrolls sideways inside its own focusable region on a narrow screen. Cells are
 * markup: escape reader text before it gets here. The first cell of each row is its header.
 */
export function scrollTable(o: { label: string; caption: string; head: string[]; rows: string[][] }): string {
  const head = o.head.map((cell) => `<th scope="col">${cell}</th>`).join('');
  const rows = o.rows
    .map(
      ([first, ...rest]) => `<tr><th scope="row">${first}</th>${rest.map((cell) => `<td>${cell}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<div class="widget-scroll" tabindex="0" role="region" aria-label="${escapeHtml(o.label)}"><table><caption>${escapeHtml(o.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
