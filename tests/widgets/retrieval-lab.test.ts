// The retrieval lab's pure view. IVF panel: recall@k against exact search and distances per query
// on seeded clusters, with the checks that hold by construction (nprobe = nlist finds every true
// neighbor at N + nlist distances). RRF panel: the RAG chapter's worked example (BM25 A, B, C, D;
// dense C, A, E, B; k = 60) with its scores 1/61 + 1/62 = 0.03252 ..., and recall@k and reciprocal
// rank against the reader's relevant items.
import { describe, expect, it } from 'vitest';
import { view, chartedProbes, parseItems, QUERIES } from '../../src/widgets/retrieval-lab/view.ts';
import { buildIvfIndex, clusteredVectors, ivfRecallCurve } from '../../src/lib/llm/ivf.ts';
import { fmtInt, fmtPercent } from '../../src/widgets/kit/format.ts';
import { schema } from '../../src/widgets/retrieval-lab/schema.ts';
import { readout, tableRow, viewHarness } from './harness.ts';

const { html, error, state } = viewHarness(schema, view);

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

  it('answers a setting it has seen before as it did the first time, each setting kept apart', () => {
    // Settings one apart, then again in reverse: each answer is its own index's (the view keeps its
    // last measurements, so a key that left out a setting would show here).
    const settings = [
      { n: 2100 },
      { n: 2200 },
      { n: 2100, nlist: 16 },
      { n: 2100, neighbors: 5 },
      { n: 2100, seed: 2 },
    ];
    const first = settings.map((patch) => html(patch));
    [...settings].reverse().forEach((patch, i) => expect(html(patch)).toBe(first[settings.length - 1 - i]));
    settings.forEach((patch, i) => {
      const s = state(patch);
      const all = clusteredVectors({
        count: s.n + QUERIES,
        dimensions: s.dims,
        clusters: s.clusters,
        spread: s.spread,
        seed: s.seed,
      });
      const index = buildIvfIndex(all.slice(0, s.n), { nlist: s.nlist, seed: s.seed });
      const [point] = ivfRecallCurve(index, all.slice(s.n), { k: s.neighbors, nprobes: [s.nprobe] });
      expect(readout(first[i] as string, `Recall@${s.neighbors}`)).toBe(fmtPercent(point!.recallAtK));
      expect(readout(first[i] as string, 'Distances per query')).toBe(fmtInt(point!.meanDistancesComputed));
    });
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
