import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { DrillError, drillItems, drillOptions, drillQuestion, parseDrills } from '../../../src/study/drills/drill.ts';
import { COMPONENT_GROUPS, groupOf } from '../../../src/study/drills/components.ts';
import { renderDiagram } from '../../../src/markdown/mermaid-svg.ts';
import { DOCS_DIR } from '../../../src/site/paths.ts';

const SOURCE = `flowchart TD
  U["User request"] --> G["Candidate generation: ANN"]
  G --> R["Ranker"]
  R --> P["Policy layer"]
  %% drill G: Candidate generation, see [The funnel](/lifecycle/funnel/)
  %% drill R: Ranker, see [Models](/lifecycle/recommendation-models/#two-towers)`;

describe('parseDrills', () => {
  it('reads one entry per drill line and ignores other comments', () => {
    expect(parseDrills(`${SOURCE}\n  %% an ordinary comment`)).toEqual([
      { node: 'G', answer: 'Candidate generation', link: { text: 'The funnel', href: '/lifecycle/funnel/' } },
      { node: 'R', answer: 'Ranker', link: { text: 'Models', href: '/lifecycle/recommendation-models/#two-towers' } },
    ]);
    expect(parseDrills('flowchart LR\n A --> B')).toEqual([]);
  });

  it('names the line when an entry is malformed, unknown, off-site or repeated', () => {
    expect(() => parseDrills('%% drill G Candidate generation')).toThrow(/drill line 1 .*write it as/);
    expect(() => parseDrills('%% drill G: Flux capacitor, see [x](/a/)')).toThrow(/"Flux capacitor" is not in/);
    expect(() => parseDrills('%% drill G: Ranker, see [x](https://example.com/)')).toThrow(DrillError);
    expect(() => parseDrills('%% drill G: Ranker, see [x](/a/)\n%% drill G: Ranker, see [x](/a/)')).toThrow(
      /drill line 2 .*drilled twice/,
    );
  });
});

describe('drillOptions', () => {
  it('offers the answer among three distinct names of the same kind', () => {
    const options = drillOptions('Ranker', []);
    expect(options).toHaveLength(4);
    expect(new Set(options).size).toBe(4);
    expect(options).toContain('Ranker');
    expect(options.map(groupOf)).toEqual(['model', 'model', 'model', 'model']);
  });

  it('never offers another answer of the same diagram, and is the same on every build', () => {
    const exclude = COMPONENT_GROUPS.model.filter((name) => name !== 'Ranker').slice(0, 9);
    const options = drillOptions('Ranker', exclude);
    expect(options.filter((name) => exclude.includes(name as never))).toEqual([]);
    expect(options).toContain('Ranker');
    expect(new Set(options).size).toBe(4); // the group ran short: the rest come from other kinds
    expect(drillOptions('Ranker', exclude)).toEqual(options);
  });

  it('refuses a name it does not know', () => {
    expect(() => drillOptions('Flux capacitor', [])).toThrow(DrillError);
  });
});

describe('drillQuestion', () => {
  const labels = new Map([
    ['A', 'Request'],
    ['B', 'Hidden box'],
    ['C', 'Cache'],
    ['D', 'Store'],
  ]);
  it('places the hidden box by its neighbours, in words', () => {
    const edges = [
      { from: 'A', to: 'B' },
      { from: 'D', to: 'B' },
      { from: 'B', to: 'C' },
    ];
    expect(drillQuestion('B', edges, labels)).toBe(
      'Which component is hidden? It takes input from “Request” and “Store” and feeds “Cache”.',
    );
    expect(drillQuestion('A', edges, labels)).toBe(
      'Which component is hidden? It starts the flow and feeds “Hidden box”.',
    );
    expect(drillQuestion('C', edges, labels)).toBe(
      'Which component is hidden? It takes input from “Hidden box” and ends the flow.',
    );
  });

  it('refuses a drill on a node the diagram does not have', () => {
    expect(() => drillItems(parseDrills('%% drill Z: Ranker, see [x](/a/)'), [], labels)).toThrow(
      /Z is not in the diagram/,
    );
  });
});

describe('the drill panel drawn at build time', () => {
  const html = toHtml(renderDiagram(SOURCE, 'Ranking'));

  it('asks one question per drilled node, with radio options and the explaining link', () => {
    expect(html).toContain('class="diagram-drill not-content"');
    expect(html.match(/<form /g)).toHaveLength(2);
    expect(html).toContain('data-answer="Candidate generation"');
    expect(html).toContain('takes input from “User request” and feeds “Ranker”');
    expect(html.match(/type="radio"/g)).toHaveLength(8);
    expect(html).toContain('<a href="/lifecycle/funnel/">The funnel</a>');
  });

  it('fails the build for a drill on a node that is not drawn', () => {
    expect(() => renderDiagram(`${SOURCE}\n  %% drill Q: Ranker, see [x](/a/)`)).toThrow(/Q is not in the diagram/);
  });
});

describe('drills in the guide', () => {
  const fences = (file: string) =>
    [...readFileSync(join(DOCS_DIR, file), 'utf8').matchAll(/```mermaid[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const cases = readdirSync(join(DOCS_DIR, 'practice/cases')).filter((f) => f !== 'index.mdx');

  it('every blueprint and every worked case diagram can be drilled on at least three boxes', () => {
    const diagrams = [...fences('reference/blueprints.mdx'), ...cases.flatMap((f) => fences(`practice/cases/${f}`))];
    expect(diagrams.length).toBeGreaterThanOrEqual(6 + cases.length);
    for (const source of diagrams) expect(parseDrills(source).length).toBeGreaterThanOrEqual(3);
  });

  it('links every answer to a chapter that exists', () => {
    for (const file of ['reference/blueprints.mdx', ...cases.map((f) => `practice/cases/${f}`)])
      for (const { link } of fences(file).flatMap(parseDrills)) {
        const page = link.href.replace(/#.*$/, '').replace(/^\/|\/$/g, '');
        const exists = [`${page}.mdx`, `${page}/index.mdx`].some((candidate) => {
          try {
            return readFileSync(join(DOCS_DIR, candidate)).length > 0;
          } catch {
            return false;
          }
        });
        expect(exists, `${file}: ${link.href}`).toBe(true);
      }
  });
});
