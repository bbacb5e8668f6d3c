/**
 * One versioned store for everything a reader saves in this browser (reading progress, question
 * marks, flashcards, the mock timer). Its rules, so that a reader never loses work:
 * - never overwrite what cannot be read: text that fails to parse, has an unknown version, or loses
 *   any entry on reading is first copied, unchanged, to "<key>:quarantine" (a list the reader can
 *   export), and the notice says so;
 * - collections are validated entry by entry by the format's own `read`, so one damaged entry drops
 *   only itself, with a notice naming it;
 * - older versions are migrated step by step, not discarded;
 * - storage that throws (blocked, quota, SecurityError on access) leaves the store working in
 *   memory for the visit, with a notice;
 * - every store of a key is one object per page, and it follows changes made in other tabs.
 *
 * Every format opened with this kit, and every IndexedDB database, is listed with its key in
 * src/study/saved-formats.ts (a unit test keeps that list complete).
 * What was kept aside can be downloaded as a file (the button and the file's format: kept-aside.ts).
 */

/** What reading a stored document gave: the value, and a note for each entry that was skipped. */
export interface ReadResult<T> {
  value: T;
  skipped: string[];
}

export interface StoredFormat<T> {
  /** The localStorage key, e.g. "mlguide:read". */
  key: string;
  /** What the reader calls this data, for notices: "reading progress". */
  noun: string;
  /** The current version; documents carry it as their `version` field. */
  version: number;
  /** The value when nothing is saved. */
  empty: () => T;
  /**
   * Reads a current-version document entry by entry; returns null when the document as a whole is
   * not this format (then nothing of it is used, and it is quarantined).
   */
  read: (document: Record<string, unknown>) => ReadResult<T> | null;
  /** The document to save for a value (with its `version`). */
  write: (value: T) => Record<string, unknown>;
  /** migrate[v] turns a version-v document into a version v + 1 one. */
  migrate?: Readonly<Record<number, (document: Record<string, unknown>) => Record<string, unknown>>>;
}

export interface Store<T> {
  /** The localStorage key and what the reader calls the data (from the format). */
  readonly key: string;
  readonly noun: string;
  /** The current value (from storage, or from memory when storage fails). */
  get(): T;
  /** Saves a new value and tells every subscriber; false when storage failed and it lives in memory. */
  set(value: T): boolean;
  /** Calls `listener` after every change, in this tab or another; returns the unsubscribe. */
  subscribe(listener: (value: T) => void): () => void;
  /** Sentences for the reader: what was skipped or kept aside, or why nothing is saved. Empty when all is well. */
  notices(): string[];
  /** Every text kept aside for this key, oldest first, for export. */
  quarantined(): string[];
}

export const quarantineKey = (key: string) => `${key}:quarantine`;

/** The label of the button that downloads what was kept aside (kept-aside.ts); notices name it. */
export const DOWNLOAD_KEPT_ASIDE = 'Download what was kept aside';

const keptAside = (key: string) =>
  `It was kept aside unchanged under "${quarantineKey(key)}" in this browser; "${DOWNLOAD_KEPT_ASIDE}" saves it as a file.`;

/** A plain object (not null, not an array): the shape of every stored document and of most entries. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads an already-parsed document of `format`, migrating older versions: the value and the entries
 * skipped, or why the document as a whole cannot be read. Pure; used for stored text and for
 * documents inside a backup file.
 */
export function decodeDocument<T>(format: StoredFormat<T>, document: unknown): ReadResult<T> | { error: string } {
  if (!isRecord(document)) return { error: 'it is not an object' };
  let version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { error: 'it has no version number' };
  if (version > format.version)
    return { error: `it is version ${version}, saved by a newer guide; this page reads version ${format.version}` };
  let current: Record<string, unknown> = document;
  while (version < format.version) {
    const step = format.migrate?.[version];
    if (!step) return { error: `version ${version} cannot be upgraded` };
    current = step(current);
    version += 1;
  }
  return format.read(current) ?? { error: 'it is not in the expected shape' };
}

/**
 * Parses stored text as a document of `format`, migrating older versions. Pure. `lossy` is true when
 * anything of the text was not used (then the caller keeps the text aside).
 */
export function parseStored<T>(
  format: StoredFormat<T>,
  text: string | null,
): { value: T; notices: string[]; lossy: boolean } {
  if (text === null) return { value: format.empty(), notices: [], lossy: false };
  const unreadable = (why: string) => ({
    value: format.empty(),
    notices: [`Your saved ${format.noun} could not be read (${why}). ${keptAside(format.key)}`],
    lossy: true,
  });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return unreadable('it is not valid JSON');
  }
  const result = decodeDocument(format, document);
  if ('error' in result) return unreadable(result.error);
  if (result.skipped.length === 0) return { value: result.value, notices: [], lossy: false };
  return {
    value: result.value,
    notices: [
      `Some of your saved ${format.noun} could not be read and was skipped (${listSkipped(result.skipped)}); the rest loaded. ${keptAside(format.key)}`,
    ],
    lossy: true,
  };
}

/** The first three skipped entries and how many more: `page "x"; page "y"; page "z" and 2 more`. */
export function listSkipped(skipped: readonly string[]): string {
  const more = skipped.length > 3 ? ` and ${skipped.length - 3} more` : '';
  return skipped.slice(0, 3).join('; ') + more;
}

/** localStorage, or null where reaching it throws (a SecurityError when storage is blocked). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const stores = new Map<string, Store<unknown>>();

/** The one store of `format.key` on this page. */
export function versionedStore<T>(format: StoredFormat<T>): Store<T> {
  const existing = stores.get(format.key);
  if (existing) return existing as Store<T>;

  const listeners = new Set<(value: T) => void>();
  let loadNotices: string[] = [];
  let saveNotice: string | null = null;
  let value: T;

  const NOT_SAVED = `Your ${format.noun} cannot be saved in this browser (storage is blocked or full); it lasts until you leave the page.`;

  /** The stored text, null when there is none, undefined when storage cannot be read. */
  function readText(key: string): string | null | undefined {
    const target = storage();
    if (!target) return undefined;
    try {
      return target.getItem(key);
    } catch {
      return undefined;
    }
  }

  function quarantined(): string[] {
    const text = readText(quarantineKey(format.key));
    try {
      const list: unknown = text ? JSON.parse(text) : [];
      return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
    } catch {
      return [];
    }
  }

  function keepAside(text: string): boolean {
    const list = quarantined();
    if (list.includes(text)) return true;
    try {
      storage()!.setItem(quarantineKey(format.key), JSON.stringify([...list, text]));
      return true;
    } catch {
      return false;
    }
  }

  function load() {
    const text = readText(format.key);
    if (text === undefined) {
      value = format.empty();
      loadNotices = [NOT_SAVED];
      return;
    }
    const parsed = parseStored(format, text);
    value = parsed.value;
    loadNotices = parsed.notices;
    // Quarantine before anything can overwrite the key; if even that fails, the key is left as it is
    // until the reader saves, and the notice below says the text could not be kept.
    if (parsed.lossy && text !== null && !keepAside(text))
      loadNotices = [...loadNotices, 'Keeping a copy failed: saving would replace it.'];
  }

  load();
  window.addEventListener('storage', (event) => {
    if (event.key !== format.key && event.key !== null) return;
    load();
    for (const listener of listeners) listener(value);
  });

  const store: Store<T> = {
    key: format.key,
    noun: format.noun,
    get: () => value,
    set(next) {
      value = next;
      try {
        // Without storage this throws too, and the value lives in memory.
        storage()!.setItem(format.key, JSON.stringify(format.write(next)));
        saveNotice = null;
      } catch {
        saveNotice = NOT_SAVED;
      }
      for (const listener of listeners) listener(value);
      return saveNotice === null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notices: () => [...new Set([...loadNotices, ...(saveNotice ? [saveNotice] : [])])],
    quarantined,
  };
  stores.set(format.key, store as Store<unknown>);
  return store;
}
