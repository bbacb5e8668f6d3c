/**
 * Draws a Mermaid diagram as inline SVG at build time, so a page with diagrams ships no
 * diagram JavaScript. beautiful-mermaid renders flowcharts, sequence, state, class, ER and
 * XY charts without a browser; any other type is left for the lazy client-side renderer.
 * Colours are CSS variables (see .diagram in custom.css), so diagrams follow the theme toggle.
 */
import { renderMermaidSVG } from 'beautiful-mermaid';
import { fromHtml } from 'hast-util-from-html';
import { visit, SKIP } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';
import { flipStartArrows, orientBackEdges } from './mermaid-back-edges.ts';
import { drillPanel } from './diagram-drill.ts';
import { drillItems, parseDrills } from '../study/drills/drill.ts';

const BUILD_TIME_TYPES = [
  'flowchart',
  'graph',
  'sequenceDiagram',
  'stateDiagram',
  'stateDiagram-v2',
  'classDiagram',
  'erDiagram',
  'xychart',
  'xychart-beta',
];

/** The diagram keyword on the first meaningful line ("flowchart", "pie", ...). */
export function diagramType(source: string): string {
  const line = source
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('%%') && l !== '---');
  return line?.split(/[\s;]/)[0] ?? '';
}

export function drawnAtBuildTime(source: string): boolean {
  return BUILD_TIME_TYPES.includes(diagramType(source));
}

export interface DiagramGraph {
  /** Node id -> its label. */
  labels: Map<string, string>;
  edges: { from: string; to: string; label?: string }[];
  /** Every text drawn, for diagrams without nodes and edges (sequence diagrams). */
  texts: string[];
}

/** The nodes and edges beautiful-mermaid marks with data-id, data-from and data-to. */
export function diagramGraph(svg: Root): DiagramGraph {
  const labels = new Map<string, string>();
  const edges: DiagramGraph['edges'] = [];
  const texts: string[] = [];
  visit(svg, 'element', (el) => {
    const p = el.properties;
    if (p.dataId != null && p.dataLabel != null) labels.set(String(p.dataId), String(p.dataLabel));
    if (el.tagName === 'text') {
      const t = el.children
        .map((c) => ('value' in c ? c.value : ''))
        .join('')
        .trim();
      if (t) texts.push(t);
    }
    const { dataFrom, dataTo, dataLabel } = p;
    if (dataFrom == null || dataTo == null || (el.tagName === 'g' && p.className?.toString().includes('edge-label')))
      return;
    edges.push({ from: String(dataFrom), to: String(dataTo), ...(dataLabel ? { label: String(dataLabel) } : {}) });
  });
  return { labels, edges, texts };
}

/** One sentence per edge ("A → B (label)"), or the node labels when a diagram has no edges. */
function describeGraph({ labels, edges, texts }: DiagramGraph): string[] {
  const name = (id: string) => labels.get(id) ?? id;
  const lines = edges.map(({ from, to, label }) => `${name(from)} → ${name(to)}${label ? ` (${label})` : ''}`);
  return lines.length > 0 ? lines : [...new Set(texts)];
}

/** Small stable hash so ids inside one diagram never clash with another's. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** Widest a diagram can be and still fit a chapter column without shrinking its labels much. */
const COLUMN_WIDTH = 760;

function draw(source: string): Root {
  const tree = fromHtml(
    renderMermaidSVG(orientBackEdges(source), { bg: 'var(--bg)', fg: 'var(--fg)', transparent: true }),
    {
      fragment: true,
      space: 'svg',
    },
  );
  flipStartArrows(tree);
  return tree;
}

function naturalWidth(tree: Root): number {
  const svg = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  return Number(svg?.properties.width ?? 0);
}

/**
 * A long left-to-right chain is drawn wider than the chapter column and would be scaled down to
 * unreadable labels; when drawing it top-down is narrower, that is what readers get.
 */
function drawLegibly(source: string): Root {
  const tree = draw(source);
  const sideways = /^\s*(flowchart|graph)\s+(LR|RL)\b/m;
  if (naturalWidth(tree) <= COLUMN_WIDTH || !sideways.test(source)) return tree;
  const upright = draw(source.replace(sideways, '$1 TD'));
  return naturalWidth(upright) < naturalWidth(tree) ? upright : tree;
}

/**
 * Renders `source` to a <figure> element with an SVG, a caption and a text alternative, plus a
 * drill panel when the source has "%% drill" lines (see src/study/drills/drill.ts; throws when
 * one is malformed or names a node the diagram does not have).
 */
export function renderDiagram(source: string, title?: string): Element {
  const drills = parseDrills(source);
  const id = `diagram-${shortHash(source)}`;
  const caption: ElementContent[] = title
    ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title }] }]
    : [];

  if (!drawnAtBuildTime(source)) {
    if (drills.length > 0) throw new Error(`drills need a diagram drawn at build time, not ${diagramType(source)}`);
    // Drawn in the browser by DiagramLoader.astro, which MarkdownContent.astro adds to such pages.
    return {
      type: 'element',
      tagName: 'figure',
      properties: { className: ['diagram', 'diagram-client'], dataDiagramType: diagramType(source) },
      children: [
        {
          type: 'element',
          tagName: 'pre',
          properties: { className: ['mermaid-source'] },
          children: [{ type: 'text', value: source }],
        },
        ...caption,
      ],
    };
  }

  const tree = drawLegibly(source);
  const svg = tree.children.find((c): c is Element => c.type === 'element' && c.tagName === 'svg');
  if (!svg) throw new Error('the renderer returned no <svg>');

  // The renderer's <style> would leak into the whole page and load a web font; our CSS replaces it.
  visit(tree, 'element', (el, index, parent) => {
    if (el.tagName === 'style' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (el.properties.id) el.properties.id = `${id}-${el.properties.id}`;
    for (const [key, value] of Object.entries(el.properties)) {
      if (typeof value === 'string' && value.includes('url(#'))
        el.properties[key] = value.replace(/url\(#/g, `url(#${id}-`);
    }
  });

  const graph = diagramGraph(tree);
  const description = describeGraph(graph);
  const drill =
    drills.length > 0 ? [drillPanel(id, title ?? 'this diagram', drillItems(drills, graph.edges, graph.labels))] : [];
  const width = Number(svg.properties.width);
  delete svg.properties.width;
  delete svg.properties.height;
  // Never shrink below three quarters of the natural size: the frame scrolls sideways instead.
  svg.properties.style = Number.isFinite(width)
    ? `max-width:${Math.ceil(width)}px;min-width:${Math.ceil(width * 0.75)}px`
    : undefined;
  svg.properties.role = 'img';
  svg.properties.ariaLabelledBy = [`${id}-title`];
  svg.properties.ariaDescribedBy = [`${id}-text`];
  svg.children.unshift({
    type: 'element',
    tagName: 'title',
    properties: { id: `${id}-title` },
    children: [{ type: 'text', value: title ?? `${diagramType(source)} diagram` }],
  });

  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagram'], dataDiagramType: diagramType(source) },
    children: [
      {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['diagram-frame'],
          tabIndex: 0,
          role: 'group',
          ariaLabel: title ?? `${diagramType(source)} diagram`,
        },
        children: [svg],
      },
      ...caption,
      ...drill,
      {
        type: 'element',
        tagName: 'details',
        properties: { className: ['diagram-text'] },
        children: [
          {
            type: 'element',
            tagName: 'summary',
            properties: {},
            children: [{ type: 'text', value: 'Diagram as text' }],
          },
          {
            type: 'element',
            tagName: 'ul',
            properties: { id: `${id}-text` },
            children: description.map((line) => ({
              type: 'element',
              tagName: 'li',
              properties: {},
              children: [{ type: 'text', value: line }],
            })),
          },
        ],
      },
    ],
  };
}
