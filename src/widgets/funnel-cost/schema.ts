import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the funnel-cost calculator. */
export const ns = 'fu';

/**
 * The funnel chapter's worked example: 10 million videos, ANN retrieval (about 5 ms for the whole
 * catalogue, so 5e-7 ms an item), a 10 ms feature fetch, a tree scorer at 2 µs an item and a GPU
 * ranker at 40 µs an item, with 2 ms of policy and assembly on the last stage.
 */
const RECOMMENDER =
  'ANN retrieval,2000,5e-7,0\nfeature fetch,2000,0,10\nlight scorer (trees),300,0.002,0\nheavy ranker (GPU),20,0.04,2';
const SEARCH =
  'BM25 inverted index over 100 shards,10000,2e-8,5,100\nGBDT ranker,1000,0.005,3,10\ncross-encoder (GPU batch of 50),10,0.5,2,50';
const SMALL = 'embedding retrieval,200,0.001,3\nranker,20,0.005,0';

const fields = {
  stages: {
    kind: 'text',
    default: RECOMMENDER,
    maxLength: 2000,
    label: 'Stages, one per line: name,keep,costPerItemMs,fixedLatencyMs (an optional 5th value: parallel workers)',
    rows: 5,
  },
  n: {
    kind: 'number',
    default: 10_000_000,
    min: 1,
    max: 1e12,
    integer: true,
    label: 'Candidates entering the funnel (N)',
    control: 'box',
  },
  qps: { kind: 'number', default: 2000, min: 0, max: 10_000_000, label: 'Traffic (requests/s)', control: 'box' },
  budget: { kind: 'number', default: 100, min: 1, max: 1_000_000, label: 'Latency budget (ms)', control: 'box' },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    { label: '10M-item recommender', state: { stages: RECOMMENDER, n: 10_000_000, qps: 2000, budget: 100 } },
    { label: 'Search engine', state: { stages: SEARCH, n: 1_000_000_000, qps: 10_000, budget: 200 } },
    { label: 'Small catalogue', state: { stages: SMALL, n: 2000, qps: 500, budget: 100 } },
  ],
});

export type State = StateOf<typeof schema>;
