/**
 * A/B test planner and analyzer, pure view, in three parts:
 * plan    - baseline, minimum detectable effect, alpha, power, sides, traffic -> users per arm,
 *           total users, days, and a chart of users per arm against the effect;
 * analyze - visitors and conversions per arm -> rates, lift, interval, p-value, a verdict, and a
 *           sample-ratio-mismatch check of the split;
 * peek    - a seeded Monte Carlo of A/A tests checked daily -> how often "stop at the first
 *           p < alpha" finds a winner that does not exist, against testing once at the end.
 */
import { sampleSizePerVariant } from '../../lib/experiments/sample-size.ts';
import { twoProportionZTest } from '../../lib/experiments/z-test.ts';
import { simulatePeeking } from '../../lib/experiments/peeking.ts';
import { monteCarloMargin, planExperiment, type ExperimentPlan } from '../../lib/experiments/plan.ts';
import { chiSquareTest } from '../../lib/drift/chi-square.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { escapeHtml, fmt, fmtInt, fmtP as fmtPValue, fmtPercent } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** Below this chi-squared p-value the split is flagged as a sample ratio mismatch (Kohavi et al.). */
export const SRM_ALARM = 0.001;
/** A peeking run may draw at most this many binomial variates (about 35 ms in desktop V8). */
export const MAX_DRAWS = 2_000_000;

/** A number with an explicit sign (Unicode minus), or unsigned when it rounds to zero. */
export function signed(value: number, digits: number): string {
  const text = fmt(Math.abs(value), digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/** A difference of two rates in percentage points: 0.005 -> "+0.50 pt". */
export const fmtPoints = (difference: number, digits = 2) => `${signed(difference * 100, digits)} pt`;

/** An interval of differences in points: (-0.0002, 0.0122) -> "−0.02 to +1.22 pt". */
export const fmtInterval = (low: number, high: number) => `${signed(low * 100, 2)} to ${fmtPoints(high)}`;

/** A relative change: 0.1 -> "+10.0%". */
export const fmtRelative = (ratio: number, digits = 1) => `${signed(ratio * 100, digits)}%`;

/** p-values with 4 decimals, as A/B reports usually show them. */
export const fmtP = (p: number) => fmtPValue(p, 4);

/** A number without float noise or trailing zeros: 0.05 -> "0.05", 95.0 -> "95". */
const trim = (value: number, digits: number) => fmt(value, digits).replace(/\.?0+$/, '') || '0';

/** The confidence level of alpha as a percentage: 0.05 -> "95". */
export const level = (alpha: number) => trim((1 - alpha) * 100, 2);

/** α as typed: 0.05 -> "0.05". */
const fmtAlpha = (alpha: number) => trim(alpha, 4);

/* ------------------------------------------------------------------ plan */

/** The plan for the state's inputs (users per arm, total, days, target rate). */
export function plan(state: State): ExperimentPlan {
  return planExperiment({
    baseline: state.p0,
    mde: state.mde,
    relative: state.mdeKind === 'rel',
    alpha: state.alpha,
    power: state.power,
    twoSided: state.sides === 'two',
    dailyTraffic: state.traffic,
  });
}

function planView(state: State) {
  const p = plan(state);
  const relative = state.mdeKind === 'rel';
  const weeks = Math.ceil(p.days / 7);
  const sided = state.sides === 'two' ? 'two-sided' : 'one-sided';

  // Users per arm for effects from half to twice the chosen one (same sign, same reading).
  const points: [number, number][] = [];
  for (let i = 0; i <= 30; i++) {
    const mde = state.mde * (0.5 + (1.5 * i) / 30);
    try {
      const n = sampleSizePerVariant({
        baseline: state.p0,
        mde,
        relative,
        alpha: state.alpha,
        power: state.power,
        twoSided: state.sides === 'two',
      });
      points.push([Math.abs(mde) * 100, n / 1000]);
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error; // a target rate past 0 or 1: no point
    }
  }
  const half = points[0];
  const x = Math.abs(state.mde) * 100;
  const chart = lineChart({
    title: 'Users per arm against the minimum detectable effect',
    xLabel: relative ? 'Minimum detectable effect (% of baseline)' : 'Minimum detectable effect (points)',
    yLabel: 'Users per arm (thousands)',
    xDomain: [x / 2, x * 2],
    yDomain: [0, Math.max(...points.map((pt) => pt[1])) * 1.05],
    series: [{ name: 'Users per arm', points, tone: 1 }],
    markers: [
      ...(half ? [{ x: half[0], y: half[1], label: 'Half the effect', tone: 3 as const }] : []),
      { x, y: p.perArm / 1000, label: 'Your effect', tone: 2 },
    ],
  });

  const years = p.days > 365 ? ` (about ${fmt(p.days / 365, 1)} years)` : '';
  const halfNote = half
    ? ` Halving the effect to ${relative ? fmtRelative(p.relative / 2) : fmtPoints(p.absolute / 2)} needs ${fmtInt(half[1] * 1000)} per arm, about ${fmt((half[1] * 1000) / p.perArm, 1)} times as many: n grows with one over the effect squared.`
    : '';
  const html = `<div class="widget-grid">
<div>${readouts([
    ['Target rate', `${fmtPercent(state.p0, 2)} → ${fmtPercent(p.target, 2)}`],
    ['Effect', `${fmtPoints(p.absolute)} (${fmtRelative(p.relative)})`],
    ['Users per arm', fmtInt(p.perArm)],
    ['Total users', fmtInt(p.total)],
    ['Days needed', fmtInt(p.days)],
  ])}
<p class="widget-verdict">To detect a change from ${fmtPercent(state.p0, 2)} to ${fmtPercent(p.target, 2)} with a ${sided} test at α = ${fmtAlpha(state.alpha)} and ${trim(state.power * 100, 2)}% power, you need <strong>${fmtInt(p.perArm)} users per arm</strong>, ${fmtInt(p.total)} in total: <strong>${fmtInt(p.days)} day${p.days === 1 ? '' : 's'}</strong> at ${fmtInt(state.traffic)} visitors a day${years}. Run whole weeks (${fmtInt(weeks * 7)} days) so that every weekday counts equally.${halfNote}</p>
<p class="ab-note">Normal approximation with the pooled variance under H₀ (as statsmodels); the chapter's shortcut, with the unpooled variance in both terms, gives almost the same n.</p></div>
<div>${chart}${legend([
    { name: 'Users per arm', tone: 1 },
    { name: 'Your effect', tone: 2 },
    { name: 'Half the effect', tone: 3 },
  ])}</div></div>`;
  const summary = `${fmtInt(p.perArm)} users per arm, ${fmtInt(p.total)} in total, ${fmtInt(p.days)} days at ${fmtInt(state.traffic)} visitors a day.`;
  return { html, summary };
}

/* --------------------------------------------------------------- analyze */

function checkArm(name: string, visitors: number, conversions: number) {
  if (visitors === 0) {
    throw new MetricInputError(`Visitors in ${name} is 0: a conversion rate needs at least one visitor.`, 'undefined');
  }
  if (conversions > visitors) {
    throw new MetricInputError(
      `Conversions in ${name} (${fmtInt(conversions)}) exceed visitors in ${name} (${fmtInt(visitors)}): each visitor converts at most once.`,
      'out-of-range',
    );
  }
}

function analyzeView(state: State) {
  checkArm('A', state.nA, state.xA);
  checkArm('B', state.nB, state.xB);
  const t = twoProportionZTest({
    successesA: state.xA,
    trialsA: state.nA,
    successesB: state.xB,
    trialsB: state.nB,
    alpha: state.alpha,
  });
  // Sample ratio mismatch: were the visitors split 50/50 as planned? Chi-squared goodness of fit.
  const srm = chiSquareTest([state.nA, state.nB]);
  const shareB = state.nB / (state.nA + state.nB);
  const mismatch = srm.pValue < SRM_ALARM;
  const significant = t.pValue < state.alpha;
  const a = fmtAlpha(state.alpha);
  const ci = fmtInterval(t.ciLow, t.ciHigh);
  const relativeLift = t.relativeLift === null ? 'n/a (A is at 0%)' : fmtRelative(t.relativeLift);

  const srmText = mismatch
    ? `<p class="widget-error ab-srm"><strong>Sample ratio mismatch.</strong> A planned 50/50 split gave ${fmtInt(state.nA)} against ${fmtInt(state.nB)} visitors (χ² = ${fmt(srm.statistic, 1)}, p = ${escapeHtml(fmtP(srm.pValue))}, below the ${SRM_ALARM} alarm level). Assignment or logging is broken: find the bug before trusting any number here.</p>`
    : '';
  const direction = t.difference > 0 ? 'B converts better than A' : 'B converts worse than A';
  const verdict = significant
    ? `<strong>Significant at α = ${a}</strong>: p = ${escapeHtml(fmtP(t.pValue))} is below ${a}, and the ${level(state.alpha)}% interval for B − A, ${ci}, excludes 0: ${direction}.`
    : `<strong>Not significant at α = ${a}</strong>: p = ${escapeHtml(fmtP(t.pValue))} is not below ${a}, and the ${level(state.alpha)}% interval for B − A, ${ci}, includes 0. The data fit no effect, but also any lift in that interval: "not significant" is not "no effect", least of all in a test smaller than planned.`;
  const html = `${srmText}${readouts([
    ['Rate A', fmtPercent(t.rateA, 2)],
    ['Rate B', fmtPercent(t.rateB, 2)],
    ['Absolute lift', fmtPoints(t.difference)],
    ['Relative lift', relativeLift],
    [`${level(state.alpha)}% CI of the lift`, ci],
    ['z', fmt(t.z, 3)],
    ['p-value (two-sided)', fmtP(t.pValue)],
    ['Share of visitors in B', fmtPercent(shareB, 1)],
    ['SRM p-value (50/50)', fmtP(srm.pValue)],
  ])}
<p class="widget-verdict">${verdict}</p>
<p class="ab-note">This reading is valid only if the sample size was fixed before the test (part 1) and this is the one planned look: stopping the first time p dips below α finds winners that do not exist (part 3).${mismatch ? '' : ` The split, ${fmtPercent(shareB, 1)} in B, shows no sample ratio mismatch (χ² p = ${escapeHtml(fmtP(srm.pValue))}).`}</p>`;
  const summary = `${mismatch ? 'Sample ratio mismatch. ' : ''}Rate A ${fmtPercent(t.rateA, 2)}, rate B ${fmtPercent(t.rateB, 2)}, lift ${fmtPoints(t.difference)}, p = ${fmtP(t.pValue)}: ${significant ? 'significant' : 'not significant'} at α = ${a}.`;
  return { html, summary };
}

/* ------------------------------------------------------------------ peek */

/** Expected binomial draws of a peeking run: its cost (see simulatePeeking). */
export function peekingDraws(state: Pick<State, 'sims' | 'days' | 'vpd' | 'p0'>): number {
  return state.sims * state.days * 2 * (state.vpd * Math.min(state.p0, 1 - state.p0) + 1);
}

function peekView(state: State) {
  const draws = peekingDraws(state);
  if (draws > MAX_DRAWS) {
    throw new MetricInputError(
      `This run would take about ${fmt(draws / 1e6, 1)} million random draws (tests × days × 2 arms × conversions a day); the widget stops at ${MAX_DRAWS / 1e6} million so that it answers at once. Lower the simulated tests, the days or the visitors per day.`,
      'out-of-range',
    );
  }
  const r = simulatePeeking({
    days: state.days,
    visitorsPerDay: state.vpd,
    baseline: state.p0,
    experiments: state.sims,
    alpha: state.alpha,
    seed: state.seed,
  });
  const naive = r.naiveFalsePositiveRate;
  const fixed = r.fixedHorizonFalsePositiveRate;
  const noise = monteCarloMargin(naive, r.experiments);
  // One look should be wrong about α of the time, give or take a 99% Monte Carlo margin.
  const onTarget = Math.abs(fixed - state.alpha) <= monteCarloMargin(state.alpha, r.experiments, 0.99);
  const points: [number, number][] = [
    [0, 0],
    ...r.cumulativeFalsePositiveRate.map((v, d): [number, number] => [d + 1, v * 100]),
  ];
  const top = Math.max(naive, fixed, state.alpha) * 100 * 1.15;
  const chart = lineChart({
    title: 'Share of A/A tests already declared a winner, by day',
    xLabel: 'Day of the test (one look a day)',
    yLabel: 'False winners so far (%)',
    xDomain: [0, state.days],
    yDomain: [0, top],
    series: [{ name: 'Stop at the first p < α', points, tone: 2, step: true }],
    // Unlabelled: a label at the right end would sit under the one-look marker; the legend names it.
    yRules: [{ value: state.alpha * 100, label: '', tone: 4 }],
    markers: [{ x: state.days, y: fixed * 100, label: 'One look, on the last day', tone: 3 }],
  });
  const looks = `${fmtInt(state.days)} look${state.days === 1 ? '' : 's'}`;
  const html = `<div class="widget-grid">
<div>${readouts([
    ['False winners, daily peeking', fmtPercent(naive, 1)],
    ['False winners, one look', fmtPercent(fixed, 1)],
    ['Nominal α', fmtPercent(state.alpha, 1)],
    ['Inflation', `${fmt(naive / state.alpha, 1)}×`],
  ])}
<p class="widget-verdict">In ${fmtInt(r.experiments)} A/A tests (both arms truly convert at ${fmtPercent(state.p0, 2)}, so every winner is false), checking every day for ${fmtInt(state.days)} day${state.days === 1 ? '' : 's'} and stopping at the first p &lt; ${fmtAlpha(state.alpha)} declares a winner in <strong>${fmtPercent(naive, 1)}</strong> of them, ${fmt(naive / state.alpha, 1)} times the ${fmtPercent(state.alpha, 1)} you meant to risk. Testing once, on day ${fmtInt(state.days)}, gives ${fmtPercent(fixed, 1)}${onTarget ? ', close to α, as it should be.' : ": further from α than Monte Carlo noise explains, a sign that with so few conversions the z-test's normal approximation is rough."}</p>
<p class="ab-note">${looks} with ${fmtInt(state.vpd)} visitors per arm a day, seed ${fmtInt(state.seed)}: the same inputs always give the same result. Monte Carlo error about ±${fmt(noise * 100, 1)} points; more simulated tests narrow it.</p></div>
<div>${chart}${legend([
    { name: 'Stop at the first p < α', tone: 2 },
    { name: 'One look, on the last day', tone: 3 },
    { name: 'α', tone: 4, dashed: true },
  ])}</div></div>`;
  const summary = `Daily peeking declared a false winner in ${fmtPercent(naive, 1)} of ${fmtInt(r.experiments)} A/A tests; one look at the end in ${fmtPercent(fixed, 1)}.`;
  return { html, summary };
}

export function view(state: State): WidgetResult {
  return guard(() =>
    state.mode === 'analyze' ? analyzeView(state) : state.mode === 'peek' ? peekView(state) : planView(state),
  );
}
