/**
 * Every widget on the built site, found in the HTML rather than listed by hand, so a widget added
 * later is measured and tested too: each custom element that wraps a WidgetFrame
 * (`<tag><section class="widget …">`), with the first page that shows it and every page that does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BuiltWidget {
  tag: string;
  /** The first page that shows it, below the base: "monitoring/drift/". */
  path: string;
  pages: string[];
}

const WIDGET = /<([a-z][a-z0-9]*-[a-z0-9-]+)(?:\s[^>]*)?>\s*<section class="widget[\s"]/g;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_astro' || entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name === 'index.html' ? [path] : [];
  });
}

/** The widgets of the site built into `dist`, by tag, in alphabetical order. */
export function builtWidgets(dist: string): BuiltWidget[] {
  const byTag = new Map<string, string[]>();
  for (const file of htmlFiles(dist).sort()) {
    const page = relative(dist, file).split(sep).slice(0, -1).join('/');
    const path = page ? `${page}/` : '';
    for (const [, tag] of readFileSync(file, 'utf8').matchAll(WIDGET)) {
      const pages = byTag.get(tag) ?? [];
      if (!pages.includes(path)) pages.push(path);
      byTag.set(tag, pages);
    }
  }
  return [...byTag.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, pages]) => ({ tag, path: pages[0], pages }));
}
