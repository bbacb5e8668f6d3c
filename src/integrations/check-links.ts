/**
 * Build check: every internal link and #anchor in the built site must resolve, under the
 * configured base path. It reads the HTML that ships (chapters, sidebar, components, widgets
 * alike), so it catches what a Markdown-only checker cannot; a broken link fails the build.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { normalizeBase } from '../site/paths.ts';

export interface PageLinks {
  ids: Set<string>;
  links: string[];
}

const LINK_ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', img: 'src', script: 'src' };

/** The ids a page defines and the URLs it points to. */
export function collectPage(html: string): PageLinks {
  const ids = new Set<string>();
  const links: string[] = [];
  visit(fromHtml(html), 'element', (el) => {
    const { id, name } = el.properties;
    if (typeof id === 'string') ids.add(id);
    if (el.tagName === 'a' && typeof name === 'string') ids.add(name);
    const attr = LINK_ATTRIBUTES[el.tagName];
    const value = attr && el.properties[attr];
    if (typeof value === 'string') links.push(value);
  });
  return { ids, links };
}

/** URL path of a built file: "lifecycle/index.html" -> "/base/lifecycle/". */
export function pagePath(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * Links that do not resolve, as "page: link (reason)". `pages` maps each built file
 * ("lifecycle/index.html", "og.png") to its links; non-HTML files have no links.
 */
export function findBrokenLinks(pages: Map<string, PageLinks | null>, base: string): string[] {
  const problems: string[] = [];
  const origin = 'http://site.invalid';
  for (const [file, page] of pages) {
    if (!page) continue;
    const here = new URL(pagePath(file, base), origin);
    for (const link of page.links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) {
        const problem = externalLinkProblem(link);
        if (problem) problems.push(`${file}: ${link} (${problem})`);
        continue;
      }
      if (link === '') continue;
      const target = new URL(link, here);
      const reason = resolveTarget(target, pages, base);
      if (reason) problems.push(`${file}: ${link} (${reason})`);
    }
  }
  return problems;
}

/**
 * External links are not fetched (CI has no network), but they must be well-formed: a web link
 * needs a host with a dot, and only http(s), mailto and data URLs belong in the guide.
 */
export function externalLinkProblem(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.startsWith('//') ? `https:${link}` : link);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol === 'mailto:' || url.protocol === 'data:') return null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `unexpected scheme ${url.protocol}`;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return 'no valid host';
  return null;
}

function resolveTarget(target: URL, pages: Map<string, PageLinks | null>, base: string): string | null {
  const path = decodeURIComponent(target.pathname);
  if (!path.startsWith(base)) return `outside the base path ${base}`;
  const rel = path.slice(base.length);
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`, `${rel}.html`];
  const file = candidates.find((c) => pages.has(c));
  if (!file) return 'no such page or file';
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (!fragment) return null;
  const page = pages.get(file);
  if (!page) return `#${fragment} points into a non-HTML file`;
  return page.ids.has(fragment) ? null : `no element with id "${fragment}"`;
}

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir)) {
    const full = join(dir, name);
    if ((await stat(full)).isDirectory()) out.push(...(await listFiles(full, root)));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

export async function checkBuiltSite(dir: string, base: string): Promise<string[]> {
  const pages = new Map<string, PageLinks | null>();
  for (const file of await listFiles(dir)) {
    pages.set(file, file.endsWith('.html') ? collectPage(await readFile(join(dir, file), 'utf8')) : null);
  }
  return findBrokenLinks(pages, base);
}

export function checkLinks(): AstroIntegration {
  let base = '/';
  return {
    name: 'guide:check-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const problems = await checkBuiltSite(fileURLToPath(dir), base);
        if (problems.length > 0) {
          const shown = problems.slice(0, 50).join('\n  ');
          throw new Error(`${problems.length} broken link(s) in the built site:\n  ${shown}`);
        }
        logger.info('every internal link and anchor resolves');
      },
    },
  };
}
