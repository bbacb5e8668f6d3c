import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the NDCG calculator. */
export const ns = 'nd';

/** The evaluation chapter's worked example: relevances 3, 2, 0, 3, 1, 2 in ranked order (NDCG@5 = 0.832). */
const CHAPTER_EXAMPLE = '3,0.95,A\n2,0.90,B\n0,0.80,C\n3,0.70,D\n1,0.60,E\n2,0.50,F';

const fields = {
  items: {
    kind: 'text',
    default: CHAPTER_EXAMPLE,
    maxLength: 4000,
    label: 'Items: relevance,score per line (an optional third column names the item)',
    rows: 7,
  },
  k: { kind: 'number', default: 5, min: 1, max: 20, integer: true, label: 'Cut-off k' },
  gain: {
    kind: 'enum',
    default: 'linear',
    values: {
      linear: 'Linear: gain = relevance',
      exponential: 'Exponential: gain = 2^relevance − 1',
    },
    label: 'Gain',
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: 'A good ranking',
      state: { items: '3,0.97,A\n3,0.91,B\n2,0.84,C\n1,0.80,D\n2,0.72,E\n0,0.55,F\n0,0.30,G', k: 5, gain: 'linear' },
    },
    {
      label: 'Best item at position 5',
      state: { items: '1,0.97,A\n0,0.91,B\n2,0.84,C\n0,0.80,D\n3,0.72,E\n1,0.55,F\n0,0.30,G', k: 5, gain: 'linear' },
    },
    {
      label: 'Tied scores',
      state: { items: '3,0.9,A\n0,0.9,B\n2,0.7,C\n0,0.7,D\n1,0.7,E\n0,0.2,F', k: 3, gain: 'linear' },
    },
  ],
});

export type State = StateOf<typeof schema>;
