/**
 * remark plugin: turns ```mermaid fences into diagrams at build time (see mermaid-svg.ts).
 * An optional title goes in the fence meta: ```mermaid title="The design loop".
 * "%% drill" lines in the fence add a drill panel (see src/study/drills/drill.ts).
 * A diagram that cannot be drawn, or a wrong drill line, fails the build with the file and line.
 */
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { renderDiagram } from './mermaid-svg.ts';

export function remarkMermaid() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const title = /title="([^"]*)"/.exec(node.meta ?? '')?.[1];
      let figure;
      try {
        figure = renderDiagram(node.value, title);
      } catch (error) {
        file.fail(`Mermaid diagram could not be drawn: ${(error as Error).message}`, {
          place: node.position,
          source: 'remark-mermaid',
        });
      }
      // An mdast node that remark-rehype turns into exactly this hast element.
      parent.children[index] = {
        type: 'paragraph',
        children: [],
        data: { hName: figure.tagName, hProperties: figure.properties, hChildren: figure.children },
      };
    });
  };
}
