/**
 * Widget state in the URL. Each widget owns a namespace ("te" -> ?te.t=0.4&te.data=fraud), so two
 * widgets on one page never clash, and the address bar is always a link to exactly what the reader
 * sees. Parsing is strict: an unknown key or a malformed value falls back to its default and yields a
 * notice; values are only ever used as numbers, enum members or text, never inserted as HTML.
 */

export type Field =
  | { kind: 'number'; default: number; min: number; max: number; integer?: boolean; label: string }
  | { kind: 'enum'; default: string; values: readonly string[]; label: string }
  | { kind: 'boolean'; default: boolean; label: string }
  | { kind: 'text'; default: string; maxLength: number; label: string };

export type Schema = Record<string, Field>;

export type StateOf<S extends Schema> = {
  [K in keyof S]: S[K] extends { kind: 'number' } ? number : S[K] extends { kind: 'boolean' } ? boolean : string;
};

export function defaultState<S extends Schema>(schema: S): StateOf<S> {
  return Object.fromEntries(Object.entries(schema).map(([key, field]) => [key, field.default])) as StateOf<S>;
}

/** Why `raw` is not a valid value for `field`, or null when it is. */
export function fieldProblem(field: Field, raw: string): string | null {
  switch (field.kind) {
    case 'number': {
      const value = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(value)) return `${field.label} must be a number.`;
      if (field.integer && !Number.isInteger(value)) return `${field.label} must be a whole number.`;
      if (value < field.min || value > field.max)
        return `${field.label} must be between ${field.min} and ${field.max}.`;
      return null;
    }
    case 'enum':
      return field.values.includes(raw) ? null : `${field.label} must be one of: ${field.values.join(', ')}.`;
    case 'boolean':
      return raw === '1' || raw === '0' ? null : `${field.label} must be 1 or 0.`;
    case 'text':
      return raw.length <= field.maxLength ? null : `${field.label} is longer than ${field.maxLength} characters.`;
  }
}

export function parseField(field: Field, raw: string): number | string | boolean {
  if (field.kind === 'number') return Number(raw);
  if (field.kind === 'boolean') return raw === '1';
  return raw;
}

export function formatField(field: Field, value: number | string | boolean): string {
  if (field.kind === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** Reads a widget's state from a query string; bad or unknown values become defaults plus a notice. */
export function parseState<S extends Schema>(
  schema: S,
  ns: string,
  search: string,
): { state: StateOf<S>; notices: string[] } {
  const state = defaultState(schema) as Record<string, unknown>;
  const notices: string[] = [];
  for (const [name, raw] of new URLSearchParams(search)) {
    if (!name.startsWith(`${ns}.`)) continue;
    const key = name.slice(ns.length + 1);
    const field = schema[key];
    if (!field) {
      notices.push(`The link has an unknown setting "${key}"; it was ignored.`);
      continue;
    }
    const problem = fieldProblem(field, raw);
    if (problem) notices.push(`${problem} The link's value was replaced by the default.`);
    else state[key] = parseField(field, raw);
  }
  return { state: state as StateOf<S>, notices };
}

/** Writes a widget's state into a query string, keeping other widgets' keys; defaults are omitted. */
export function serializeState<S extends Schema>(schema: S, ns: string, state: StateOf<S>, search: string): string {
  const params = new URLSearchParams(search);
  for (const name of [...params.keys()]) if (name.startsWith(`${ns}.`)) params.delete(name);
  for (const [key, field] of Object.entries(schema)) {
    const value = (state as Record<string, number | string | boolean>)[key];
    if (value !== field.default) params.set(`${ns}.${key}`, formatField(field, value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
