/**
 * localStorage that never throws. Browsers refuse storage in some modes (blocked cookies, private
 * windows, a full quota); the study features then keep working for the visit and say why nothing is
 * saved, instead of crashing the page.
 */

export type StorageRead = { ok: true; text: string | null } | { ok: false; message: string };

export function readStorage(key: string): StorageRead {
  try {
    return { ok: true, text: window.localStorage.getItem(key) };
  } catch {
    return { ok: false, message: 'This browser does not allow the page to read saved progress (storage is blocked).' };
  }
}

/** Saves `text` under `key`; returns null on success, or a sentence saying why it was not saved. */
export function writeStorage(key: string, text: string): string | null {
  try {
    window.localStorage.setItem(key, text);
    return null;
  } catch {
    return 'Your progress could not be saved in this browser (storage is blocked or full); it lasts until you leave the page.';
  }
}
