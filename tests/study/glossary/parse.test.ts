import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGlossary, plainText, shortId, texToText } from '~/study/glossary/parse';

const SAMPLE = `---
title: Glossary
---

Intro paragraph with a [link](/x/).

## A

### A/B test

A randomised experiment that compares a **pre-chosen** metric. See [experiments](/lifecycle/experiments/).

### PSI (population stability index)

A symmetric measure of how far a binned distribution moved,
split over two lines. See [drift](/monitoring/drift/).

## B

### Backfill

Recomputing \`features\` for past dates.
`;

describe('parseGlossary', () => {
  it('reads each ### term, its anchor and its first paragraph as plain text', () => {
    expect(parseGlossary(SAMPLE)).toEqual([
      {
        id: 'ab-test',
        anchor: 'ab-test',
        term: 'A/B test',
        definition: 'A randomised experiment that compares a pre-chosen metric.',
      },
      {
        id: 'psi',
        anchor: 'psi-population-stability-index',
        term: 'PSI (population stability index)',
        definition: 'A symmetric measure of how far a binned distribution moved, split over two lines.',
      },
      { id: 'backfill', anchor: 'backfill', term: 'Backfill', definition: 'Recomputing features for past dates.' },
    ]);
  });

  it('fails loudly on a term without a definition or two terms with one short id', () => {
    expect(() => parseGlossary('### Lonely\n\n### Next\n\nText.')).toThrow(
      'Glossary term "Lonely" has no definition paragraph.',
    );
    expect(() => parseGlossary('### PSI\n\nOne.\n\n### PSI (again)\n\nTwo.')).toThrow('share the short id "psi"');
  });

  it('numbers duplicate anchors as Astro does', () => {
    const terms = parseGlossary('## Drift\n\n### Drift\n\nA change.');
    expect(terms[0].anchor).toBe('drift-1');
  });
});

describe('text helpers', () => {
  it('makes short ids from headings', () => {
    expect(shortId('ZeRO (Zero Redundancy Optimizer)')).toBe('zero');
    expect(shortId('ANN (approximate nearest neighbour) search')).toBe('ann-search');
    expect(shortId('p99 (tail latency)')).toBe('p99');
    expect(shortId('Training-serving skew')).toBe('training-serving-skew');
  });

  it('turns inline TeX into readable text', () => {
    expect(texToText('P(Y \\mid X)')).toBe('P(Y | X)');
    expect(texToText('n \\times n')).toBe('n × n');
    expect(texToText('L = \\lambda W')).toBe('L = λ W');
    expect(texToText('16\\,p(1-p)/\\delta^2')).toBe('16 p(1-p)/δ²');
    expect(texToText('F_2')).toBe('F₂');
    expect(texToText('\\beta_t')).toBe('βₜ');
    expect(texToText('-1')).toBe('-1');
  });

  it('strips Markdown and the closing "See ..." pointer', () => {
    expect(plainText('Uses *two* `cells` and [links](/a/). See [formulas](/reference/formulas/#x).')).toBe(
      'Uses two cells and links.',
    );
    expect(plainText('Ends with two. See [A](/a/) and [B](/b/).')).toBe('Ends with two.');
    expect(plainText('A shortcut, $y = F(x) + x$, so gradients flow.')).toBe(
      'A shortcut, y = F(x) + x, so gradients flow.',
    );
  });
});

describe('the real glossary', () => {
  const source = readFileSync('content/docs/reference/glossary.mdx', 'utf8');
  const terms = parseGlossary(source);

  it('parses every term with a plain-text definition', () => {
    expect(terms.length).toBe((source.match(/^### /gm) ?? []).length);
    expect(terms.length).toBeGreaterThan(100);
    for (const t of terms) {
      expect(t.definition.length, t.term).toBeGreaterThan(30);
      expect(t.definition, t.term).not.toMatch(/[$\\[\]`*]|See \(|\]\(/);
    }
  });

  it('has the terms the chapters use, with their anchors', () => {
    const byId = new Map(terms.map((t) => [t.id, t]));
    expect(byId.get('psi')?.anchor).toBe('psi-population-stability-index');
    expect(byId.get('ndcg')?.anchor).toBe('ndcg-normalized-discounted-cumulative-gain');
    expect(byId.get('zero')?.anchor).toBe('zero-zero-redundancy-optimizer');
    expect(byId.get('training-serving-skew')?.anchor).toBe('training-serving-skew');
    expect(byId.get('concept-drift')?.definition).toContain('P(Y | X)');
  });
});
