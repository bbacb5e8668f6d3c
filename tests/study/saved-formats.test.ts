// Every stored format is registered in one place (src/study/saved-formats.ts), under its own key, and
// no code opens a store or a database that is not registered there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAVED_DATABASES, SAVED_FORMATS } from '../../src/study/saved-formats.ts';
import { FAULT_SUITE_KEYS } from '../e2e/reliability/storage-faults.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

describe('the registry of saved formats', () => {
  it('gives each format its own key and a documented version', () => {
    const keys = SAVED_FORMATS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const format of SAVED_FORMATS) {
      expect(format.key).toMatch(/^mlguide:[a-z]+$/);
      expect(Number.isInteger(format.version) && format.version >= 1).toBe(true);
    }
  });

  it('lists every format a store is opened with, and every database', () => {
    const exported = new Map<string, string>(); // FORMAT name -> key, from the modules that define them
    const opened = new Set<string>();
    let databases = 0;
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/export const (\w+_FORMAT): StoredFormat<[^>]+> = \{\s*key: (\w+)/g))
        exported.set(m[1], m[2]);
      for (const m of text.matchAll(/versionedStore\((\w+)\)/g)) opened.add(m[1]);
      databases += [...text.matchAll(/indexedDB\.open\(/g)].length;
    }
    const registered = new Set(SAVED_FORMATS);
    for (const name of opened) expect(exported.has(name), `${name} is opened but not defined as a format`).toBe(true);
    expect(exported.size).toBe(SAVED_FORMATS.length);
    expect(registered.size).toBe(SAVED_FORMATS.length);
    expect(databases).toBe(SAVED_DATABASES.length);
  });

  it('puts every format through the storage-fault browser suite', () => {
    // tests/e2e/reliability/storage-faults.test.ts runs one feature per key in FAULT_SUITE_KEYS: a
    // format missing there would never be tested against corrupt, old, newer or unsaveable data.
    const suite = new Set<string>(FAULT_SUITE_KEYS);
    for (const { key } of SAVED_FORMATS)
      expect(suite.has(key), `${key} has no feature in tests/e2e/reliability/storage-faults.test.ts`).toBe(true);
    expect(suite.size).toBe(SAVED_FORMATS.length);
  });
});
