/**
 * rehype plugin: rehype-katex in KaTeX's strict mode, but a formula KaTeX cannot render
 * fails the build with file, line and KaTeX's reason, instead of shipping red error text.
 *
 * KaTeX writes each formula three times: MathML for screen readers, its TeX source inside the
 * MathML, and the HTML the eye reads. Search indexes the MathML alone: with all three, a result's
 * excerpt read "PSI=∑i=1B(ai−ei)lnaiei\mathrm{PSI} = \sum_{i=1}^{B} … PSI=i=1∑B(ai−ei)…".
 */
import rehypeKatex from 'rehype-katex';
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import type { VFile } from 'vfile';

const NOT_INDEXED = { dataPagefindIgnore: '' };

export function rehypeKatexStrict() {
  const typeset = rehypeKatex({ strict: 'error', output: 'htmlAndMathml' }) as (tree: Root, file: VFile) => void;
  return (tree: Root, file: VFile) => {
    const before = file.messages.length;
    typeset(tree, file);
    const failure = file.messages.slice(before).find((m) => m.source === 'rehype-katex');
    if (failure) {
      const point = failure.place && 'start' in failure.place ? failure.place.start : failure.place;
      const where = point ? `:${point.line}:${point.column}` : '';
      const reason = failure.cause instanceof Error ? failure.cause.message : failure.reason;
      throw new Error(`${file.path}${where}: KaTeX could not render a formula: ${reason}`);
    }
    visit(tree, 'element', (el) => {
      const classes = Array.isArray(el.properties.className) ? el.properties.className : [];
      if (el.tagName === 'annotation' || classes.includes('katex-html')) Object.assign(el.properties, NOT_INDEXED);
    });
  };
}
