// The A/B test widget's pure view: planner, analyzer and peeking simulator, schema.presets and bad input.
import { describe, expect, it } from 'vitest';
import {
  fmtP,
  fmtPoints,
  fmtRelative,
  level,
  MAX_DRAWS,
  peekingDraws,
  plan,
  signed,
  view,
} from '../../src/widgets/ab-test/view.ts';
import { schema } from '../../src/widgets/ab-test/schema.ts';
import { defaultState, visibleFields } from '../../src/widgets/kit/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { sampleSizePerVariant } from '../../src/lib/experiments/sample-size.ts';
import { twoProportionZTest } from '../../src/lib/experiments/z-test.ts';
import { simulatePeeking } from '../../src/lib/experiments/peeking.ts';
import { fmtInt, fmtPercent } from '../../src/widgets/kit/format.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);
type State = ReturnType<typeof state>;

describe('A/B view: formatting helpers', () => {
  it('signs differences with a true minus and drops the sign of a rounded zero', () => {
    expect(signed(0.5, 2)).toBe('+0.50');
    expect(signed(-0.5, 2)).toBe('−0.50');
    expect(signed(-0.0001, 2)).toBe('0.00');
    expect(fmtPoints(0.005)).toBe('+0.50 pt');
    expect(fmtPoints(-0.00020922)).toBe('−0.02 pt');
    expect(fmtRelative(0.1)).toBe('+10.0%');
  });

  it('formats p-values and confidence levels', () => {
    expect(fmtP(0.0582578)).toBe('0.0583');
    expect(fmtP(9.54691984523815e-6)).toBe('9.5e-6');
    expect(fmtP(0)).toBe('< 1e-300');
    expect(level(0.05)).toBe('95');
    expect(level(0.1)).toBe('90');
    expect(level(0.025)).toBe('97.5');
  });
});

describe('A/B view: planner', () => {
  it('matches the chapter worked example: 5% baseline, +0.5 points, α 0.05, 80% power, two-sided', () => {
    // Pooled formula by hand: p̄ = 0.0525, 1.959964·sqrt(2·0.0525·0.9475) = 0.618204,
    // 0.841621·sqrt(0.05·0.95 + 0.055·0.945) = 0.265443, n = 0.883647² / 0.005² = 31,233.4 -> 31,234
    // (scipy 1.17 gives 31233.44; the chapter's unpooled shortcut gives 31,230.7, "about 31,230").
    expect(sampleSizePerVariant({ baseline: 0.05, mde: 0.005 })).toBe(31234);
    const markup = html({});
    expect(readout(markup, 'Users per arm')).toBe('31,234');
    expect(readout(markup, 'Total users')).toBe('62,468');
    // 62,468 users at 10,000 a day: 6.25 days -> 7.
    expect(readout(markup, 'Days needed')).toBe('7');
    expect(readout(markup, 'Target rate')).toBe('5.00% → 5.50%');
    expect(readout(markup, 'Effect')).toBe('+0.50 pt (+10.0%)');
    expect(markup).toContain('Run whole weeks (7 days)');
    // Half the effect: about four times the users (122,124 = sampleSizePerVariant with mde 0.0025).
    expect(sampleSizePerVariant({ baseline: 0.05, mde: 0.0025 })).toBe(122124);
    expect(markup).toContain('needs 122,124 per arm, about 3.9 times as many');
  });

  it('reads the effect as relative on request (library example: 10% -> 12% needs 3,841 per arm)', () => {
    const markup = html({ p0: 0.1, mde: 0.2, mdeKind: 'rel', traffic: 1000 });
    expect(readout(markup, 'Users per arm')).toBe('3,841');
    expect(readout(markup, 'Target rate')).toBe('10.00% → 12.00%');
    expect(readout(markup, 'Effect')).toBe('+2.00 pt (+20.0%)');
    expect(readout(markup, 'Days needed')).toBe('8'); // 7,682 / 1,000 = 7.68 -> 8
  });

  it('uses alpha, power and sides as the library does, and plans a drop as well as a lift', () => {
    for (const patch of [
      { alpha: 0.01, power: 0.9 },
      { sides: 'one' },
      { mde: -0.005 },
      { p0: 0.2, mde: 0.05, mdeKind: 'rel' },
    ] as Partial<State>[]) {
      const s = state(patch);
      const n = sampleSizePerVariant({
        baseline: s.p0,
        mde: s.mde,
        relative: s.mdeKind === 'rel',
        alpha: s.alpha,
        power: s.power,
        twoSided: s.sides === 'two',
      });
      expect(plan(s).perArm).toBe(n);
      expect(readout(html(patch), 'Users per arm')).toBe(fmtInt(n));
      expect(readout(html(patch), 'Days needed')).toBe(fmtInt(Math.ceil((2 * n) / s.traffic)));
    }
    expect(readout(html({ sides: 'one' }), 'Users per arm')).toBe('24,603');
    expect(readout(html({ mde: -0.005 }), 'Target rate')).toBe('5.00% → 4.50%');
  });

  it('draws users per arm against the effect, with the current effect and half of it marked', () => {
    const markup = html({});
    expect(markup.match(/<path class="series/g)).toHaveLength(1);
    expect(markup.match(/<circle class="marker/g)).toHaveLength(2);
  });

  it('says how long a small site waits', () => {
    const small = schema.presets.find((p) => p.label === 'Small startup traffic')!;
    const markup = html(small.state as Partial<State>);
    expect(readout(markup, 'Users per arm')).toBe('53,211');
    expect(readout(markup, 'Days needed')).toBe('134'); // 106,422 / 800 = 133.03 -> 134
    expect(html({ traffic: 100 })).toContain('(about 1.7 years)'); // 625 days
  });
});

describe('A/B view: analyzer', () => {
  it('matches the hand-checked z-test (library example, statsmodels proportions_ztest)', () => {
    // A 200/1000, B 250/1000: pooled p̂ = 0.225, SE = sqrt(0.225·0.775·(2/1000)) = 0.0186749,
    // z = 0.05 / 0.0186749 = 2.6774, p = 2·(1 − Φ(2.6774)) = 0.00742 (scipy: 0.007419649).
    const markup = html({ mode: 'analyze', nA: 1000, xA: 200, nB: 1000, xB: 250 });
    expect(readout(markup, 'z')).toBe('2.677');
    expect(readout(markup, 'p-value (two-sided)')).toBe('0.0074');
    expect(readout(markup, 'Rate A')).toBe('20.00%');
    expect(readout(markup, 'Rate B')).toBe('25.00%');
    expect(readout(markup, 'Absolute lift')).toBe('+5.00 pt');
    expect(readout(markup, 'Relative lift')).toBe('+25.0%');
    // Wald interval 0.05 ± 1.96·sqrt(0.2·0.8/1000 + 0.25·0.75/1000) = [0.013464, 0.086536].
    expect(readout(markup, '95% CI of the lift')).toBe('+1.35 to +8.65 pt');
    expect(markup).toContain('<strong>Significant at α = 0.05</strong>');
    expect(markup).toContain('B converts better than A');
  });

  it('matches the statsmodels proportions_ztest docs example: 5/83 vs 12/99, p = 0.159', () => {
    const markup = html({ mode: 'analyze', nA: 83, xA: 5, nB: 99, xB: 12 });
    expect(readout(markup, 'p-value (two-sided)')).toBe('0.1592'); // scipy by hand: 0.159181
    expect(readout(markup, 'z')).toBe('1.408');
    expect(markup).toContain('<strong>Not significant at α = 0.05</strong>');
  });

  it('shows the default test as not significant, with an interval that includes 0', () => {
    // 500/10,000 vs 560/10,000: z = 1.8938, p = 0.05826, 95% CI [−0.000209, 0.012209] (scipy).
    const markup = html({ mode: 'analyze' });
    expect(readout(markup, 'p-value (two-sided)')).toBe('0.0583');
    expect(readout(markup, '95% CI of the lift')).toBe('−0.02 to +1.22 pt');
    expect(markup).toContain('includes 0');
    expect(markup).toContain('"not significant" is not "no effect"');
    expect(markup).toContain('the one planned look');
    // At α = 0.1 the same data are significant, and the interval is the 90% one.
    const loose = html({ mode: 'analyze', alpha: 0.1 });
    expect(loose).toContain('<strong>Significant at α = 0.1</strong>');
    expect(readout(loose, '90% CI of the lift')).toBeDefined();
  });

  it('uses the library for every preset of the analyzer', () => {
    for (const preset of schema.presets.filter((p) => p.state.mode === 'analyze')) {
      const s = state(preset.state as Partial<State>);
      const t = twoProportionZTest({
        successesA: s.xA,
        trialsA: s.nA,
        successesB: s.xB,
        trialsB: s.nB,
        alpha: s.alpha,
      });
      const markup = html(s);
      expect(readout(markup, 'p-value (two-sided)')).toBe(fmtP(t.pValue));
      expect(readout(markup, 'Rate B')).toBe(fmtPercent(t.rateB, 2));
    }
  });

  it('flags a sample ratio mismatch: the chapter example 50,700 vs 49,300 (χ² 19.6, p 9.5e-6)', () => {
    // scipy.stats.chisquare([50700, 49300]) -> statistic 19.6, p-value 9.54691984523815e-06.
    const markup = html({ mode: 'analyze', nA: 50700, xA: 2535, nB: 49300, xB: 2560 });
    expect(markup).toContain('<strong>Sample ratio mismatch.</strong>');
    expect(markup).toContain('χ² = 19.6, p = 9.5e-6');
    expect(readout(markup, 'SRM p-value (50/50)')).toBe('9.5e-6');
    expect(readout(markup, 'Share of visitors in B')).toBe('49.3%');
    // A small imbalance is not flagged: 10,050 vs 9,950 gives χ² = 0.5, p = 0.48.
    const fine = html({ mode: 'analyze', nA: 10050, nB: 9950 });
    expect(fine).not.toContain('Sample ratio mismatch');
    expect(fine).toContain('shows no sample ratio mismatch (χ² p = 0.4795)');
  });

  it('handles an arm at 0%: relative lift is undefined, not NaN', () => {
    const markup = html({ mode: 'analyze', nA: 100, xA: 0, nB: 100, xB: 5 });
    expect(readout(markup, 'Relative lift')).toBe('n/a (A is at 0%)');
    expect(readout(markup, 'p-value (two-sided)')).toBe('0.0235'); // statsmodels: 0.023540
    const both = html({ mode: 'analyze', nA: 100, xA: 0, nB: 100, xB: 0 });
    expect(readout(both, 'p-value (two-sided)')).toBe('1.0000');
  });
});

describe('A/B view: peeking simulator', () => {
  it('shows the library simulation, seeded and reproducible', () => {
    const s = state({ mode: 'peek' });
    const r = simulatePeeking({
      days: 14,
      visitorsPerDay: 500,
      baseline: 0.05,
      experiments: 1000,
      alpha: 0.05,
      seed: 1,
    });
    const markup = html(s);
    expect(readout(markup, 'False winners, daily peeking')).toBe(fmtPercent(r.naiveFalsePositiveRate, 1));
    expect(readout(markup, 'False winners, one look')).toBe(fmtPercent(r.fixedHorizonFalsePositiveRate, 1));
    // Pinned, so a change in the generator is noticed. Armitage et al. (1969), with many users a day:
    // 0.193 for 10 looks and 0.248 for 20, so about 0.22 for 14.
    expect(readout(markup, 'False winners, daily peeking')).toBe('23.6%');
    expect(readout(markup, 'False winners, one look')).toBe('5.7%');
    expect(readout(markup, 'Inflation')).toBe('4.7×');
    expect(html(s)).toBe(markup);
    expect(html({ mode: 'peek', seed: 2 })).not.toBe(markup);
    expect(markup).toContain('close to α, as it should be');
    // One step per day from day 0 on the chart, and the one-look marker.
    expect(markup.match(/<circle class="marker/g)).toHaveLength(1);
  });

  it('pins the peeking-trap preset: 30 daily looks', () => {
    const trap = schema.presets.find((p) => p.label === 'A peeking trap')!;
    const markup = html(trap.state as Partial<State>);
    expect(readout(markup, 'False winners, daily peeking')).toBe('31.4%');
    expect(readout(markup, 'False winners, one look')).toBe('5.1%');
  });

  it('keeps every run within the draw budget or says what to lower', () => {
    // 500 visitors · 0.05 = 25 conversions, + 1 draw, per arm and day.
    expect(peekingDraws(state({}))).toBe(1000 * 14 * 2 * 26);
    for (const preset of schema.presets)
      expect(peekingDraws(state(preset.state as Partial<State>))).toBeLessThanOrEqual(MAX_DRAWS);
    expect(error({ mode: 'peek', vpd: 100000, sims: 5000, days: 60 })).toBe(
      'This run would take about 3000.6 million random draws (tests × days × 2 arms × conversions a day); the widget stops at 2 million so that it answers at once. Lower the simulated tests, the days or the visitors per day.',
    );
  });
});

describe('A/B view: schema.presets and bad input', () => {
  it('renders every preset, and each preset sets the inputs its part shows', () => {
    expect(schema.presets.length).toBeGreaterThanOrEqual(4);
    for (const preset of schema.presets) {
      html(preset.state as Partial<State>);
      const shown = visibleFields(schema, { ...defaultState(schema), ...preset.state });
      for (const [name, visible] of Object.entries(shown))
        if (visible && name !== 'mode') expect(preset.state).toHaveProperty(name);
    }
  });

  it('answers bad planner input with the library message', () => {
    expect(error({ p0: 0 })).toBe('Sample size: baseline is 0; it must be strictly between 0 and 1.');
    expect(error({ p0: 1 })).toBe('Sample size: baseline is 1; it must be strictly between 0 and 1.');
    expect(error({ mde: 0 })).toBe('Sample size: mde is 0; no sample size can detect a zero effect.');
    expect(error({ p0: 0.99, mde: 0.02 })).toBe(
      'Sample size: the target rate baseline + mde is 1.01; it must be strictly between 0 and 1.',
    );
    expect(error({ alpha: 0 })).toBe('Sample size: alpha is 0; it must be strictly between 0 and 1.');
    expect(error({ power: 1 })).toBe('Sample size: power is 1; it must be strictly between 0 and 1.');
    expect(error({ power: 0.01 })).toBe(
      'Sample size: power 0.01 is too low for alpha 0.05; the formula needs power well above alpha (use 0.8 or more).',
    );
  });

  it('answers bad analyzer input with a clear message', () => {
    expect(error({ mode: 'analyze', nA: 0, xA: 0 })).toBe(
      'Visitors in A is 0: a conversion rate needs at least one visitor.',
    );
    expect(error({ mode: 'analyze', nB: 500, xB: 600 })).toBe(
      'Conversions in B (600) exceed visitors in B (500): each visitor converts at most once.',
    );
    expect(error({ mode: 'analyze', alpha: 1 })).toBe(
      'Two-proportion z-test: alpha is 1; it must be strictly between 0 and 1.',
    );
  });

  it('answers bad simulator input with the library message', () => {
    expect(error({ mode: 'peek', p0: 0 })).toBe(
      'Peeking simulation: baseline is 0; it must be strictly between 0 and 1.',
    );
    expect(error({ mode: 'peek', alpha: 0 })).toBe(
      'Peeking simulation: alpha is 0; it must be strictly between 0 and 1.',
    );
  });

  it('rejects out-of-range and non-numeric typing before it reaches the view', () => {
    expect(fieldProblem(schema.fields.p0, '1.5')).toBe('Baseline conversion rate must be between 0 and 1.');
    expect(fieldProblem(schema.fields.alpha, '')).toBe('Significance level α must be a number.');
    expect(fieldProblem(schema.fields.power, '-0.2')).toBe('Power (1 − β) must be between 0 and 1.');
    expect(fieldProblem(schema.fields.nA, '10.5')).toBe('Visitors in A (control) must be a whole number.');
    expect(fieldProblem(schema.fields.xB, '-1')).toBe('Conversions in B must be between 0 and 1000000000.');
    expect(fieldProblem(schema.fields.traffic, '0')).toBe(
      'Daily traffic (visitors a day, both arms) must be between 1 and 1000000000.',
    );
    expect(fieldProblem(schema.fields.sims, '50000')).toBe('Simulated A/A tests must be between 100 and 5000.');
  });

  it('summarises each part for screen readers', () => {
    const summary = (patch: Partial<State>) => {
      const r = view(state(patch));
      return r.ok ? r.summary : r.error;
    };
    expect(summary({})).toBe('31,234 users per arm, 62,468 in total, 7 days at 10,000 visitors a day.');
    expect(summary({ mode: 'analyze' })).toBe(
      'Rate A 5.00%, rate B 5.60%, lift +0.60 pt, p = 0.0583: not significant at α = 0.05.',
    );
    expect(summary({ mode: 'peek' })).toBe(
      'Daily peeking declared a false winner in 23.6% of 1,000 A/A tests; one look at the end in 5.7%.',
    );
  });
});
