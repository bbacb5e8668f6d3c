/**
 * "Download what was kept aside": the button a notice offers when a store kept unreadable saved data
 * aside (see store.ts), so the reader can take it away and nothing is lost for good. Any page that
 * shows a store's notices can offer it with one call. It loads only where something was kept aside.
 */
import { DOWNLOAD_KEPT_ASIDE, type Store } from './store.ts';

/**
 * The file that "Download what was kept aside" saves: every text kept aside for `key`, unchanged,
 * with where it came from, so the reader (or a later version of the guide) can recover it. Pure.
 */
export function keptAsideFile(key: string, texts: readonly string[], now: Date): { name: string; text: string } {
  const day = now.toISOString().slice(0, 10);
  const name = `${key.replace(/[^a-z0-9]+/gi, '-')}-kept-aside-${day}.json`;
  const document = { format: 'mlguide-kept-aside', key, savedAt: now.toISOString(), items: texts };
  return { name, text: `${JSON.stringify(document, null, 2)}\n` };
}

/** Saves what `store` kept aside as a JSON file through the browser's download. */
export function downloadKeptAside(store: Store<unknown>): void {
  const { name, text } = keptAsideFile(store.key, store.quarantined(), new Date());
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/**
 * Puts the download button right after `notice` when `store` has kept anything aside (once: a second
 * call updates the count). Returns the button, or null when there is nothing to download.
 */
export function offerKeptAside(notice: Element, store: Store<unknown>): HTMLButtonElement | null {
  const count = store.quarantined().length;
  let button = notice.parentElement?.querySelector<HTMLButtonElement>(`button[data-kept-aside="${store.key}"]`) ?? null;
  if (count === 0) {
    button?.remove();
    return null;
  }
  if (!button) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'kept-aside-download';
    button.dataset.keptAside = store.key;
    button.addEventListener('click', () => downloadKeptAside(store));
    notice.after(button);
  }
  button.textContent = `${DOWNLOAD_KEPT_ASIDE} (${count} saved ${count === 1 ? 'copy' : 'copies'} of your ${store.noun})`;
  return button;
}
