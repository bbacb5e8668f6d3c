import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the latency-percentile widget. */
export const ns = 'lp';

const SAMPLE_PASTE = '42\n38\n51\n45\n40\n39\n47\n44\n36\n41\n43\n49\n37\n46\n40\n612\n42\n39\n48\n45';

const fields = {
  source: {
    kind: 'enum',
    default: 'lognormal',
    values: {
      lognormal: 'Generated: log-normal with a heavy tail',
      bimodal: 'Generated: cache hits and misses (bimodal)',
      uniform: 'Generated: uniform (no tail)',
      pasted: 'Pasted (edit the box below)',
    },
    label: 'Latencies',
  },
  median: { kind: 'number', default: 40, min: 1, max: 10_000, label: 'Median latency (ms)' },
  sigma: { kind: 'number', default: 0.8, min: 0, max: 2.5, label: 'Tail weight σ (spread of log latency)', step: 0.05 },
  hit: { kind: 'number', default: 40, min: 1, max: 10_000, label: 'Cache hit latency (ms)' },
  miss: { kind: 'number', default: 1500, min: 10, max: 100_000, label: 'Cache miss latency (ms)', step: 10 },
  missPct: { kind: 'number', default: 2, min: 0, max: 100, label: 'Cache miss rate (%)', step: 0.1 },
  min: { kind: 'number', default: 20, min: 0, max: 10_000, label: 'Fastest request (ms)' },
  max: { kind: 'number', default: 80, min: 0, max: 10_000, label: 'Slowest request (ms)' },
  n: { kind: 'number', default: 10_000, min: 10, max: 100_000, integer: true, label: 'Requests to generate', step: 10 },
  seed: { kind: 'number', default: 1, min: 1, max: 999999, integer: true, label: 'Random seed', control: 'box' },
  data: {
    kind: 'text',
    default: SAMPLE_PASTE,
    maxLength: 100_000,
    label: 'Your latencies in ms (one per line or comma-separated)',
  },
  slo: { kind: 'number', default: 200, min: 5, max: 100_000, label: 'Latency SLO (ms)', step: 5 },
  fanOut: { kind: 'number', default: 10, min: 1, max: 100, integer: true, label: 'Calls per page (fan-out)' },
} satisfies Fields;

/** Which inputs each source uses; the others are hidden. */
const INPUTS_OF_SOURCE: Record<keyof typeof fields.source.values, readonly string[]> = {
  lognormal: ['n', 'seed', 'median', 'sigma'],
  bimodal: ['n', 'seed', 'hit', 'miss', 'missPct'],
  uniform: ['n', 'seed', 'min', 'max'],
  pasted: ['data'],
};
/** The inputs that depend on the source of the latencies; the SLO and fan-out always show. */
const SOURCE_FIELDS = [...new Set(Object.values(INPUTS_OF_SOURCE).flat())];

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: 'Healthy service',
      state: { source: 'lognormal', median: 40, sigma: 0.3, n: 10_000, seed: 1, slo: 100, fanOut: 10 },
    },
    {
      label: 'Cache misses',
      state: { source: 'bimodal', hit: 40, miss: 1500, missPct: 2, n: 10_000, seed: 1, slo: 100, fanOut: 10 },
    },
    {
      label: 'A slow dependency',
      state: { source: 'lognormal', median: 45, sigma: 1.2, n: 10_000, seed: 1, slo: 300, fanOut: 5 },
    },
  ],
  // Show only the inputs of the chosen source (a distribution's parameters, or the paste box).
  visibility: ({ source }) =>
    Object.fromEntries(SOURCE_FIELDS.map((name) => [name, INPUTS_OF_SOURCE[source].includes(name)])),
});

export type State = StateOf<typeof schema>;
