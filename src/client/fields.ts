/**
 * Typed input fields, shared by widgets and study filters: what a field accepts, its default, how
 * a raw string (from a URL or a control) is checked and read. Values are only ever used as
 * numbers, enum members or text, never inserted as HTML.
 */

interface FieldBase {
  /** What the control is called; messages start with it. */
  label: string;
  /** The URL key when it differs from the field's name (kept short so shared links stay short). */
  key?: string;
}

export interface NumberField extends FieldBase {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  integer?: boolean;
  /** The control's step (default 1). */
  step?: number;
  /** A slider with a number box (default), or the number box alone. */
  control?: 'slider' | 'box';
}

export interface EnumField extends FieldBase {
  kind: 'enum';
  default: string;
  /** Each allowed value and the label the reader sees for it, in display order. */
  values: Readonly<Record<string, string>>;
}

export interface BooleanField extends FieldBase {
  kind: 'boolean';
  default: boolean;
}

export interface TextField extends FieldBase {
  kind: 'text';
  default: string;
  maxLength: number;
  /** Rows of the text area (default 6); 1 gives a one-line box. */
  rows?: number;
}

export type Field = NumberField | EnumField | BooleanField | TextField;

/**
 * The most lines a text field takes, whatever its length in characters. A browser lays out a text
 * box line by line: at 4x CPU (a phone) 3,000 short lines take about 90 ms, 33,000 (100,000
 * characters of one number a line) about 900, so a paste that long would freeze the page.
 */
export const MAX_TEXT_LINES = 3_000;

/** Lines in a text: one more than its line breaks. */
export function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * A study filter: a choice among fixed values where "" means "any" (the default, left out of URLs).
 * `labels` names the values for the reader; a value without a label shows as itself.
 */
export function filterField<V extends string>(
  label: string,
  values: readonly V[],
  labels: Partial<Record<V, string>> = {},
): EnumField & { values: Record<'' | V, string> } {
  const choices = Object.fromEntries([['', 'Any'], ...values.map((value) => [value, labels[value] ?? value])]);
  return { kind: 'enum', label, default: '', values: choices as Record<'' | V, string> };
}
export type Fields = Record<string, Field>;

/** The value a field holds: enums as the union of their values, so views need no casts. */
export type ValueOf<F extends Field> = F extends { kind: 'number' }
  ? number
  : F extends { kind: 'boolean' }
    ? boolean
    : F extends { kind: 'enum'; values: infer V }
      ? keyof V & string
      : string;

export type FieldValues<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

export function defaultValues<F extends Fields>(fields: F): FieldValues<F> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.default])) as FieldValues<F>;
}

/** The URL key of a field. */
export const urlKey = (name: string, field: Field) => field.key ?? name;

/** Plain decimal notation only: no hex, binary or octal, no padding, no "1_000", no "5." (URLs stay canonical). */
const DECIMAL = /^-?(\d+(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number written in plain decimal notation ("0.25", "-3", "1e-6", ".5"), or null for anything else:
 * hex, binary, octal, padding, "Infinity", a value too large for a double, or one so small that it
 * would silently become 0 ("1e-400"). Used for URL values and pasted cells alike.
 */
export function parseDecimal(raw: string): number | null {
  if (!DECIMAL.test(raw)) return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) return null;
  if (value === 0 && /[1-9]/.test(raw.split(/e/i)[0])) return null;
  return value;
}

/** Why `raw` is not a valid value for `field`, or null when it is. */
export function fieldProblem(field: Field, raw: string): string | null {
  switch (field.kind) {
    case 'number': {
      const value = parseDecimal(raw);
      if (value === null) return `${field.label} must be a number.`;
      if (field.integer && !Number.isInteger(value)) return `${field.label} must be a whole number.`;
      if (value < field.min || value > field.max)
        return `${field.label} must be between ${field.min} and ${field.max}.`;
      return null;
    }
    case 'enum':
      return Object.hasOwn(field.values, raw)
        ? null
        : `${field.label} must be one of: ${Object.keys(field.values)
            .map((value) => value || '(any)')
            .join(', ')}.`;
    case 'boolean':
      return raw === '1' || raw === '0' ? null : `${field.label} must be 1 or 0.`;
    case 'text':
      return textProblem(field, raw);
  }
}

/**
 * Why `text` is too long for a text field (characters or lines), or null. `verb` fits the message to
 * text a box would hold after a paste: "Scores would then hold 25,001 lines; it takes at most 3,000."
 */
export function textProblem(field: TextField, text: string, verb = 'holds'): string | null {
  const count = (n: number) => n.toLocaleString('en-US');
  if (text.length > field.maxLength)
    return `${field.label} ${verb} ${count(text.length)} characters; it takes at most ${count(field.maxLength)}.`;
  const lines = lineCount(text);
  if (lines > MAX_TEXT_LINES)
    return `${field.label} ${verb} ${count(lines)} lines; it takes at most ${count(MAX_TEXT_LINES)}.`;
  return null;
}

/** A valid raw string as the field's value. */
export function parseField(field: Field, raw: string): number | string | boolean {
  if (field.kind === 'number') return Number(raw);
  if (field.kind === 'boolean') return raw === '1';
  return raw;
}

export function formatField(field: Field, value: number | string | boolean): string {
  if (field.kind === 'boolean') return value ? '1' : '0';
  return String(value);
}
