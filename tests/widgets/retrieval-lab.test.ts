// The retrieval lab's pure view. IVF panel: recall@k against exact search and distances per query
// on seeded clusters, with the checks that hold by construction (nprobe = nlist finds every true
// neighbor at N + nlist distances). RRF panel: the RAG chapter's worked example (BM25 A, B, C, D;
// dense C, A, E, B; k = 60) with its scores 1/61 + 1/62 = 0.03252 ..., and recall@k and reciprocal
// rank against the reader's relevant items.
import { describe, expect, it } from 'vitest';
import { view, chartedProbes, parseItems } from '../../src/widgets/retrieval-lab/view.ts';
import { schema } from '../../src/widgets/retrieval-lab/schema.ts';
import { readout, tableRow, viewHarness } from './harness.ts';

const { html, error } = viewHarness(schema, view);

describe('retrieval lab view: IVF', () => {
  it('probing 2 of 32 lists of 2,000 vectors: most of the true 10 neighbors at a tenth of the exact cost', () => {
    const markup = html({});
    expect(readout(markup, 'Exact search')).toBe('2,000');
    expect(parseFloat(readout(markup, 'Recall@10') ?? '')).toBeGreaterThan(90);
    expect(parseFloat(readout(markup, 'Share of exact cost') ?? '')).toBeLessThan(15);
    // The chapter's formula for equal lists: 32 + 2 × 2,000 / 32 = 157.
    expect(markup).toContain('= 32 + 2 × 2,000 / 32 = 157');
  });

  it('with nprobe = nlist every true neighbor is found, at N + nlist distances', () => {
    const markup = html({ nprobe: 32 });
    expect(readout(markup, 'Recall@10')).toBe('100.0%');
    expect(readout(markup, 'Distances per query')).toBe('2,032');
    expect(tableRow(markup, '32')).toEqual(['100.0%', '2,032']);
  });

  it('recall and cost rise together with nprobe (the table charts 1, 2, 4 … nlist)', () => {
    const markup = html({ n: 5000, dims: 16, clusters: 40, nlist: 64, nprobe: 4 });
    const rows = chartedProbes(64, 4).map((nprobe) => tableRow(markup, String(nprobe)));
    const recalls = rows.map((row) => parseFloat(row[0] ?? ''));
    const costs = rows.map((row) => Number((row[1] ?? '').replace(/,/g, '')));
    for (let i = 1; i < rows.length; i++) {
      expect(recalls[i]).toBeGreaterThanOrEqual(recalls[i - 1] as number);
      expect(costs[i]).toBeGreaterThan(costs[i - 1] as number);
    }
    expect(costs.at(-1)).toBe(5064);
  });

  it('charts powers of two up to nlist, plus nlist and the reader’s nprobe', () => {
    expect(chartedProbes(32, 2)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(chartedProbes(20, 5)).toEqual([1, 2, 4, 5, 8, 16, 20]);
    expect(chartedProbes(1, 1)).toEqual([1]);
  });

  it('refuses nprobe above nlist with a message', () => {
    expect(error({ nlist: 8, nprobe: 9 })).toBe(
      'Lists probed (nprobe = 9) cannot exceed the lists in the index (nlist = 8).',
    );
  });
});

describe('retrieval lab view: RRF', () => {
  const rrf = { lab: 'rrf' } as const;

  it('fuses the chapter example into A, C, B, E, D with 0.03252, 0.03227, 0.03175, 0.01587, 0.01563', () => {
    const markup = html(rrf);
    for (const [rank, item, bm25, dense, score] of [
      ['1', 'A', '1', '2', '0.03252'],
      ['2', 'C', '3', '1', '0.03227'],
      ['3', 'B', '2', '4', '0.03175'],
      ['4', 'E', '–', '3', '0.01587'],
      ['5', 'D', '4', '–', '0.01563'],
    ])
      expect(markup).toMatch(
        new RegExp(
          `<th scope="row">${rank}</th><td>(<strong>)?${item}(</strong> ✓)?</td><td>${bm25}</td><td>${dense}</td><td>${score}</td>`,
        ),
      );
  });

  it('scores recall@4 and reciprocal rank against relevant A and E: BM25 50% and 1, dense 100% and 0.5, fused 100% and 1', () => {
    const markup = html(rrf);
    expect(tableRow(markup, 'BM25')).toEqual(['50%', '1.000']);
    expect(tableRow(markup, 'Dense')).toEqual(['100%', '0.500']);
    expect(tableRow(markup, 'Fused (RRF)')).toEqual(['100%', '1.000']);
  });

  it('follows the reader’s labels: with only D relevant, dense never finds it and the fused list has it last', () => {
    const markup = html({ ...rrf, relevant: 'D', cutoff: 5 });
    expect(tableRow(markup, 'Dense')).toEqual(['0%', '0.000']);
    expect(tableRow(markup, 'Fused (RRF)')).toEqual(['100%', '0.200']);
  });

  it('reads items separated by commas or lines and drops blanks', () => {
    expect(parseItems(' A,B\n\nC , ')).toEqual(['A', 'B', 'C']);
  });

  it('answers an empty ranking, no relevant items and a repeated item with a message', () => {
    expect(error({ ...rrf, bm25: ' , ' })).toBe(
      'The BM25 ranking is empty: list item names, best first, separated by commas.',
    );
    expect(error({ ...rrf, relevant: '' })).toContain('List at least one relevant item');
    expect(error({ ...rrf, dense: 'C, A, C' })).toMatch(/C/);
  });
});
