/**
 * Latency percentiles, pure view: pasted or generated latencies -> p50, p95, p99, mean and max
 * against an SLO, a histogram with the percentile lines, the share of slow calls and what a
 * fan-out makes of it, and a sentence on how the mean hides the tail.
 */
import { latencySummary } from '../../lib/systems/latency.ts';
import {
  bimodalLatencies,
  fanOutSlowShare,
  latencyHistogram,
  logNormalLatencies,
  shareAbove,
  uniformLatencies,
} from '../../lib/systems/latency-samples.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { cellNumber } from '../kit/csv.ts';
import { fmt, fmtInt, fmtPercent } from '../kit/format.ts';
import { legend, lineChart, type Rule } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** Most pasted values. */
export const MAX_PASTED = 100_000;
/** Largest latency accepted, ms (11.6 days): anything above is surely a unit mistake. */
export const MAX_LATENCY_MS = 1e9;
/** Histogram bars. */
const BINS = 40;
/** Chart geometry of lineChart's default 320-wide plot: 48 px left and 14 px right margins. */
const PLOT_WIDTH = 320 - 48 - 14;
/** Closest two rule labels may sit, px, before the second loses its label (the legend names it). */
const LABEL_GAP = 26;

/** Reads latencies in ms separated by new lines, commas, semicolons or spaces. */
export function parseLatencies(text: string): number[] {
  const cells = text.split(/[\s,;]+/).filter((c) => c !== '');
  if (cells.length === 0) throw new MetricInputError('Paste at least one latency in milliseconds.', 'empty');
  if (cells.length > MAX_PASTED)
    throw new MetricInputError(
      `Paste at most ${fmtInt(MAX_PASTED)} latencies; this has ${fmtInt(cells.length)}.`,
      'out-of-range',
    );
  return cells.map((cell, i) => {
    const value = cellNumber(cell);
    // The message quotes the cell as typed (shortened).
    const shown = cell.length > 20 ? `${cell.slice(0, 20)}…` : cell;
    if (value === null) throw new MetricInputError(`Value ${i + 1} ("${shown}") is not a number.`, 'not-finite');
    if (value < 0)
      throw new MetricInputError(`Value ${i + 1} is ${shown} ms; a latency cannot be negative.`, 'out-of-range');
    if (value > MAX_LATENCY_MS)
      throw new MetricInputError(
        `Value ${i + 1} is ${shown} ms, more than ${fmtInt(MAX_LATENCY_MS)} ms (11.6 days); check the unit (the box expects milliseconds).`,
        'out-of-range',
      );
    return value;
  });
}

export function loadLatencies(state: State): number[] {
  switch (state.source) {
    case 'bimodal':
      return bimodalLatencies({
        n: state.n,
        hitMs: state.hit,
        missMs: state.miss,
        missShare: state.missPct / 100,
        seed: state.seed,
      });
    case 'uniform':
      if (state.max < state.min)
        throw new MetricInputError(
          `The slowest request (${fmt(state.max, 1)} ms) is faster than the fastest (${fmt(state.min, 1)} ms); make the slowest at least the fastest.`,
          'out-of-range',
        );
      return uniformLatencies({ n: state.n, minMs: state.min, maxMs: state.max, seed: state.seed });
    case 'pasted':
      return parseLatencies(state.data);
    default:
      return logNormalLatencies({ n: state.n, medianMs: state.median, sigma: state.sigma, seed: state.seed });
  }
}

/** A latency: one decimal below a second, whole thousands-separated ms above. */
const ms = (value: number) => (value >= 1000 ? `${fmtInt(value)} ms` : `${fmt(value, 1)} ms`);
/** A typed setting (the SLO) as typed: up to 2 decimals. */
function setting(value: number): string {
  fmt(value); // throws on NaN or Infinity, like every formatter here
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ms`;
}
const plural = (count: number, one: string, many: string) => `${fmtInt(count)} ${count === 1 ? one : many}`;

/** Keeps a rule's label only if it is far enough from the previous labelled rule on the chart. */
function spaceLabels(rules: Rule[], upper: number): Rule[] {
  let last = -Infinity;
  return [...rules]
    .sort((a, b) => a.value - b.value)
    .map((rule) => {
      const px = (rule.value / upper) * PLOT_WIDTH;
      if (px - last < LABEL_GAP) return { ...rule, label: '' };
      last = px;
      return rule;
    });
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const values = loadLatencies(state);
    const s = latencySummary(values);
    const slow = shareAbove(values, state.slo);
    const pages = fanOutSlowShare(slow, state.fanOut);
    const meets = s.p99 <= state.slo;

    // The chart shows the bulk and the tail up to 1.5 × p99 (or the SLO), not a lone outlier.
    const upper = Math.max(Math.min(s.max, Math.max(s.p99 * 1.5, state.slo * 1.1)), 1e-9);
    const hist = latencyHistogram(values, upper, BINS);
    const points: [number, number][] = hist.counts.map((c, i) => [hist.edges[i]!, c]);
    points.push([upper, hist.counts[BINS - 1]!]);
    const rules: Rule[] = [
      { value: s.p50, label: 'p50', tone: 1 },
      { value: s.p95, label: 'p95', tone: 2 },
      { value: s.p99, label: 'p99', tone: 2 },
      { value: s.mean, label: 'mean', tone: 4 },
      { value: state.slo, label: 'SLO', tone: 3 },
    ].filter((r) => r.value <= upper) as Rule[];
    const chart = lineChart({
      title: `Histogram of ${fmtInt(s.count)} latencies with p50, p95, p99, the mean and the SLO`,
      xLabel: 'Latency (ms)',
      yLabel: 'Requests',
      xDomain: [0, upper],
      yDomain: [0, Math.max(1, ...hist.counts) * 1.1],
      series: [{ name: 'Requests per latency bin', points, tone: 4, step: true }],
      xRules: spaceLabels(rules, upper),
    });
    const offChart = [
      hist.above > 0
        ? `${plural(hist.above, 'slower request', 'slower requests')} (up to ${ms(s.max)}) ${hist.above === 1 ? 'lies' : 'lie'} beyond the right edge`
        : '',
      state.slo > upper ? `the SLO (${setting(state.slo)}) is beyond the right edge` : '',
    ].filter(Boolean);

    const ratio = s.mean > 0 ? s.p99 / s.mean : 1;
    const tailFact =
      s.count >= 100
        ? `1 request in 100 takes over ${ms(s.p99)}`
        : `p99 is ${ms(s.p99)} (with only ${plural(s.count, 'request', 'requests')}, p99 interpolates between the slowest two)`;
    const tail =
      ratio >= 2
        ? `The mean is ${ms(s.mean)}, yet ${tailFact}: ${fmt(ratio, 1)} times the mean, and the slowest took ${ms(s.max)}. An alert on the mean stays quiet while those users wait.`
        : `Here the tail is short: p99 (${ms(s.p99)}) is only ${fmt(ratio, 2)} times the mean (${ms(s.mean)}), so the mean is not far off. Heavy tails, cache misses and slow dependencies are what stretch that ratio.`;
    const verdict = `<strong>p99 ${ms(s.p99)} ${meets ? 'meets' : 'misses'} the ${setting(state.slo)} SLO</strong>; ${fmtPercent(slow, 2)} of requests are slower than the SLO. A page that waits for ${fmtInt(state.fanOut)} such calls in parallel is slower than the SLO ${fmtPercent(pages, 1)} of the time (1 − (1 − ${fmt(slow, 4)})<sup>${fmtInt(state.fanOut)}</sup>, if the calls are independent).`;

    const html = `<div class="widget-grid">
<div>${readouts([
      ['p50', ms(s.p50)],
      ['p95', ms(s.p95)],
      ['p99', ms(s.p99)],
      ['Mean', ms(s.mean)],
      ['Max', ms(s.max)],
      ['Requests', fmtInt(s.count)],
      ['Slower than SLO', fmtPercent(slow, 2)],
      [`Pages slower (fan-out ${fmtInt(state.fanOut)})`, fmtPercent(pages, 1)],
    ])}
<p class="widget-verdict">${tail}</p>
<p class="widget-verdict">${verdict}</p></div>
<div>${chart}${legend([
      { name: 'Requests per bin', tone: 4 },
      { name: 'p50', tone: 1, dashed: true },
      { name: 'p95 and p99', tone: 2, dashed: true },
      { name: 'Mean', tone: 4, dashed: true },
      { name: 'SLO', tone: 3, dashed: true },
    ])}${offChart.length > 0 ? `<p class="widget-intro">Off the chart: ${offChart.join('; ')}.</p>` : ''}</div></div>`;
    const summary = `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)}, mean ${ms(s.mean)}, max ${ms(s.max)} over ${plural(s.count, 'request', 'requests')}; p99 ${meets ? 'meets' : 'misses'} the ${setting(state.slo)} SLO.`;
    return { html, summary };
  });
}
