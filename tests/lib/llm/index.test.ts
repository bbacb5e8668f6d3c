import { describe, expect, it } from 'vitest';
import * as llm from '../../../src/lib/llm/index.ts';

// Every module of src/lib/llm/ and nothing else: the barrel must export exactly their runtime exports.
const modules = import.meta.glob<Record<string, unknown>>(
  ['../../../src/lib/llm/*.ts', '!../../../src/lib/llm/index.ts'],
  {
    eager: true,
  },
);

describe('src/lib/llm/index.ts', () => {
  it('re-exports every runtime export of every module in the folder, and only those', () => {
    const expected = new Set<string>();
    for (const exports of Object.values(modules)) for (const name of Object.keys(exports)) expected.add(name);
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(10);
    expect(new Set(Object.keys(llm))).toEqual(expected);
  });

  it('re-exports the same objects, not copies', () => {
    for (const exports of Object.values(modules)) {
      for (const [name, value] of Object.entries(exports)) expect(llm[name as keyof typeof llm]).toBe(value);
    }
  });
});
