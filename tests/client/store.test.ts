// The versioned store against a fake browser: saved files in today's formats load unchanged, nothing
// unreadable is ever overwritten on load, one bad entry drops only itself, older versions migrate,
// throwing storage keeps working in memory, and other tabs' changes reach subscribers.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptAsideFile } from '../../src/client/kept-aside.ts';
import { parseStored, quarantineKey, versionedStore, type StoredFormat } from '../../src/client/store.ts';
import { SAVED_FORMATS } from '../../src/study/saved-formats.ts';

const saved = (name: string) => readFileSync(new URL(`./saved/${name}`, import.meta.url), 'utf8').trim();

describe("today's saved files", () => {
  // One saved document per registered format: tests/client/saved/<key after "mlguide:">.json.
  it.each(SAVED_FORMATS.map((format) => [`${format.key.slice('mlguide:'.length)}.json`, format]))(
    '%s loads unchanged and writes back the same document',
    (file, registered) => {
      const format = registered as StoredFormat<unknown>;
      const text = saved(file);
      const parsed = parseStored(format, text);
      expect(parsed.notices).toEqual([]);
      expect(parsed.lossy).toBe(false);
      // Flashcards stamp the time of saving; everything else must come back as it was.
      const withoutTime = (document: Record<string, unknown>) => ({ ...document, savedAt: undefined });
      expect(withoutTime(format.write(parsed.value))).toEqual(withoutTime(JSON.parse(text)));
    },
  );
});

/** A localStorage stand-in; `fail` makes every call throw like a full or blocked storage. */
class FakeStorage {
  items = new Map<string, string>();
  fail = false;
  getItem(key: string) {
    if (this.fail) throw new DOMException('blocked', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.fail) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

let storage: FakeStorage;
let listeners: ((event: { key: string | null }) => void)[];
let blockedAccess: boolean;
beforeEach(() => {
  storage = new FakeStorage();
  listeners = [];
  blockedAccess = false;
  Object.defineProperty(globalThis, 'window', {
    configurable: true,
    value: {
      get localStorage() {
        if (blockedAccess) throw new DOMException('denied', 'SecurityError');
        return storage;
      },
      addEventListener: (_: string, listener: (event: { key: string | null }) => void) => listeners.push(listener),
    },
  });
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

let keys = 0;
/** A format over a fresh key (stores are one per key per page), version 2, migrating from 1. */
function listFormat(): StoredFormat<string[]> {
  keys += 1;
  return {
    key: `test:${keys}`,
    noun: 'test list',
    version: 2,
    empty: () => [],
    read(document) {
      if (!Array.isArray(document.items)) return null;
      const items = document.items.filter((item): item is string => typeof item === 'string');
      return { value: items, skipped: document.items.filter((item) => typeof item !== 'string').map(String) };
    },
    write: (items) => ({ version: 2, items }),
    migrate: { 1: (old) => ({ version: 2, items: old.names }) },
  };
}

describe('versionedStore', () => {
  it('never overwrites unreadable text on load, and keeps a copy aside before any save', () => {
    const format = listFormat();
    storage.items.set(format.key, '{"version":2,"items":"oops"}');
    const store = versionedStore(format);
    expect(store.get()).toEqual([]);
    expect(store.notices()[0]).toMatch(/could not be read \(it is not in the expected shape\)\. It was kept aside/);
    expect(storage.items.get(format.key)).toBe('{"version":2,"items":"oops"}');
    expect(store.quarantined()).toEqual(['{"version":2,"items":"oops"}']);
    store.set(['new']);
    expect(store.quarantined()).toEqual(['{"version":2,"items":"oops"}']);
  });

  it('drops only the bad entry, names it, and keeps the original text aside', () => {
    const format = listFormat();
    storage.items.set(format.key, '{"version":2,"items":["a",7,"b"]}');
    const store = versionedStore(format);
    expect(store.get()).toEqual(['a', 'b']);
    expect(store.notices()[0]).toContain('(7)');
    expect(storage.items.get(quarantineKey(format.key))).toBe(JSON.stringify(['{"version":2,"items":["a",7,"b"]}']));
  });

  it('migrates an older version instead of discarding it, and refuses a newer one', () => {
    const format = listFormat();
    storage.items.set(format.key, '{"version":1,"names":["x","y"]}');
    expect(versionedStore(format).get()).toEqual(['x', 'y']);
    expect(parseStored(listFormat(), '{"version":3,"items":[]}').notices[0]).toMatch(/saved by a newer guide/);
  });

  it('keeps working in memory when storage throws, and says so', () => {
    const format = listFormat();
    const store = versionedStore(format);
    expect(store.set(['saved'])).toBe(true);
    storage.fail = true;
    expect(store.set(['kept'])).toBe(false);
    expect(store.get()).toEqual(['kept']);
    expect(store.notices()).toEqual([
      'Your test list cannot be saved in this browser (storage is blocked or full); it lasts until you leave the page.',
    ]);
  });

  it('works in memory when even reaching localStorage throws (blocked cookies)', () => {
    blockedAccess = true;
    const store = versionedStore(listFormat());
    expect(store.get()).toEqual([]);
    store.set(['a']);
    expect(store.get()).toEqual(['a']);
    expect(store.notices()[0]).toMatch(/cannot be saved in this browser/);
  });

  it('tells subscribers about its own changes and about other tabs', () => {
    const format = listFormat();
    const store = versionedStore(format);
    expect(versionedStore(format)).toBe(store);
    const seen: string[][] = [];
    store.subscribe((items) => seen.push(items));
    store.set(['here']);
    storage.items.set(format.key, '{"version":2,"items":["there"]}');
    for (const listener of listeners) listener({ key: format.key });
    expect(seen).toEqual([['here'], ['there']]);
  });
});

describe('keptAsideFile ("Download what was kept aside")', () => {
  it('holds every kept text unchanged, with its key and the time, under a dated file name', () => {
    const texts = ['{"version":9}', 'not json', '{"version":1,"pages":"all"}'];
    const file = keptAsideFile('mlguide:read', texts, new Date('2026-12-03T22:00:00.000Z'));
    expect(file.name).toBe('mlguide-read-kept-aside-2026-12-03.json');
    expect(JSON.parse(file.text)).toEqual({
      format: 'mlguide-kept-aside',
      key: 'mlguide:read',
      savedAt: '2026-12-03T22:00:00.000Z',
      items: texts,
    });
  });
});
