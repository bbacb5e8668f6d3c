import type { Fields } from '../../client/fields.ts';
import { MAX_IVF_DIMENSIONS, MAX_IVF_NLIST, MAX_IVF_VECTORS } from '../../lib/llm/ivf.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the retrieval lab. */
export const ns = 'rl';

/**
 * Two panels. The IVF panel indexes seeded synthetic clusters (stand-ins for embeddings). The RRF
 * panel defaults to the RAG chapter's worked example: BM25 returns A, B, C, D and dense search C, A,
 * E, B; the relevant items A and E are this widget's choice, one found by each retriever.
 */
const fields = {
  lab: {
    kind: 'enum',
    default: 'ivf',
    values: { ivf: 'Vector index: IVF recall against cost', rrf: 'Hybrid search: reciprocal rank fusion' },
    label: 'Panel',
  },
  n: {
    kind: 'number',
    default: 2000,
    min: 500,
    max: MAX_IVF_VECTORS,
    step: 100,
    integer: true,
    label: 'Vectors indexed',
  },
  dims: { kind: 'number', default: 8, min: 2, max: MAX_IVF_DIMENSIONS, integer: true, label: 'Dimensions' },
  clusters: { kind: 'number', default: 20, min: 1, max: 200, integer: true, label: 'Clusters in the data' },
  spread: { kind: 'number', default: 0.15, min: 0, max: 1, step: 0.01, label: 'Spread of each cluster' },
  nlist: { kind: 'number', default: 32, min: 1, max: MAX_IVF_NLIST, integer: true, label: 'Lists (nlist)' },
  nprobe: { kind: 'number', default: 2, min: 1, max: MAX_IVF_NLIST, integer: true, label: 'Lists probed (nprobe)' },
  neighbors: { kind: 'number', default: 10, min: 1, max: 50, integer: true, label: 'Neighbors wanted (k)' },
  seed: { kind: 'number', default: 1, min: 1, max: 999_999, integer: true, label: 'Random seed', control: 'box' },
  bm25: { kind: 'text', default: 'A, B, C, D', maxLength: 400, rows: 1, label: 'BM25 ranking, best first' },
  dense: { kind: 'text', default: 'C, A, E, B', maxLength: 400, rows: 1, label: 'Dense ranking, best first' },
  relevant: { kind: 'text', default: 'A, E', maxLength: 400, rows: 1, label: 'Relevant items (your labels)' },
  rrfK: { kind: 'number', default: 60, min: 0, max: 1000, integer: true, label: 'RRF constant k', control: 'box' },
  cutoff: { kind: 'number', default: 4, min: 1, max: 50, integer: true, label: 'Cut-off for recall@k', control: 'box' },
} satisfies Fields;

const IVF_FIELDS = ['n', 'dims', 'clusters', 'spread', 'nlist', 'nprobe', 'neighbors', 'seed'] as const;
const RRF_FIELDS = ['bm25', 'dense', 'relevant', 'rrfK', 'cutoff'] as const;

export const schema = defineSchema({
  fields,
  presets: [
    { label: 'IVF: probe 2 of 32 lists', state: { lab: 'ivf', n: 2000, dims: 8, nlist: 32, nprobe: 2, neighbors: 10 } },
    {
      label: 'IVF: 5,000 vectors, 64 lists',
      state: { lab: 'ivf', n: 5000, dims: 16, clusters: 40, nlist: 64, nprobe: 4, neighbors: 10 },
    },
    {
      label: 'RRF: the RAG chapter example',
      state: { lab: 'rrf', bm25: 'A, B, C, D', dense: 'C, A, E, B', relevant: 'A, E', rrfK: 60, cutoff: 4 },
    },
  ],
  visibility: ({ lab }) => ({
    ...Object.fromEntries(IVF_FIELDS.map((name) => [name, lab === 'ivf'])),
    ...Object.fromEntries(RRF_FIELDS.map((name) => [name, lab === 'rrf'])),
  }),
});

export type State = StateOf<typeof schema>;
