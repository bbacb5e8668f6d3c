/**
 * Study filters in the URL. Each feature owns a namespace ("fc" for flashcards, "qb" for the question
 * bank and exercises), so a link such as ?qb.level=Senior&qb.section=serving reopens exactly the list a
 * reader sees. Every filter is a choice among fixed values, with "" meaning "any". Parsing is strict:
 * an unknown key or value is dropped with a notice, and values are only ever compared, never inserted
 * into the page as HTML.
 */

export interface FilterField {
  /** What the control is called ("Level"); used in notices. */
  label: string;
  /** The values a filter may take; "" (any) is always allowed too. */
  values: readonly string[];
}

export type FilterSpec = Record<string, FilterField>;

/** The chosen value of each filter; "" means no restriction. */
export type FilterValues<S extends FilterSpec> = { [K in keyof S]: string };

export function emptyFilters<S extends FilterSpec>(spec: S): FilterValues<S> {
  return Object.fromEntries(Object.keys(spec).map((key) => [key, ''])) as FilterValues<S>;
}

/**
 * Reads the filters of namespace `ns` from a query string. Example: with ns "qb",
 * "?qb.level=Senior&qb.section=nope" gives { level: "Senior", section: "" } and one notice.
 */
export function parseFilters<S extends FilterSpec>(
  spec: S,
  ns: string,
  search: string,
): { values: FilterValues<S>; notices: string[] } {
  const values = emptyFilters(spec) as Record<string, string>;
  const notices: string[] = [];
  for (const [name, raw] of new URLSearchParams(search)) {
    if (!name.startsWith(`${ns}.`)) continue;
    const key = name.slice(ns.length + 1);
    const field = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (!field) {
      notices.push(`The link has an unknown filter "${key}"; it was ignored.`);
    } else if (raw !== '' && !field.values.includes(raw)) {
      notices.push(`${field.label} "${raw}" is not one of: ${field.values.join(', ')}. That filter was ignored.`);
    } else {
      values[key] = raw;
    }
  }
  return { values: values as FilterValues<S>, notices };
}

/** Writes the filters into a query string, keeping other parameters; empty filters are omitted. */
export function serializeFilters<S extends FilterSpec>(
  spec: S,
  ns: string,
  values: FilterValues<S>,
  search: string,
): string {
  const params = new URLSearchParams(search);
  for (const name of [...params.keys()]) if (name.startsWith(`${ns}.`)) params.delete(name);
  for (const key of Object.keys(spec)) {
    const value = values[key];
    if (value) params.set(`${ns}.${key}`, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when no filter restricts anything. */
export function isUnfiltered<S extends FilterSpec>(values: FilterValues<S>): boolean {
  return Object.values(values).every((v) => v === '');
}
