/**
 * The site's addresses in one place: the base path, the content folder, and the conversion between
 * a page id ("lifecycle/evaluation") and its site path (the section list is beside it, in
 * sections.ts). Used by the Astro config, the Markdown link plugin, the link and content checks, the
 * social cards, the components and the reading-progress client, which runs on every page and so
 * must stay small. A base is always "/" or "/segment/.../" (leading and trailing slash), whatever
 * BASE_PATH looked like, so joining never produces "//".
 */

/** Where chapters live, from the project root (not src/content/docs/). */
export const DOCS_DIR = 'content/docs';

export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The base path of this build ("/" or "/ml-guide/"); "/" outside Vite (Node scripts). */
export const BASE_PATH = normalizeBase(import.meta.env?.BASE_URL);

/** True for a root-relative site link such as "/lifecycle/" (not "//host" or "https:"). */
export function isSiteAbsolute(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** Prefixes a root-relative link with the base once: "/x/" under "/guide/" -> "/guide/x/". */
export function withBase(url: string, base: string = BASE_PATH): string {
  if (!isSiteAbsolute(url) || base === '/') return url;
  return base + url.slice(1);
}

const PAGE_ID = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/** True for a page id such as "lifecycle/evaluation" (lowercase path segments, no leading or trailing slash). */
export function isPageId(value: string): boolean {
  return PAGE_ID.test(value) && !value.endsWith('/') && !value.includes('//');
}

/**
 * The page id of a content entry id or a site path without the base: "lifecycle/index" and
 * "/lifecycle/" -> "lifecycle", "/lifecycle/evaluation/#x" -> "lifecycle/evaluation", "" for the landing page.
 */
export function pageIdOf(entryOrPath: string): string {
  return entryOrPath
    .replace(/[#?].*$/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/(^|\/)index$/, '');
}

/** The site path of a page id, without the base: "lifecycle/evaluation" -> "/lifecycle/evaluation/". */
export function pagePath(id: string): string {
  return id === '' ? '/' : `/${id}/`;
}

/**
 * The page id of a URL path under `base`: "/ml-guide/lifecycle/evaluation/" with base "/ml-guide/"
 * -> "lifecycle/evaluation". Accepts a missing trailing slash and "index.html"; returns "" for the
 * landing page and null for a path outside the base or not shaped like a page.
 */
export function pageIdFromPath(pathname: string, base: string = BASE_PATH): string | null {
  const root = normalizeBase(base);
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

/**
 * The element id a location hash points at ("#q-drift%20check" -> "q-drift check"), or null for
 * none or for a malformed percent-escape ("#%E0%A4%A", "#%"), which would make decodeURIComponent throw.
 */
export function hashTarget(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The section slug of a page id: its first path segment ("lifecycle/evaluation" -> "lifecycle"). */
export function sectionOf(id: string): string {
  return id.split('/')[0];
}
