import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the A/B test planner and analyzer. */
export const ns = 'ab';

const fields = {
  mode: {
    kind: 'enum',
    default: 'plan',
    values: {
      plan: '1. Plan: users and days needed',
      analyze: '2. Analyze: did B beat A?',
      peek: '3. Peeking: daily checks on A/A tests',
    },
    label: 'Part',
  },
  nA: {
    kind: 'number',
    default: 10000,
    min: 0,
    max: 1e9,
    integer: true,
    label: 'Visitors in A (control)',
    control: 'box',
  },
  xA: { kind: 'number', default: 500, min: 0, max: 1e9, integer: true, label: 'Conversions in A', control: 'box' },
  nB: {
    kind: 'number',
    default: 10000,
    min: 0,
    max: 1e9,
    integer: true,
    label: 'Visitors in B (treatment)',
    control: 'box',
  },
  xB: { kind: 'number', default: 560, min: 0, max: 1e9, integer: true, label: 'Conversions in B', control: 'box' },
  p0: { kind: 'number', default: 0.05, min: 0, max: 1, label: 'Baseline conversion rate', step: 0.001 },
  mde: {
    kind: 'number',
    default: 0.005,
    min: -1,
    max: 10,
    label: 'Minimum detectable effect',
    step: 0.001,
    control: 'box',
  },
  mdeKind: {
    kind: 'enum',
    default: 'abs',
    values: {
      abs: 'Absolute (0.005 = +0.5 points)',
      rel: 'Relative (0.1 = +10% of baseline)',
    },
    label: 'Effect type',
  },
  days: { kind: 'number', default: 14, min: 1, max: 60, integer: true, label: 'Days (one look a day)' },
  vpd: {
    kind: 'number',
    default: 500,
    min: 1,
    max: 100000,
    integer: true,
    label: 'Visitors per arm per day',
    control: 'box',
  },
  sims: { kind: 'number', default: 1000, min: 100, max: 5000, integer: true, label: 'Simulated A/A tests', step: 100 },
  alpha: { kind: 'number', default: 0.05, min: 0, max: 1, label: 'Significance level α', step: 0.01 },
  power: { kind: 'number', default: 0.8, min: 0, max: 1, label: 'Power (1 − β)', step: 0.01 },
  sides: {
    kind: 'enum',
    default: 'two',
    values: {
      two: 'Two-sided (B differs from A)',
      one: 'One-sided (B beats A)',
    },
    label: 'Test',
  },
  traffic: {
    kind: 'number',
    default: 10000,
    min: 1,
    max: 1e9,
    integer: true,
    label: 'Daily traffic (visitors a day, both arms)',
    control: 'box',
  },
  seed: { kind: 'number', default: 1, min: 1, max: 99999, integer: true, label: 'Random seed', control: 'box' },
} satisfies Fields;

/** Which inputs each part uses; the others are hidden. */
const PART_FIELDS: Record<keyof typeof fields.mode.values, readonly (keyof typeof fields)[]> = {
  plan: ['p0', 'mde', 'mdeKind', 'alpha', 'power', 'sides', 'traffic'],
  analyze: ['nA', 'xA', 'nB', 'xB', 'alpha'],
  peek: ['p0', 'days', 'vpd', 'sims', 'alpha', 'seed'],
};

const plan = { mode: 'plan', alpha: 0.05, power: 0.8, sides: 'two' } as const;

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: 'Checkout button: 5%, +0.5 pt',
      state: { ...plan, p0: 0.05, mde: 0.005, mdeKind: 'abs', traffic: 10000 },
    },
    {
      label: 'Small startup traffic',
      state: { ...plan, p0: 0.03, mde: 0.1, mdeKind: 'rel', traffic: 800 },
    },
    {
      label: 'A clear winner',
      state: { mode: 'analyze', alpha: 0.05, nA: 20000, xA: 1000, nB: 20000, xB: 1160 },
    },
    {
      label: 'Broken split (SRM)',
      state: { mode: 'analyze', alpha: 0.05, nA: 50700, xA: 2535, nB: 49300, xB: 2560 },
    },
    {
      label: 'A peeking trap',
      state: { mode: 'peek', alpha: 0.05, p0: 0.05, days: 30, vpd: 500, sims: 1000, seed: 1 },
    },
  ],
  // Each part (plan, analyze, peek) shows only its own inputs; the part selector stays.
  visibility: (state) => {
    const shown = new Set<string>(['mode', ...PART_FIELDS[state.mode]]);
    return Object.fromEntries(Object.keys(fields).map((name) => [name, shown.has(name)]));
  },
});

export type State = StateOf<typeof schema>;
