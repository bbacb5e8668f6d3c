/**
 * One backup of all study state, as a versioned file:
 *
 *   { "format": "mlguide-backup", "version": 1, "exportedAt": "<ISO date>",
 *     "stores": { "<storage key>": <that store's saved document, with its own version> } }
 *
 * Each store's document is the one it saves in localStorage, so the store's own reader (with its
 * migrations) reads it back. An import is all or nothing: every document in the file is read before
 * anything is merged, and a file with any damage is refused whole with a message. Pure: no DOM, no
 * storage.
 */
import { decodeDocument, isRecord, listSkipped } from '../../client/store.ts';
import type { Merged, StudyStore } from '../stores.ts';

export const BACKUP_FORMAT = 'mlguide-backup';
export const BACKUP_VERSION = 1;
/** A backup with every card, page and plan is well under 1 MB; anything far larger is not ours. */
export const MAX_BACKUP_CHARS = 5_000_000;

/** The backup file's text for the current values of `stores` (values[i] belongs to stores[i]). */
export function serializeBackup(stores: readonly StudyStore<unknown>[], values: readonly unknown[], now: Date): string {
  const documents = Object.fromEntries(stores.map((s, i) => [s.format.key, s.format.write(values[i])]));
  return JSON.stringify(
    { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), stores: documents },
    null,
    1,
  );
}

export type ParsedBackup =
  | {
      ok: true;
      /** The value the file holds for each known store it carries. */
      entries: { store: StudyStore<unknown>; value: unknown }[];
      /** Keys the file carries that this guide does not know (from a newer guide): not imported. */
      unknownKeys: string[];
    }
  | { ok: false; message: string };

/** Reads a backup file's text against the known stores. Never throws. */
export function parseBackup(text: string, stores: readonly StudyStore<unknown>[]): ParsedBackup {
  const refuse = (message: string) => ({ ok: false, message }) as const;
  if (text.length > MAX_BACKUP_CHARS) return refuse('This file is far too large to be a backup of this guide.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('This file is not valid JSON, so it is not a backup of this guide.');
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT)
    return refuse('This is not a backup file of this guide (a flashcard export is imported on the flashcards page).');
  if (data.version !== BACKUP_VERSION)
    return refuse(
      typeof data.version === 'number' && data.version > BACKUP_VERSION
        ? `This backup is format version ${data.version}, made by a newer guide; this page reads version ${BACKUP_VERSION}.`
        : `This backup has no valid format version; this page reads version ${BACKUP_VERSION}.`,
    );
  if (!isRecord(data.stores)) return refuse('This backup has no "stores" object.');
  const entries: { store: StudyStore<unknown>; value: unknown }[] = [];
  const unknownKeys: string[] = [];
  for (const [key, document] of Object.entries(data.stores)) {
    const store = stores.find((s) => s.format.key === key);
    if (!store) {
      unknownKeys.push(key);
      continue;
    }
    const result = decodeDocument(store.format, document);
    if ('error' in result) return refuse(`The ${store.format.noun} in this file cannot be read: ${result.error}.`);
    if (result.skipped.length > 0)
      return refuse(`The ${store.format.noun} in this file is damaged (${listSkipped(result.skipped)}).`);
    entries.push({ store, value: result.value });
  }
  return { ok: true, entries, unknownKeys };
}

/** "reading progress: 3 pages added, 1 kept (yours differs or is newer)", or null when nothing changed or differed. */
export function describeMerge(store: StudyStore<unknown>, merged: Merged<unknown>): string | null {
  const [one, many] = store.unit;
  const count = (n: number) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    merged.added > 0 ? `${count(merged.added)} added` : '',
    merged.updated > 0 ? `${count(merged.updated)} updated (the file's was newer)` : '',
    merged.kept > 0 ? `${count(merged.kept)} kept as yours (yours is newer or differs)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `${store.format.noun}: ${parts.join(', ')}` : null;
}

/** The download of every quarantined text, by storage key, for keys that have any. */
export function serializeQuarantine(kept: Readonly<Record<string, readonly string[]>>, now: Date): string {
  const entries = Object.fromEntries(Object.entries(kept).filter(([, texts]) => texts.length > 0));
  return JSON.stringify({ format: 'mlguide-quarantine', exportedAt: now.toISOString(), entries }, null, 1);
}
