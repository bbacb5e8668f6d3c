/**
 * State in the URL, for widgets and study filters alike. Each owner has a namespace ("te" ->
 * ?te.t=0.4&te.data=fraud), so two widgets on one page never clash and the address bar is always a
 * link to exactly what the reader sees. Parsing is strict: an unknown key or a malformed value
 * falls back to its default and yields a notice; defaults are left out of the URL.
 */
import {
  defaultValues,
  fieldProblem,
  formatField,
  parseField,
  urlKey,
  type Fields,
  type FieldValues,
} from './fields.ts';

/** Reads namespace `ns` of a query string; bad or unknown values become defaults plus a notice. */
export function parseState<F extends Fields>(
  fields: F,
  ns: string,
  search: string,
): { state: FieldValues<F>; notices: string[] } {
  const state = defaultValues(fields) as Record<string, unknown>;
  const byKey = new Map(Object.entries(fields).map(([name, field]) => [urlKey(name, field), name]));
  const notices: string[] = [];
  for (const [param, raw] of new URLSearchParams(search)) {
    if (!param.startsWith(`${ns}.`)) continue;
    const key = param.slice(ns.length + 1);
    const name = byKey.get(key);
    if (name === undefined) {
      notices.push(`The link has an unknown setting "${key}"; it was ignored.`);
      continue;
    }
    const field = fields[name] as F[string];
    const problem = fieldProblem(field, raw);
    if (problem) notices.push(`${problem} The link's value was replaced by the default.`);
    else state[name] = parseField(field, raw);
  }
  return { state: state as FieldValues<F>, notices };
}

/** Whether the query string carries any key of namespace `ns`. */
export function hasNamespace(ns: string, search: string): boolean {
  return [...new URLSearchParams(search).keys()].some((param) => param.startsWith(`${ns}.`));
}

/**
 * About 2 KB of query: links stay far below what servers accept (nginx reads 8 KB request lines by
 * default, some proxies and chat apps less), so a reload or a shared link never meets a 414.
 */
export const MAX_QUERY_CHARS = 2000;

/**
 * The query string for a state, keeping other owners' keys and omitting defaults, and the names of
 * the text fields left out to keep it within `budget` characters (longest first). Pasted data that
 * does not fit stays on the page (see pasted-session.ts); the caller says so.
 */
export function linkQuery<F extends Fields>(
  fields: F,
  ns: string,
  state: FieldValues<F>,
  search: string,
  budget = MAX_QUERY_CHARS,
): { search: string; leftOut: string[] } {
  const params = new URLSearchParams(search);
  for (const param of [...params.keys()]) if (param.startsWith(`${ns}.`)) params.delete(param);
  const texts: { param: string; name: string; size: number }[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const value = (state as Record<string, number | string | boolean>)[name];
    if (value === field.default) continue;
    const param = `${ns}.${urlKey(name, field)}`;
    const raw = formatField(field, value);
    params.set(param, raw);
    if (field.kind === 'text') texts.push({ param, name, size: encodeURIComponent(raw).length });
  }
  const leftOut: string[] = [];
  for (const text of texts.sort((a, b) => b.size - a.size)) {
    if (params.toString().length <= budget) break;
    params.delete(text.param);
    leftOut.push(text.name);
  }
  const text = params.toString();
  return { search: text ? `?${text}` : '', leftOut };
}

/** Writes a state into a query string (see linkQuery), keeping other owners' keys; defaults are omitted. */
export function serializeState<F extends Fields>(fields: F, ns: string, state: FieldValues<F>, search: string): string {
  return linkQuery(fields, ns, state, search).search;
}
