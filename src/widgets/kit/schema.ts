/**
 * A widget's declarative contract: its fields (with labels, enum labels, steps, control kinds and
 * text rows), presets typed against those fields, and a pure `visibility(state)` saying which
 * fields matter in a state. WidgetFrame renders the controls from it at build time and
 * defineWidget keeps them in sync in the browser, so a widget is a schema and a view.
 */
import { defaultValues, type Fields, type FieldValues } from '../../client/fields.ts';

export interface Preset<F extends Fields> {
  label: string;
  state: Partial<FieldValues<F>>;
}

export interface WidgetSchema<F extends Fields = Fields> {
  fields: F;
  presets: readonly Preset<F>[];
  /** Which fields show in a state (e.g. the paste box only for pasted data); unlisted fields always show. */
  visibility?(state: FieldValues<F>): Partial<Record<keyof F & string, boolean>>;
}

/** The state of a widget: one value per field, enums as literal unions. */
export type StateOf<S extends WidgetSchema> = FieldValues<S['fields']>;

/** Types a schema: enum values become literal unions in StateOf, and presets are checked against the fields. */
export function defineSchema<const F extends Fields>(schema: WidgetSchema<F>): WidgetSchema<F> {
  return schema;
}

export function defaultState<S extends WidgetSchema>(schema: S): StateOf<S> {
  return defaultValues(schema.fields) as StateOf<S>;
}

/**
 * The state a preset gives. Fields some preset sets are the scenario: they take this preset's value
 * or the default, so nothing lingers from an earlier preset (a "peeking" preset after a "planning"
 * one leaves no planning values in the link). Fields no preset sets (a unit, a seed) are the
 * reader's own and stay, as does text the reader typed, unless this preset sets it.
 */
export function presetState<S extends WidgetSchema>(
  schema: S,
  current: StateOf<S>,
  preset: Partial<StateOf<S>>,
): StateOf<S> {
  const defaults: Record<string, unknown> = defaultState(schema);
  const presets = schema.presets.map((other) => other.state as Record<string, unknown>);
  const state = Object.entries(current as Record<string, unknown>).map(([name, value]) => {
    const fromPresets = presets.filter((other) => name in other);
    const typed = schema.fields[name]?.kind === 'text' && !fromPresets.some((other) => other[name] === value);
    return [name, fromPresets.length === 0 || typed ? value : defaults[name]];
  });
  return { ...Object.fromEntries(state), ...preset } as StateOf<S>;
}

/** Every field's visibility in a state: the schema's rule, true for fields it does not mention. */
export function visibleFields<S extends WidgetSchema>(schema: S, state: StateOf<S>): Record<string, boolean> {
  const rule = (schema.visibility?.(state) ?? {}) as Record<string, boolean | undefined>;
  return Object.fromEntries(Object.keys(schema.fields).map((name) => [name, rule[name] ?? true]));
}
