import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the judge agreement calculator. */
export const ns = 'ja';

/**
 * Defaults are the evaluation chapter's worked examples, one line per cell with its count: 200
 * answers labeled pass or fail by the judge and by an expert (kappa 0.53), and 400 pairs judged in
 * both orders of which 68 change winner (this widget splits them 40 toward the first answer shown
 * and 28 toward the second).
 */
export const EVALUATION_LABELS = 'judge,human,count\npass,pass,120\npass,fail,25\nfail,pass,15\nfail,fail,40';
export const EVALUATION_PAIRS = 'A first,B first,count\nA,A,170\nB,B,162\nA,B,40\nB,A,28';

const fields = {
  mode: {
    kind: 'enum',
    default: 'labels',
    values: { labels: 'Labels: the judge against people', pairs: 'Pairwise verdicts in both orders' },
    label: 'What you have',
  },
  labels: {
    kind: 'text',
    default: EVALUATION_LABELS,
    maxLength: 4000,
    rows: 6,
    label: 'Judge label, human label, and optionally a count, one item per line',
    key: 'l',
  },
  pairs: {
    kind: 'text',
    default: EVALUATION_PAIRS,
    maxLength: 4000,
    rows: 6,
    label: 'Winner with A shown first, winner with B shown first (A, B or tie), optional count',
    key: 'p',
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    { label: '200 answers, pass or fail', state: { mode: 'labels', labels: EVALUATION_LABELS } },
    { label: '400 pairs, both orders', state: { mode: 'pairs', pairs: EVALUATION_PAIRS } },
    {
      label: 'Rare failures: 92.5% raw agreement',
      state: { mode: 'labels', labels: 'judge,human,count\npass,pass,180\npass,fail,12\nfail,pass,3\nfail,fail,5' },
    },
  ],
  visibility: ({ mode }) => ({ labels: mode === 'labels', pairs: mode === 'pairs' }),
});

export type State = StateOf<typeof schema>;
