import { readFileSync } from 'node:fs';
import { E2E_BASE, E2E_DIST } from './env.ts';

/** Page paths below the base ("lifecycle/evaluation/") from the built sitemap, sorted. */
export function sitemapPaths(): string[] {
  const xml = readFileSync(`${E2E_DIST}/sitemap-0.xml`, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((match) => new URL(match[1]).pathname.slice(E2E_BASE.length))
    .sort();
}
