/**
 * rehype plugin: rehype-katex in KaTeX's strict mode, but a formula KaTeX cannot render
 * fails the build with file, line and KaTeX's reason, instead of shipping red error text.
 */
import rehypeKatex from 'rehype-katex';
import type { Root } from 'hast';
import type { VFile } from 'vfile';

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
  };
}
