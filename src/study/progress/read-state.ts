/**
 * Reading progress: which pages the reader marked as read, kept in localStorage "mlguide:read" as
 * { version: 1, pages: { "<page id>": <epoch ms when marked> } }. A page id is the path below the
 * site's base without slashes ("lifecycle/evaluation"), so progress survives a change of base path.
 * Pure: no DOM and no storage access here.
 */

export const READ_KEY = 'mlguide:read';

export interface ReadState {
  version: 1;
  pages: Record<string, number>;
}

export function emptyReadState(): ReadState {
  return { version: 1, pages: {} };
}

const PAGE_ID = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** True for a page id such as "lifecycle/evaluation" (lowercase path segments, no leading or trailing slash). */
export function isPageId(value: string): boolean {
  return PAGE_ID.test(value) && !value.endsWith('/') && !value.includes('//');
}

const IGNORED = 'Your saved reading progress could not be read, so it was ignored.';

/**
 * Reads stored progress. Absent -> empty; malformed, foreign or another version -> empty and a
 * problem sentence. Entries with a bad page id or time are dropped silently.
 */
export function parseReadState(raw: string | null): { state: ReadState; problem: string | null } {
  if (raw === null) return { state: emptyReadState(), problem: null };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { state: emptyReadState(), problem: IGNORED };
  }
  if (!isRecord(data) || data.version !== 1 || !isRecord(data.pages))
    return { state: emptyReadState(), problem: IGNORED };
  const pages: Record<string, number> = {};
  for (const [id, at] of Object.entries(data.pages)) {
    if (isPageId(id) && typeof at === 'number' && Number.isFinite(at) && at >= 0) pages[id] = at;
  }
  return { state: { version: 1, pages }, problem: null };
}

export function serializeReadState(state: ReadState): string {
  return JSON.stringify(state);
}

export function isRead(state: ReadState, page: string): boolean {
  return Object.hasOwn(state.pages, page);
}

/** A new state with `page` marked read (at `now`) or unread. */
export function setRead(state: ReadState, page: string, read: boolean, now: number): ReadState {
  if (!isPageId(page)) throw new Error(`Not a page id: "${page}"`);
  const pages = { ...state.pages };
  if (read) pages[page] = pages[page] ?? now;
  else delete pages[page];
  return { version: 1, pages };
}

/**
 * The page id of a URL path under `base`: "/ml-guide/lifecycle/evaluation/" with base "/ml-guide/"
 * -> "lifecycle/evaluation". Accepts a missing trailing slash and "index.html"; returns "" for the
 * landing page and null for a path outside the base or not shaped like a page.
 */
export function pageIdFromPath(pathname: string, base: string): string | null {
  const root = base.endsWith('/') ? base : `${base}/`;
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (!path.startsWith(root)) return null;
  let rest = path.slice(root.length).replace(/(^|\/)index\.html\/$/, '$1');
  rest = rest.replace(/\/+$/, '');
  if (rest === '') return '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  return isPageId(decoded) ? decoded : null;
}

/** The section of a page id: its first path segment ("lifecycle/evaluation" -> "lifecycle"). */
export function sectionOf(page: string): string {
  return page.split('/')[0];
}

/** Pages that take part in reading progress: every chapter, not the landing page or the 404 page. */
export function isTrackable(page: string): boolean {
  return page !== '' && page !== 'index' && page !== '404' && isPageId(page);
}

export interface SectionProgress {
  section: string;
  read: number;
  total: number;
}

/**
 * Read counts per section, in the order of `sections`, for the pages that exist (`pages`); marks
 * for pages that no longer exist are not counted. Example: pages ["a/x", "a/y", "b/z"], read {"a/x"}
 * -> [{ a: 1 of 2 }, { b: 0 of 1 }].
 */
export function progressBySection(
  sections: readonly string[],
  pages: readonly string[],
  state: ReadState,
): { sections: SectionProgress[]; read: number; total: number } {
  const rows = sections.map((section) => {
    const inSection = pages.filter((p) => sectionOf(p) === section);
    return { section, read: inSection.filter((p) => isRead(state, p)).length, total: inSection.length };
  });
  return {
    sections: rows,
    read: rows.reduce((sum, r) => sum + r.read, 0),
    total: rows.reduce((sum, r) => sum + r.total, 0),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
