/**
 * Recorded answers from mock mode, kept in this browser's IndexedDB and never uploaded.
 *
 * Database "mlguide-recordings", version 1, one object store "recordings" (key path "id", index
 * "prompt"). Each record is format version 1:
 *
 *   { "version": 1, "id": "r<epoch ms, base 36>", "prompt": "cases/news-feed", "runId": "m..." | null,
 *     "createdAt": <epoch ms>, "durationMs": <ms>, "mimeType": "audio/webm;codecs=opus", "audio": Blob }
 *
 * Reading never deletes: a record that fails `readRecording` is skipped (and counted for a notice) but
 * left in the database; only the reader's Delete removes one. A later version of the database adds an
 * `onupgradeneeded` step for it, as version 1 does for the store. Where IndexedDB is missing or throws
 * (blocked storage, some private modes) every call rejects, and the recorder keeps the answer in memory
 * for the visit.
 */

export const RECORDINGS_DB = { name: 'mlguide-recordings', version: 1, store: 'recordings' } as const;
const FORMAT_VERSION = 1;

export interface Recording {
  version: typeof FORMAT_VERSION;
  id: string;
  prompt: string;
  runId: string | null;
  createdAt: number;
  durationMs: number;
  mimeType: string;
  audio: Blob;
}

export function newRecording(
  prompt: string,
  runId: string | null,
  audio: Blob,
  durationMs: number,
  now: number,
): Recording {
  const duration = Number.isFinite(durationMs) && durationMs > 0 ? Math.round(durationMs) : 0;
  return {
    version: FORMAT_VERSION,
    id: `r${now.toString(36)}`,
    prompt,
    runId,
    createdAt: now,
    durationMs: duration,
    mimeType: audio.type || 'audio/webm',
    audio,
  };
}

/** A stored value as a Recording, or null when it is not one of this version. */
export function readRecording(value: unknown): Recording | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const time = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  if (r.version !== FORMAT_VERSION || typeof r.id !== 'string' || typeof r.prompt !== 'string') return null;
  if (!(r.runId === null || typeof r.runId === 'string') || !time(r.createdAt) || !time(r.durationMs)) return null;
  if (typeof r.mimeType !== 'string' || !(r.audio instanceof Blob)) return null;
  return r as unknown as Recording;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(RECORDINGS_DB.name, RECORDINGS_DB.version);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(RECORDINGS_DB.store))
        db.createObjectStore(RECORDINGS_DB.store, { keyPath: 'id' }).createIndex('prompt', 'prompt');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB cannot be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  }).catch((error: unknown) => {
    opening = undefined; // try again next time
    throw error;
  });
  return opening;
}

async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(RECORDINGS_DB.store, mode).objectStore(RECORDINGS_DB.store);
}

/** The recordings of a prompt, newest first, and how many stored records could not be read. */
export async function listRecordings(prompt: string): Promise<{ recordings: Recording[]; unreadable: number }> {
  const values = await request((await store('readonly')).index('prompt').getAll(prompt));
  const recordings = values.map(readRecording).filter((r): r is Recording => r !== null);
  return {
    recordings: recordings.sort((a, b) => b.createdAt - a.createdAt),
    unreadable: values.length - recordings.length,
  };
}

export async function saveRecording(recording: Recording): Promise<void> {
  await request((await store('readwrite')).put(recording));
}

export async function deleteRecording(id: string): Promise<void> {
  await request((await store('readwrite')).delete(id));
}
