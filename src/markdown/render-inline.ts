/**
 * Renders a short Markdown string from data (a follow-up answer, a table cell, a rubric point) with
 * the site's own plugins, so links get the base path and maths is typeset exactly as in chapters.
 * The single paragraph wrapper is dropped, so the result fits inside a list item or a table cell.
 */
import { unified, type PluggableList, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { rehypePlugins, remarkPlugins } from './pipeline.ts';

const processors = new Map<string, Processor>();

function processorFor(base: string): Processor {
  let processor = processors.get(base);
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkPlugins() as PluggableList)
      .use(remarkRehype)
      .use(rehypePlugins(base) as PluggableList)
      .use(rehypeStringify) as unknown as Processor;
    processors.set(base, processor);
  }
  return processor;
}

/** "See [drift](/monitoring/drift/)" under base "/g/" -> 'See <a href="/g/monitoring/drift/">drift</a>'. */
export async function renderInline(markdown: string, base: string): Promise<string> {
  const html = String(await processorFor(base).process(markdown)).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return single && !single[1].includes('<p>') ? single[1] : html;
}
