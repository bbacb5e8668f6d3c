/**
 * Pasted data too long for a link (see linkQuery), kept in this tab's session storage so that a
 * reload, or going back to the page, finds it again; a link opened anywhere else carries only the
 * settings, as the widget says. Storage that is blocked or full only means nothing is kept.
 */

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
export function keptPasted(ns: string): Record<string, string> {
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
