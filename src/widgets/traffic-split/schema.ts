import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the traffic splitter. */
export const ns = 'ts';

const SAMPLE_IDS = 'user-8812\nalice@example.com\n10293\nbob\ncarol\ndave\nerin\nfrank\ngrace\nheidi';

const fields = {
  exp: { kind: 'text', default: 'ranker-v7', maxLength: 100, label: 'Experiment name (salts the hash)', rows: 1 },
  share: { kind: 'number', default: 10, min: 0, max: 100, label: 'Treatment share (%)', step: 0.5 },
  ramp: { kind: 'number', default: 20, min: 0, max: 100, label: 'Then ramp the share to (%)', step: 0.5 },
  other: { kind: 'text', default: 'ranker-v8', maxLength: 100, label: 'Compare with another experiment name', rows: 1 },
  ids: {
    kind: 'enum',
    default: 'generate',
    values: {
      generate: 'Generated ids: user-1, user-2, …',
      pasted: 'Pasted ids (edit the box below)',
    },
    label: 'Users',
  },
  n: { kind: 'number', default: 10_000, min: 1, max: 20_000, integer: true, label: 'How many ids to generate' },
  list: {
    kind: 'text',
    default: SAMPLE_IDS,
    maxLength: 20_000,
    label: 'Your user ids (one per line or comma-separated)',
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: '10% canary',
      state: { exp: 'ranker-v7', share: 10, ramp: 20, other: 'ranker-v8', ids: 'generate', n: 10_000 },
    },
    {
      label: '50/50 A/B test',
      state: { exp: 'ranker-v7', share: 50, ramp: 100, other: 'ranker-v8', ids: 'generate', n: 10_000 },
    },
    {
      label: 'A new name reshuffles users',
      state: {
        exp: 'homepage-carousel',
        share: 50,
        ramp: 50,
        other: 'homepage-carousel-rerun',
        ids: 'generate',
        n: 10_000,
      },
    },
  ],
  // The count of generated ids or the paste box, whichever the chosen source uses.
  visibility: ({ ids }) => ({ n: ids !== 'pasted', list: ids === 'pasted' }),
});

export type State = StateOf<typeof schema>;
