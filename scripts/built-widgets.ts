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
  /** Whether it has a text box (a textarea or a text input) for pasted data. */
  textInput: boolean;
}

const WIDGET = /<([a-z][a-z0-9]*-[a-z0-9-]+)(?:\s[^>]*)?>\s*<section class="widget[\s"]/g;
const TEXT_BOX = /<textarea[\s>]|<input[^>]*\stype="text"/;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_astro' || entry.name === 'pagefind' ? [] : htmlFiles(path);
    return entry.name === 'index.html' ? [path] : [];
  });
}

/** The widgets of the site built into `dist`, by tag, in alphabetical order. */
export function builtWidgets(dist: string): BuiltWidget[] {
  const byTag = new Map<string, BuiltWidget>();
  for (const file of htmlFiles(dist).sort()) {
    const page = relative(dist, file).split(sep).slice(0, -1).join('/');
    const path = page ? `${page}/` : '';
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(WIDGET)) {
      const tag = match[1];
      const markup = html.slice(match.index, html.indexOf(`</${tag}>`, match.index));
      const widget = byTag.get(tag) ?? { tag, path, pages: [], textInput: false };
      if (!widget.pages.includes(path)) widget.pages.push(path);
      widget.textInput ||= TEXT_BOX.test(markup);
      byTag.set(tag, widget);
    }
  }
  return [...byTag.values()].sort((a, b) => a.tag.localeCompare(b.tag));
}
