/**
 * Reading progress: which pages the reader marked as read, kept in localStorage "mlguide:read" as
 * { version: 1, pages: { "<page id>": <epoch ms when marked> } }. A page id is the path below the
 * site's base without slashes ("lifecycle/evaluation"), so progress survives a change of base path.
 * Pure: no DOM and no storage access here (src/client/store.ts keeps it).
 */
import { isRecord, type StoredFormat } from '../../client/store.ts';
import { isPageId } from '../../site/paths.ts';

export const READ_KEY = 'mlguide:read';

export interface ReadState {
  version: 1;
  pages: Record<string, number>;
}

export function emptyReadState(): ReadState {
  return { version: 1, pages: {} };
}

/**
 * The stored format of reading progress. Entries with a bad page id or time are skipped one by one
 * (and named in the notice); the rest load.
 */
export const READ_FORMAT: StoredFormat<ReadState> = {
  key: READ_KEY,
  noun: 'reading progress',
  version: 1,
  empty: emptyReadState,
  read(document) {
    if (!isRecord(document.pages)) return null;
    const pages: [string, number][] = [];
    const skipped: string[] = [];
    for (const [id, at] of Object.entries(document.pages)) {
      if (isPageId(id) && typeof at === 'number' && Number.isFinite(at) && at >= 0) pages.push([id, at]);
      else skipped.push(`page ${JSON.stringify(id.slice(0, 60))}`);
    }
    return { value: { version: 1, pages: Object.fromEntries(pages) }, skipped };
  },
  write: (state) => ({ version: 1, pages: state.pages }),
};

export function isRead(state: ReadState, page: string): boolean {
  return Object.hasOwn(state.pages, page);
}

/** How many of `pages` (the pages that exist) are read; marks of pages since removed are not counted. */
export function countRead(state: ReadState, pages: Iterable<string>): number {
  let read = 0;
  for (const page of new Set(pages)) if (isRead(state, page)) read++;
  return read;
}

/** A new state with `page` marked read (at `now`) or unread. */
export function setRead(state: ReadState, page: string, read: boolean, now: number): ReadState {
  if (!isPageId(page)) throw new Error(`Not a page id: "${page}"`);
  const pages = { ...state.pages };
  if (read) pages[page] = pages[page] ?? now;
  else delete pages[page];
  return { version: 1, pages };
}

/** Pages that take part in reading progress: every chapter, not the landing page or the 404 page. */
export function isTrackable(page: string): boolean {
  return page !== '' && page !== 'index' && page !== '404' && isPageId(page);
}
