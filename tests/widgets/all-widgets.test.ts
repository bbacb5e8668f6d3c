// Every widget against its own contract, from one table: the defaults and every preset are valid
// states that render without NaN or Infinity; every field refuses bad values with a message; and
// the view answers every field's extremes and any pasted text with output or a message, never an
// exception (guard() lets only input errors through as messages, so a bug fails here).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fieldProblem, formatField, type Field } from '../../src/client/fields.ts';
import type { WidgetResult } from '../../src/widgets/kit/result.ts';
import { defaultState, presetState, visibleFields, type WidgetSchema } from '../../src/widgets/kit/schema.ts';

const root = fileURLToPath(new URL('../../src/widgets/', import.meta.url));
const names = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
  .map((entry) => entry.name);

type State = Record<string, unknown>;
const widgets = await Promise.all(
  names.map(async (name) => {
    const { schema, ns } = (await import(`${root}${name}/schema.ts`)) as { schema: WidgetSchema; ns: string };
    const { view } = (await import(`${root}${name}/view.ts`)) as { view: (state: State) => WidgetResult };
    return { name, schema, ns, view };
  }),
);

/** Values no field of this kind may take. */
function badValues(field: Field): string[] {
  switch (field.kind) {
    case 'number':
      return ['', 'abc', '0x10', String(field.min - 1), String(field.max + 1), ...(field.integer ? ['1.5'] : [])];
    case 'enum':
      return ['not-a-value', 'toString'];
    case 'boolean':
      return ['yes', '2'];
    case 'text':
      return ['x'.repeat(field.maxLength + 1)];
  }
}

const PASTES = ['', 'x', '1', '<b>x</b>,1', 'a,b,c\n1,2,3', '0x1,1\n2,0', '-1,-1,-1'];

function expectCleanOutput(result: WidgetResult, what: string) {
  const text = result.ok ? result.html + result.summary : result.error;
  expect(text.length, `${what}: empty output`).toBeGreaterThan(0);
  expect(text, what).not.toMatch(/\bNaN\b|Infinity|undefined/);
}

it('finds every widget folder', () => {
  expect(widgets.length).toBeGreaterThanOrEqual(15);
  expect(new Set(widgets.map((w) => w.ns)).size, 'URL namespaces must differ').toBe(widgets.length);
});

describe.each(widgets)('$name', ({ schema, view }) => {
  const defaults = defaultState(schema) as State;
  const entries = Object.entries(schema.fields);
  const states = [
    defaults,
    ...schema.presets.map((preset) => presetState(schema, defaultState(schema), preset.state) as State),
  ];

  it('has valid defaults that render', () => {
    for (const [name, field] of entries)
      expect(fieldProblem(field, formatField(field, field.default)), name).toBeNull();
    const result = view(defaults);
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    expectCleanOutput(result, 'defaults');
  });

  it('has presets of known, valid fields that render', () => {
    for (const preset of schema.presets) {
      for (const [name, value] of Object.entries(preset.state)) {
        expect(Object.hasOwn(schema.fields, name), `${preset.label}: ${name}`).toBe(true);
        const field = schema.fields[name] as Field;
        expect(fieldProblem(field, formatField(field, value as never)), `${preset.label}: ${name}`).toBeNull();
      }
      const result = view(presetState(schema, defaultState(schema), preset.state));
      expect(result.ok, `${preset.label}: ${result.ok ? '' : result.error}`).toBe(true);
      expectCleanOutput(result, preset.label);
    }
  });

  it('says which fields show, naming only its own fields', () => {
    for (const state of states)
      expect(Object.keys(visibleFields(schema, state as never)).sort()).toEqual(Object.keys(schema.fields).sort());
  });

  it.each(entries)('refuses bad values of %s with a message', (_, field) => {
    for (const raw of badValues(field)) expect(fieldProblem(field, raw), JSON.stringify(raw)).toMatch(/\w+/);
  });

  it('answers the extremes of every number and any pasted text with output or a message', () => {
    for (const state of states) {
      for (const [name, field] of entries) {
        const values =
          field.kind === 'number'
            ? [field.min, field.max]
            : field.kind === 'text'
              ? PASTES
              : field.kind === 'enum'
                ? Object.keys(field.values)
                : [true, false];
        for (const value of values) expectCleanOutput(view({ ...state, [name]: value }), `${name} = ${value}`);
      }
    }
  }, 60_000);
});
