/**
 * Base-path helpers shared by the Astro config, the link plugin and the link checker.
 * A base is always "/" or "/segment/.../" (leading and trailing slash), whatever the
 * BASE_PATH variable looked like, so joining never produces "//" (a different host).
 */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** True for a root-relative site link such as "/lifecycle/" (not "//host" or "https:"). */
export function isSiteAbsolute(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** Prefixes a root-relative link with the base once: "/x/" under "/guide/" -> "/guide/x/". */
export function withBase(url: string, base: string): string {
  if (!isSiteAbsolute(url) || base === '/') return url;
  return base + url.slice(1);
}
