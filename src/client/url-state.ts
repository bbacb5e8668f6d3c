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

/** Writes a state into a query string, keeping other owners' keys; defaults are omitted. */
export function serializeState<F extends Fields>(fields: F, ns: string, state: FieldValues<F>, search: string): string {
  const params = new URLSearchParams(search);
  for (const param of [...params.keys()]) if (param.startsWith(`${ns}.`)) params.delete(param);
  for (const [name, field] of Object.entries(fields)) {
    const value = (state as Record<string, number | string | boolean>)[name];
    if (value !== field.default) params.set(`${ns}.${urlKey(name, field)}`, formatField(field, value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
