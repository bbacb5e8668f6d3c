import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { diagramType, drawnAtBuildTime, renderDiagram, shortHash } from '../../src/markdown/mermaid-svg.ts';
import { orientBackEdges } from '../../src/markdown/mermaid-back-edges.ts';

describe('diagramType', () => {
  it('reads the keyword on the first meaningful line', () => {
    expect(diagramType('%% comment\nflowchart LR\nA-->B')).toBe('flowchart');
    expect(diagramType('\n  sequenceDiagram\n  A->>B: hi')).toBe('sequenceDiagram');
    expect(diagramType('graph TD;A-->B')).toBe('graph');
  });
  it('knows which types are drawn at build time', () => {
    expect(drawnAtBuildTime('stateDiagram-v2\n[*] --> A')).toBe(true);
    expect(drawnAtBuildTime('gantt\ntitle x')).toBe(false);
  });
});

describe('renderDiagram', () => {
  it('gives two diagrams on one page distinct ids and rewrites internal references', () => {
    const a = toHtml(renderDiagram('flowchart LR\n A --> B'));
    const b = toHtml(renderDiagram('flowchart LR\n C --> D'));
    const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    for (const [, ref] of a.matchAll(/url\(#([^)]+)\)/g)) expect(ids(a)).toContain(ref);
  });

  it('describes a sequence diagram by its messages', () => {
    const html = toHtml(
      renderDiagram(
        'sequenceDiagram\n  participant U as User\n  participant S as Server\n  U->>S: request\n  S-->>U: reply',
      ),
    );
    expect(html).toContain('<li>User → Server (request)</li>');
    expect(html).toContain('<li>Server → User (reply)</li>');
  });

  it('is deterministic, so builds are reproducible', () => {
    const source = 'flowchart TD\n A["x"] --> B["y"]';
    expect(toHtml(renderDiagram(source))).toBe(toHtml(renderDiagram(source)));
    expect(shortHash(source)).toBe(shortHash(source));
    expect(shortHash('a')).not.toBe(shortHash('b'));
  });
});

describe('layout of loops and long chains', () => {
  const loop =
    'flowchart TD\n  A["Setup"] --> B["Data"]\n  B --> C["Model"]\n  C -.->|"not enough signal"| B\n  C --> D["Serve"]\n  D -->|"metric disagrees"| A';

  it('writes back-edges the other way round before layout, so nodes keep their declared order', () => {
    expect(orientBackEdges(loop).split('\n')).toEqual([
      'flowchart TD',
      '  A["Setup"] --> B["Data"]',
      '  B --> C["Model"]',
      '  B <-.-|"not enough signal"| C',
      '  C --> D["Serve"]',
      '  A <---|"metric disagrees"| D',
    ]);
    expect(orientBackEdges('sequenceDiagram\n A->>B: x')).toBe('sequenceDiagram\n A->>B: x');
  });

  it('still draws and describes every edge in the direction the author wrote it', () => {
    const html = toHtml(renderDiagram(loop));
    expect(html).toContain('<li>Model → Data (not enough signal)</li>');
    expect(html).toContain('<li>Serve → Setup (metric disagrees)</li>');
    expect(html).not.toContain('marker-start');
    const top = (label: string) =>
      Number(new RegExp(`data-label="${label}"[^>]*>\\s*<rect x="[\\d.]+" y="([\\d.]+)"`).exec(html)![1]);
    expect(top('Setup')).toBeLessThan(top('Data'));
    expect(top('Model')).toBeLessThan(top('Serve'));
  });

  it('draws a long left-to-right chain top-down when that keeps labels legible', () => {
    const chain = `flowchart LR\n${['a', 'b', 'c', 'd', 'e', 'f']
      .map((n, i, all) =>
        i ? `  ${all[i - 1]}["Step ${i}: a fairly long label"] --> ${n}["Step ${i + 1}: a fairly long label"]` : '',
      )
      .filter(Boolean)
      .join('\n')}`;
    const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(toHtml(renderDiagram(chain)))!.map(Number);
    expect(h).toBeGreaterThan(w);
  });
});
