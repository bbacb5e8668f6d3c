/**
 * Pasted data too long for a link (see linkQuery), kept in this tab's session storage so that a
 * reload, or going back to the page, finds it again; a link opened anywhere else carries only the
 * settings, as the widget says. Storage that is blocked or full only means nothing is kept.
 */
import { fieldProblem, urlKey, type Fields, type FieldValues } from './fields.ts';

const keyOf = (ns: string) => `mlguide:pasted:${location.pathname}:${ns}`;

/** Keeps `texts` (field name -> pasted text) for namespace `ns` on this page; none forgets them. */
export function keepPasted(ns: string, texts: Record<string, string>): void {
  try {
    if (Object.keys(texts).length > 0) sessionStorage.setItem(keyOf(ns), JSON.stringify(texts));
    else sessionStorage.removeItem(keyOf(ns));
  } catch {
    // Blocked or full: the data stays on the page until it is left.
  }
}

/** The texts kept for namespace `ns` on this page, by field name; anything unreadable is nothing. */
function keptPasted(ns: string): Record<string, string> {
  try {
    const kept: unknown = JSON.parse(sessionStorage.getItem(keyOf(ns)) ?? '{}');
    if (typeof kept !== 'object' || kept === null || Array.isArray(kept)) return {};
    return Object.fromEntries(
      Object.entries(kept).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/**
 * `state` read from the link `search`, with the pasted texts this tab kept for it put back: those of
 * text fields the link does not carry, and only if still valid.
 */
export function withKeptPasted<F extends Fields>(
  fields: F,
  ns: string,
  search: string,
  state: FieldValues<F>,
): FieldValues<F> {
  const params = new URLSearchParams(search);
  const kept = Object.entries(keptPasted(ns)).filter(([name, text]) => {
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    return field?.kind === 'text' && !params.has(`${ns}.${urlKey(name, field)}`) && !fieldProblem(field, text);
  });
  return { ...state, ...Object.fromEntries(kept) };
}
