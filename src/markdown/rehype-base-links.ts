/**
 * rehype plugin: authors write site links as "/lifecycle/problem-setup/"; this prefixes them
 * with the deployment base ("/ml-guide/lifecycle/problem-setup/") so the same Markdown works
 * at a domain root and under a GitHub Pages project path. Also rewrites href/src props of
 * MDX components such as <LinkCard href="/...">.
 */
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';
import { withBase } from '../site/paths.ts';

const URL_PROPERTIES = ['href', 'src'];

interface MdxJsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

export function rehypeBaseLinks({ base }: { base: string }) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element') {
        for (const key of URL_PROPERTIES) {
          const value = node.properties[key];
          if (typeof value === 'string') node.properties[key] = withBase(value, base);
        }
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attr of (node as unknown as { attributes: MdxJsxAttribute[] }).attributes) {
          if (
            attr.type === 'mdxJsxAttribute' &&
            URL_PROPERTIES.includes(attr.name ?? '') &&
            typeof attr.value === 'string'
          ) {
            attr.value = withBase(attr.value, base);
          }
        }
      }
    });
  };
}
