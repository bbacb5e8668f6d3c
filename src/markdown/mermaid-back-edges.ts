/**
 * The one workaround the build-time Mermaid renderer needs, kept apart so it is easy to drop.
 *
 * Why: beautiful-mermaid's layout (1.1.3, pinned) breaks cycles poorly, so a loop's back-edge
 * ("monitoring -> data") can drag a late node to the top of a flowchart. We rewrite such an edge
 * with its arrowhead at the start before layout, then flip the drawn edge back. The flip relies on
 * attributes of beautiful-mermaid's SVG that are not a documented API (data-arrow-start,
 * data-arrow-end, data-from, data-to and the "arrowhead-start" marker id), so an upgrade must run
 * tests/markdown/mermaid-svg.test.ts, which draws a loop and checks where its nodes land.
 */
import { visit } from 'unist-util-visit';
import type { Root } from 'hast';

/** A flowchart: its first line that is not blank or a %% comment starts with flowchart or graph. */
const FLOWCHART = /^(?:[ \t]*(?:%%[^\n]*)?\n)*[ \t]*(?:flowchart|graph)\b/;
const BACK_EDGE = /^(\s*)([\w-]+)\s*(-->|-\.->|==>)\s*(\|[^|]*\|)?\s*([\w-]+)\s*;?\s*$/;
const REVERSED: Record<string, string> = { '-->': '<---', '-.->': '<-.-', '==>': '<===' };

/**
 * The layout engine breaks cycles poorly: a loop's back-edge ("monitoring -> data") can drag a
 * late node to the top. Written the other way round with the arrowhead at its start, the edge
 * no longer closes a cycle, so nodes keep the order the author declared them in. The drawing is
 * flipped back afterwards (see flipStartArrows), so readers see the arrow the author wrote.
 */
export function orientBackEdges(source: string): string {
  if (!FLOWCHART.test(source)) return source;
  const seen = new Map<string, number>();
  return source
    .split('\n')
    .map((line) => {
      const edge = BACK_EDGE.exec(line);
      if (edge) {
        const [, indent, from, op, label = '', to] = edge;
        if (seen.has(from) && seen.has(to) && seen.get(to)! < seen.get(from)!)
          return `${indent}${to} ${REVERSED[op]}${label} ${from}`;
      }
      for (const id of line.match(/[A-Za-z_][\w-]*(?=\s*(?:\[|\(|\{|-->|-\.->|==>|---|$|\s*;))/g) ?? []) {
        if (!seen.has(id) && !/^(flowchart|graph|TD|TB|LR|RL|BT|subgraph|end)$/.test(id)) seen.set(id, seen.size);
      }
      return line;
    })
    .join('\n');
}

/** Redraws start-arrow edges (from orientBackEdges) as ordinary end-arrow edges, in the author's direction. */
export function flipStartArrows(tree: Root) {
  visit(tree, 'element', (el) => {
    const p = el.properties;
    if (el.tagName !== 'polyline' || p.dataArrowStart !== 'true' || p.dataArrowEnd !== 'false') return;
    p.points = String(p.points).trim().split(/\s+/).reverse().join(' ');
    p.markerEnd = String(p.markerStart).replace('arrowhead-start', 'arrowhead');
    delete p.markerStart;
    [p.dataFrom, p.dataTo] = [p.dataTo, p.dataFrom];
    p.dataArrowStart = 'false';
    p.dataArrowEnd = 'true';
  });
}
