import type { Schema } from '../shared/state.ts';

/** URL namespace and inputs of the A/B test planner and analyzer. */
export const ns = 'ab';

export const schema = {
  mode: { kind: 'enum', default: 'plan', values: ['plan', 'analyze', 'peek'], label: 'Part' },
  // Planner (p0 is shared with the peeking simulator; alpha with every part).
  p0: { kind: 'number', default: 0.05, min: 0, max: 1, label: 'Baseline conversion rate' },
  mde: { kind: 'number', default: 0.005, min: -1, max: 10, label: 'Minimum detectable effect' },
  mdeKind: { kind: 'enum', default: 'abs', values: ['abs', 'rel'], label: 'Effect type' },
  // Analyzer.
  nA: { kind: 'number', default: 10000, min: 0, max: 1e9, integer: true, label: 'Visitors in A (control)' },
  xA: { kind: 'number', default: 500, min: 0, max: 1e9, integer: true, label: 'Conversions in A' },
  nB: { kind: 'number', default: 10000, min: 0, max: 1e9, integer: true, label: 'Visitors in B (treatment)' },
  xB: { kind: 'number', default: 560, min: 0, max: 1e9, integer: true, label: 'Conversions in B' },
  // Peeking simulator.
  days: { kind: 'number', default: 14, min: 1, max: 60, integer: true, label: 'Days (one look a day)' },
  vpd: { kind: 'number', default: 500, min: 1, max: 100000, integer: true, label: 'Visitors per arm per day' },
  sims: { kind: 'number', default: 1000, min: 100, max: 5000, integer: true, label: 'Simulated A/A tests' },
  // Shared, then planner-only settings.
  alpha: { kind: 'number', default: 0.05, min: 0, max: 1, label: 'Significance level α' },
  power: { kind: 'number', default: 0.8, min: 0, max: 1, label: 'Power (1 − β)' },
  sides: { kind: 'enum', default: 'two', values: ['two', 'one'], label: 'Test' },
  traffic: {
    kind: 'number',
    default: 10000,
    min: 1,
    max: 1e9,
    integer: true,
    label: 'Daily traffic (visitors a day, both arms)',
  },
  seed: { kind: 'number', default: 1, min: 1, max: 99999, integer: true, label: 'Random seed' },
} satisfies Schema;

export const modeNames: Record<string, string> = {
  plan: '1. Plan: users and days needed',
  analyze: '2. Analyze: did B beat A?',
  peek: '3. Peeking: daily checks on A/A tests',
};

export const mdeKindNames: Record<string, string> = {
  abs: 'Absolute (0.005 = +0.5 points)',
  rel: 'Relative (0.1 = +10% of baseline)',
};

export const sidesNames: Record<string, string> = {
  two: 'Two-sided (B differs from A)',
  one: 'One-sided (B beats A)',
};

/** Which inputs each part uses; the others are hidden. */
export const fieldsOf: Record<string, readonly (keyof typeof schema)[]> = {
  plan: ['p0', 'mde', 'mdeKind', 'alpha', 'power', 'sides', 'traffic'],
  analyze: ['nA', 'xA', 'nB', 'xB', 'alpha'],
  peek: ['p0', 'days', 'vpd', 'sims', 'alpha', 'seed'],
};

const plan = { mode: 'plan', alpha: 0.05, power: 0.8, sides: 'two' };

export const presets = [
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
];
