/**
 * rehype plugin: tables and display formulas scroll sideways when they are wider than the page
 * (Starlight's table styles, our .katex-display rule). A scrolling region must be reachable by
 * keyboard (WCAG 2.1.1), so each gets tabindex="0". (A table's caption or a formula's MathML
 * already says what it holds, so no extra label is added.)
 */
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';

export function rehypeScrollable() {
  return (tree: Root) => {
    visit(tree, 'element', (el) => {
      const classes = Array.isArray(el.properties.className) ? el.properties.className : [];
      if (el.tagName === 'table' || (el.tagName === 'span' && classes.includes('katex-display'))) {
        el.properties.tabIndex = 0;
      }
    });
  };
}
