/**
 * Retrieval lab, pure view. IVF panel: seeded clustered vectors in an IVF index -> recall@k against
 * exact search and distances computed per query, at the reader's nprobe and across nprobe. RRF
 * panel: two rankings and the reader's relevant items -> the fused ranking, and recall@k and
 * reciprocal rank of each ranking.
 */
import { MetricInputError } from '../../lib/errors.ts';
import { reciprocalRankFusion, retrievalQuality, rrfTerm } from '../../lib/llm/fusion.ts';
import {
  buildIvfIndex,
  clusteredVectors,
  ivfDistancesPerQuery,
  ivfRecallCurve,
  type IvfIndex,
  type IvfRecallPoint,
  type Vector,
} from '../../lib/llm/ivf.ts';
import { escapeHtml, fmt, fmtInt, fmtPercent } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, scrollTable, type WidgetResult } from '../kit/result.ts';
import { memoize } from '../kit/memo.ts';
import type { State } from './schema.ts';

/** Queries per measurement, drawn from the same clusters as the vectors and held out of the index. */
export const QUERIES = 50;

/** The data set (vectors and held-out queries), drawn again only when its own inputs change. */
const dataset = memoize((n: number, dims: number, clusters: number, spread: number, seed: number) => {
  const all = clusteredVectors({ count: n + QUERIES, dimensions: dims, clusters, spread, seed });
  return { vectors: all.slice(0, n), queries: all.slice(n) };
}, 1);

/** The index of a data set, built again only when the data or nlist change (building is the slow part). */
const indexOf = memoize(
  (vectors: Vector[], nlist: number, seed: number): IvfIndex => buildIvfIndex(vectors, { nlist, seed }),
  1,
);

interface IvfMeasure {
  /** Recall and cost at every nprobe from 1 to nlist. */
  everyProbe: IvfRecallPoint[];
  smallestList: number;
  largestList: number;
}

/**
 * Recall and cost at every nprobe, and the lists' sizes. One pass over the lists measures every
 * nprobe at the cost of the deepest, so moving nprobe is a lookup; the last 32 settings are kept
 * (a few numbers per nprobe each), so a slider dragged back and forth finds the states it passed.
 * Same inputs, same output: the view stays a pure function of the state.
 */
const measureIvf = memoize(
  (n: number, dims: number, clusters: number, spread: number, seed: number, nlist: number, k: number): IvfMeasure => {
    const { vectors, queries } = dataset(n, dims, clusters, spread, seed);
    const index = indexOf(vectors, nlist, seed);
    const sizes = index.lists.map((list) => list.length);
    const nprobes = Array.from({ length: nlist }, (_, i) => i + 1);
    return {
      everyProbe: ivfRecallCurve(index, queries, { k, nprobes }),
      smallestList: Math.min(...sizes),
      largestList: Math.max(...sizes),
    };
  },
  32,
);

/** The nprobe values charted: powers of two up to nlist, nlist itself and the reader's nprobe. */
export function chartedProbes(nlist: number, nprobe: number): number[] {
  const probes = new Set<number>([nprobe, nlist]);
  for (let p = 1; p < nlist; p *= 2) probes.add(p);
  return [...probes].sort((a, b) => a - b);
}

function ivfView(state: State) {
  if (state.nprobe > state.nlist) {
    throw new MetricInputError(
      `Lists probed (nprobe = ${state.nprobe}) cannot exceed the lists in the index (nlist = ${state.nlist}).`,
      'out-of-range',
    );
  }
  const { everyProbe, smallestList, largestList } = measureIvf(
    state.n,
    state.dims,
    state.clusters,
    state.spread,
    state.seed,
    state.nlist,
    state.neighbors,
  );
  const curve = chartedProbes(state.nlist, state.nprobe).map((nprobe) => everyProbe[nprobe - 1] as IvfRecallPoint);
  const current = everyProbe[state.nprobe - 1] as IvfRecallPoint;
  const share = current.meanDistancesComputed / state.n;
  const formula = ivfDistancesPerQuery({ vectors: state.n, nlist: state.nlist, nprobe: state.nprobe });

  const chart = lineChart({
    title: `Recall@${state.neighbors} against distances computed per query, nprobe from 1 to ${state.nlist}`,
    xLabel: 'Distances computed per query',
    yLabel: `Recall@${state.neighbors}`,
    xDomain: [0, Math.max(state.n, ...curve.map((p) => p.meanDistancesComputed))],
    yDomain: [0, 1],
    series: [{ name: 'IVF', points: curve.map((p) => [p.meanDistancesComputed, p.recallAtK]), tone: 1 }],
    xRules: [{ value: state.n, label: 'exact', tone: 4 }],
    markers: [{ x: current.meanDistancesComputed, y: current.recallAtK, label: `nprobe ${state.nprobe}`, tone: 2 }],
  });
  const table = scrollTable({
    label: 'Recall and cost at each nprobe',
    caption: `Mean over ${QUERIES} held-out queries`,
    head: ['nprobe', `Recall@${state.neighbors}`, 'Distances per query'],
    rows: curve.map((p) => [fmtInt(p.nprobe), fmtPercent(p.recallAtK), fmtInt(p.meanDistancesComputed)]),
  });
  const html = `<div class="widget-grid">
<div>${readouts([
    [`Recall@${state.neighbors}`, fmtPercent(current.recallAtK)],
    ['Distances per query', fmtInt(current.meanDistancesComputed)],
    ['Exact search', fmtInt(state.n)],
    ['Share of exact cost', fmtPercent(share)],
  ])}
<p class="widget-verdict"><strong>Probing ${fmtInt(state.nprobe)} of ${fmtInt(state.nlist)} lists finds ${fmtPercent(current.recallAtK)} of the true ${fmtInt(state.neighbors)} nearest neighbors</strong> while computing ${fmtInt(current.meanDistancesComputed)} distances a query, ${fmtPercent(share)} of what exact search computes. ${current.recallAtK < 1 ? 'The neighbors it misses sit in lists it did not probe: raise nprobe to buy recall with distance computations.' : 'Every true neighbor sits in a probed list.'}</p>
<p class="widget-note">The formula nlist + nprobe · N / nlist = ${fmtInt(state.nlist)} + ${fmtInt(state.nprobe)} × ${fmtInt(state.n)} / ${fmtInt(state.nlist)} = ${fmtInt(formula)} assumes equal lists; k-means made lists of ${fmtInt(smallestList)} to ${fmtInt(largestList)} vectors, and the nearest lists to a query tend to be the crowded ones. Squared Euclidean distance; ${fmtInt(state.n)} vectors of ${fmtInt(state.dims)} dimensions in ${fmtInt(state.clusters)} Gaussian clusters (seed ${fmtInt(state.seed)}).</p>
${table}</div>
<div>${chart}${legend([
    { name: 'IVF at nprobe = 1, 2, 4 … nlist', tone: 1 },
    { name: 'Your nprobe', tone: 2 },
    { name: 'Exact search', tone: 4, dashed: true },
  ])}</div></div>`;
  const summary = `IVF with ${state.nlist} lists, nprobe ${state.nprobe}: recall@${state.neighbors} ${fmtPercent(current.recallAtK)} at ${fmtInt(current.meanDistancesComputed)} distances a query (exact search: ${fmtInt(state.n)}).`;
  return { html, summary };
}

/** Items of a ranking or label list: separated by commas or new lines, trimmed, blanks dropped. */
export function parseItems(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function rrfView(state: State) {
  const bm25 = parseItems(state.bm25);
  const dense = parseItems(state.dense);
  const relevant = parseItems(state.relevant);
  for (const [list, name] of [
    [bm25, 'BM25 ranking'],
    [dense, 'dense ranking'],
  ] as const) {
    if (list.length === 0)
      throw new MetricInputError(`The ${name} is empty: list item names, best first, separated by commas.`, 'empty');
  }
  if (relevant.length === 0)
    throw new MetricInputError(
      'List at least one relevant item, so recall and reciprocal rank have something to find.',
      'empty',
    );
  const fused = reciprocalRankFusion([bm25, dense], state.rrfK);
  const rankIn = (list: string[], id: string) => {
    const i = list.indexOf(id);
    return i < 0 ? '–' : String(i + 1);
  };
  const relevantSet = new Set(relevant);
  const mark = (id: string) => (relevantSet.has(id) ? `<strong>${escapeHtml(id)}</strong> ✓` : escapeHtml(id));
  const fusedTable = scrollTable({
    label: 'Fused ranking',
    caption: `Fused by RRF with k = ${state.rrfK}: score = Σ 1 / (k + rank); relevant items are ticked`,
    head: ['Rank', 'Item', 'BM25 rank', 'Dense rank', 'RRF score'],
    rows: fused.map(({ id, score }, i) => [
      String(i + 1),
      mark(id),
      rankIn(bm25, id),
      rankIn(dense, id),
      fmt(score, 5),
    ]),
  });
  const fusedIds = fused.map(({ id }) => id);
  const rankings = [
    ['BM25', bm25],
    ['Dense', dense],
    ['Fused (RRF)', fusedIds],
  ] as const;
  const qualities = rankings.map(([name, list]) => ({ name, ...retrievalQuality(list, relevant, state.cutoff) }));
  const metricsTable = scrollTable({
    label: 'Recall and reciprocal rank of each ranking',
    caption: `Against your ${relevant.length} relevant item${relevant.length === 1 ? '' : 's'}`,
    head: ['Ranking', `Recall@${state.cutoff}`, 'Reciprocal rank'],
    rows: qualities.map((q) => [q.name, fmtPercent(q.recallAtK, 0), fmt(q.reciprocalRank, 3)]),
  });
  const [bm25Quality, denseQuality, fusedQuality] = qualities as [
    (typeof qualities)[number],
    (typeof qualities)[number],
    (typeof qualities)[number],
  ];
  const better = (measure: 'recallAtK' | 'reciprocalRank') =>
    bm25Quality[measure] >= denseQuality[measure] ? bm25Quality : denseQuality;
  const lagging = (['recallAtK', 'reciprocalRank'] as const).filter(
    (measure) => fusedQuality[measure] < better(measure)[measure],
  );
  const alone = [bm25Quality, denseQuality].find(
    (q) => q.recallAtK >= fusedQuality.recallAtK && q.reciprocalRank >= fusedQuality.reciprocalRank,
  );
  const comparison =
    lagging.length > 0
      ? `Behind ${better(lagging[0] as 'recallAtK').name} on ${lagging.map((m) => (m === 'recallAtK' ? 'recall' : 'reciprocal rank')).join(' and ')}: fusion rewards agreement, and here the lists agree on items you did not mark relevant.`
      : alone
        ? `${alone.name} alone does as well here.`
        : `Fusion gets the best of both: the recall of ${better('recallAtK').name} and the reciprocal rank of ${better('reciprocalRank').name}, which neither list reaches alone.`;
  const missing = relevant.filter((id) => !bm25.includes(id) && !dense.includes(id));
  const html = `<div class="widget-grid">
<div>${fusedTable}</div>
<div>${metricsTable}
<p class="widget-verdict"><strong>The fused top ${state.cutoff} holds ${fmtPercent(fusedQuality.recallAtK, 0)} of the relevant items${fusedQuality.reciprocalRank > 0 ? `; the first is at rank ${fmtInt(Math.round(1 / fusedQuality.reciprocalRank))}` : ''}.</strong> ${comparison} With k = ${state.rrfK}, a first place is worth ${fmt(rrfTerm(1, state.rrfK), 4)} and a fourth ${fmt(rrfTerm(4, state.rrfK), 4)}: ${state.rrfK >= 20 ? 'positions barely matter, so items found by both lists rise to the top.' : 'position matters, so a first place in one list can beat a middling place in both.'}</p>
${missing.length > 0 ? `<p class="widget-note">Neither list retrieved ${missing.map(escapeHtml).join(', ')}: no fusion can rank an item nobody returned, so ${missing.length === 1 ? 'it counts' : 'they count'} as a miss at any cut-off.</p>` : ''}
<p class="widget-note">With one query, MRR is that query's reciprocal rank: 1 / the rank of the first relevant item.</p></div></div>`;
  const summary = `RRF with k = ${state.rrfK}: fused order ${fusedIds.join(', ')}; recall@${state.cutoff} BM25 ${fmtPercent(bm25Quality.recallAtK, 0)}, dense ${fmtPercent(denseQuality.recallAtK, 0)}, fused ${fmtPercent(fusedQuality.recallAtK, 0)}.`;
  return { html, summary };
}

export function view(state: State): WidgetResult {
  return guard(() => (state.lab === 'rrf' ? rrfView(state) : ivfView(state)));
}
