/**
 * The guide's Markdown plugins in order, shared by the site build (astro.config.mjs), the
 * content check and the pipeline tests, so all three run exactly the same transformations.
 */
import remarkMath from 'remark-math';
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { remarkMermaid } from './remark-mermaid.ts';
import { rehypeKatexStrict } from './rehype-katex-strict.ts';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { rehypeScrollable } from './rehype-scrollable.ts';

export function remarkPlugins(): RemarkPlugins {
  return [remarkMath, remarkMermaid];
}

export function rehypePlugins(base: string): RehypePlugins {
  return [rehypeKatexStrict, rehypeScrollable, [rehypeBaseLinks, { base }]];
}
