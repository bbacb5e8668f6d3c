import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { diagramType, drawnAtBuildTime, renderDiagram, shortHash } from '../../src/markdown/mermaid-svg';

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
