/**
 * Drift detector, pure view: a reference and a current window (a seeded scenario or two pasted
 * samples) -> overlaid histograms, PSI with its bands and per-bin contributions, KL both ways,
 * JS, KS and chi-squared tests, a plain-language verdict, and the same scenario at another sample
 * size to show that PSI measures the size of a shift while a p-value measures the evidence.
 */
import { PSI_EPSILON } from '../../lib/drift/psi.ts';
import {
  driftScenario,
  type DriftScenarioName,
  type DriftWindows,
  type NumericWindows,
} from '../../lib/datasets/drift-scenarios.ts';
import { psiNoiseFloor, type Binning } from '../../lib/drift/two-sample.ts';
import { driftEvidence, driftReport, psiBand, PSI_ACT, PSI_WATCH, type DriftReport } from '../../lib/drift/report.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { cellNumber } from '../kit/csv.ts';
import { escapeHtml, fmt, fmtInt, fmtP, fmtPercent } from '../kit/format.ts';
import { barChart, legend } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import { memoize } from '../kit/memo.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** Above this many rows per window the comparison uses a tenth of the rows instead of ten times. */
const MAX_ROWS_FOR_TENFOLD = 10_000;

/** fmtP for raw HTML ("<" must be escaped there). */
const htmlP = (p: number) => escapeHtml(fmtP(p));

/** A divergence that may be infinite (a bin empty on one side only): ∞ is a true answer here. */
function fmtDivergence(value: number): string {
  return value === Infinity ? '∞' : fmt(value);
}

/** Numbers from pasted text: one per line or separated by commas, semicolons or spaces. */
export function parseSample(text: string, name: string): number[] {
  const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length < 2)
    throw new MetricInputError(`${name}: paste at least 2 numbers, one per line or separated by commas.`, 'empty');
  return tokens.map((token, i) => {
    const value = cellNumber(token);
    if (value === null) {
      const shown = token.length > 20 ? `${token.slice(0, 20)}…` : token;
      throw new MetricInputError(`${name}: "${shown}" (value ${i + 1}) is not a number.`, 'not-finite');
    }
    return value;
  });
}

/** The two pasted samples as the reference and current windows. */
function pastedWindows(state: State): NumericWindows {
  return {
    kind: 'numeric',
    reference: parseSample(state.ref, 'Reference sample'),
    current: parseSample(state.cur, 'Current sample'),
  };
}

/** A drift report with what each bin is called and holds, for the tables and the chart. */
export interface DriftAnalysis extends DriftReport {
  /** Bin labels for the chart (bin numbers, or category names). */
  labels: string[];
  /** What each bin holds (a value range, or the category). */
  ranges: string[];
}

function edgeDigits(edges: readonly number[]): number {
  const finite = edges.filter(Number.isFinite);
  const span = Math.max(...finite.map(Math.abs), Math.max(...finite) - Math.min(...finite));
  return span >= 100 ? 0 : span >= 10 ? 1 : 2;
}

function rangeLabels(edges: readonly number[]): string[] {
  const digits = edgeDigits(edges);
  const f = (v: number) => fmt(v, digits);
  return edges.slice(0, -1).map((low, i) => {
    const high = edges[i + 1] as number;
    if (low === -Infinity) return `below ${f(high)}`;
    if (high === Infinity) return `${f(low)} and above`;
    return `${f(low)} to ${f(high)}`;
  });
}

/** The drift report of the windows, with bin labels and ranges for the reader. */
export function analyse(windows: DriftWindows, bins: number, binning: Binning): DriftAnalysis {
  const report = driftReport(windows, bins, binning);
  if (report.categories) return { ...report, labels: report.categories, ranges: report.categories };
  return { ...report, labels: report.reference.map((_, i) => String(i + 1)), ranges: rangeLabels(report.edges ?? []) };
}

/**
 * The analysis of a seeded scenario at n rows per window. The last 32 are kept (a few numbers per
 * bin each), so a slider dragged back and forth finds the states it passed, main line and
 * comparison alike. Same inputs, same output: the view stays a pure function of the state.
 */
const scenarioAnalysis = memoize(
  (scenario: DriftScenarioName, n: number, strength: number, seed: number, bins: number, binning: Binning) =>
    analyse(driftScenario(scenario, { n, strength, seed }), bins, binning),
  32,
);

/** The analysis of a state's windows, at `n` rows per window for a seeded scenario. */
function analysisOf(state: State, n = state.n): DriftAnalysis {
  const binning = state.binning as Binning;
  if (state.scenario === 'pasted') return analyse(pastedWindows(state), state.bins, binning);
  return scenarioAnalysis(state.scenario as DriftScenarioName, n, state.strength, state.seed, state.bins, binning);
}

/** The sample size the comparison uses: ten times the rows, or a tenth when that would be too many. */
export function comparisonRows(n: number): number {
  return n <= MAX_ROWS_FOR_TENFOLD ? n * 10 : Math.round(n / 10);
}

const BAND_LABEL = { stable: 'Stable', watch: 'Watch', act: 'Act' } as const;

function verdict(state: State, a: DriftAnalysis): string {
  const band = psiBand(a.psi);
  const p = driftEvidence(a);
  const test = a.ks ? 'the KS test' : 'the chi-squared test';
  const significant = p < 0.05;
  const floor = psiNoiseFloor(a.chi.dof + 1, a.nReference, a.nCurrent);
  const top = a.contributions.indexOf(Math.max(...a.contributions));
  const topShare = a.psi > 0 ? a.contributions[top] / a.psi : 0;
  const bin =
    a.labels[top] === a.ranges[top]
      ? `Category ${escapeHtml(a.labels[top])}`
      : `Bin ${escapeHtml(a.labels[top])} (${escapeHtml(a.ranges[top])})`;
  const where = `${bin} gives ${fmtPercent(topShare, 0)} of it.`;
  const rows = fmtInt(Math.min(a.nReference, a.nCurrent));
  const parts: string[] = [];
  if (band === 'stable' && !significant) {
    parts.push(
      `<strong>Stable.</strong> PSI ${fmt(a.psi)} is below ${PSI_WATCH}, and ${test} finds nothing beyond chance (p = ${htmlP(p)}). Nothing to do.`,
    );
  } else if (band === 'stable') {
    parts.push(
      `<strong>Stable, though detectable.</strong> ${test[0].toUpperCase()}${test.slice(1)} is sure the windows differ (p = ${htmlP(p)}), but PSI ${fmt(a.psi)} says the shift is small. With ${rows} rows per window a test flags shifts too small to matter: judge the size with PSI, not the p-value.`,
    );
  } else {
    parts.push(
      band === 'watch'
        ? `<strong>Watch.</strong> PSI ${fmt(a.psi)} is a moderate shift (${PSI_WATCH} to ${PSI_ACT}). ${where} Look at that range and its segments.`
        : `<strong>Act.</strong> PSI ${fmt(a.psi)} is a major shift (above ${PSI_ACT}). ${where} Find the cause, check data quality, consider retraining.`,
    );
    if (!significant) {
      parts.push(
        `But ${test} cannot rule out chance (p = ${htmlP(p)}): with ${rows} rows per window, noise alone gives a PSI of about ${fmt(floor)}. Collect more data before acting.`,
      );
    }
  }
  if (
    state.scenario === 'category' &&
    a.reference[a.reference.length - 1] === 0 &&
    a.current[a.current.length - 1] > 0
  ) {
    parts.push(
      `The reference never saw ${escapeHtml(a.labels[a.labels.length - 1])}, so PSI uses ${PSI_EPSILON} as its reference share; that bin alone adds ${fmt(a.contributions[a.contributions.length - 1])}, and the model has no training data for it.`,
    );
  }
  if (state.scenario === 'seasonal' && band !== 'stable') {
    parts.push('A seasonal swing comes back every year: compare with the same month last year before you retrain.');
  }
  return `<p class="widget-verdict">${parts.join(' ')}</p>`;
}

function contributionsTable(a: DriftAnalysis, categorical: boolean): string {
  const refTotal = a.nReference;
  const curTotal = a.nCurrent;
  const rows = a.labels
    .map(
      (label, i) =>
        `<tr><th scope="row">${escapeHtml(label)}</th>${categorical ? '' : `<td>${escapeHtml(a.ranges[i])}</td>`}<td>${fmtPercent(a.reference[i] / refTotal)}</td><td>${fmtPercent(a.current[i] / curTotal)}</td><td>${fmt(a.contributions[i], 4)}</td><td>${a.psi > 0 ? fmtPercent(a.contributions[i] / a.psi, 0) : 'n/a'}</td></tr>`,
    )
    .join('');
  return `<div class="widget-scroll" tabindex="0" role="region" aria-label="PSI bin by bin"><table class="dr-bins"><caption>PSI bin by bin: (current share - reference share) · ln(current / reference)</caption>
<thead><tr><th scope="col">${categorical ? 'Category' : 'Bin'}</th>${categorical ? '' : '<th scope="col">Range</th>'}<th scope="col">Reference</th><th scope="col">Current</th><th scope="col">PSI term</th><th scope="col">Share of PSI</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">Total</th>${categorical ? '' : '<td></td>'}<td>${fmtInt(refTotal)} rows</td><td>${fmtInt(curTotal)} rows</td><td>${fmt(a.psi, 4)}</td><td>${a.psi > 0 ? '100%' : 'n/a'}</td></tr></tfoot></table></div>`;
}

function infiniteNote(a: DriftAnalysis): string {
  const notes: string[] = [];
  const emptyIn = (side: number[], other: number[]) => side.findIndex((v, i) => v === 0 && other[i] > 0);
  const refEmpty = emptyIn(a.reference, a.current);
  const curEmpty = emptyIn(a.current, a.reference);
  if (a.klCurrentReference === Infinity && refEmpty >= 0) {
    notes.push(
      `KL(current ‖ reference) is infinite: bin ${escapeHtml(a.labels[refEmpty])} is empty in the reference but not in the current window.`,
    );
  }
  if (a.klReferenceCurrent === Infinity && curEmpty >= 0) {
    notes.push(
      `KL(reference ‖ current) is infinite: bin ${escapeHtml(a.labels[curEmpty])} is empty in the current window but not in the reference.`,
    );
  }
  if (notes.length) notes.push(`PSI stays finite by using ${PSI_EPSILON} for an empty share; JS is always finite.`);
  return notes.length ? `<p class="widget-note">${notes.join(' ')}</p>` : '';
}

function sampleSizeComparison(state: State, a: DriftAnalysis): string {
  if (state.scenario === 'pasted') {
    return `<p class="widget-note">With 10× as many rows from the same two distributions, PSI would be about the same (only less noisy), while the p-values would shrink if the distributions truly differ: PSI measures how big a shift is, a p-value how sure we are that there is one.</p>`;
  }
  const other = comparisonRows(state.n);
  const comparison = analysisOf(state, other);
  const [small, large] = other > state.n ? [a, comparison] : [comparison, a];
  const [nSmall, nLarge] = other > state.n ? [state.n, other] : [other, state.n];
  const row = (n: number, x: DriftAnalysis) =>
    `<tr><th scope="row">${fmtInt(n)}</th><td>${fmt(x.psi)}</td><td>${x.ks ? htmlP(x.ks.pValue) : 'n/a'}</td><td>${htmlP(x.chi.pValue)}</td></tr>`;
  const testName = a.ks ? 'KS' : 'chi-squared';
  return `<div class="widget-scroll" tabindex="0" role="region" aria-label="The same scenario at another sample size"><table class="dr-tenfold"><caption>The same scenario with ${other > state.n ? '10× the rows' : 'a tenth of the rows'}</caption>
<thead><tr><th scope="col">Rows per window</th><th scope="col">PSI</th><th scope="col">KS p-value</th><th scope="col">χ² p-value</th></tr></thead>
<tbody>${row(nSmall, small)}${row(nLarge, large)}</tbody></table></div>
<p class="widget-note">From ${fmtInt(nSmall)} to ${fmtInt(nLarge)} rows, PSI goes from ${fmt(small.psi)} to ${fmt(large.psi)} while the ${testName} p-value goes from ${htmlP(driftEvidence(small))} to ${htmlP(driftEvidence(large))}. PSI estimates the size of the shift, so more data only makes it less noisy (noise alone adds about ${fmt(psiNoiseFloor(a.chi.dof + 1, nSmall, nSmall))} at ${fmtInt(nSmall)} rows); a p-value measures the evidence that there is any shift, so with enough data even a negligible one becomes “significant”.</p>`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const a = analysisOf(state);
    const categorical = a.categories !== null;
    const band = psiBand(a.psi);
    const binsNote =
      !categorical && a.labels.length < state.bins
        ? `<p class="widget-note">Tied values merged some quantile bins: ${a.labels.length} of ${state.bins} bins are used.</p>`
        : '';
    const chart = barChart({
      title: `Share of each window per ${categorical ? 'category' : 'bin'}`,
      xLabel: categorical ? 'Payment method' : 'Bin (ranges in the table below)',
      yLabel: 'Share of window',
      categories: a.labels,
      groups: [
        { name: 'Reference', values: a.reference.map((v) => v / a.nReference), tone: 1 },
        { name: 'Current', values: a.current.map((v) => v / a.nCurrent), tone: 2 },
      ],
    });
    const html = `<div class="widget-grid">
<div>${readouts([
      ['PSI', fmt(a.psi)],
      ['PSI band', BAND_LABEL[band]],
      ['KL(current ‖ reference)', fmtDivergence(a.klCurrentReference)],
      ['KL(reference ‖ current)', fmtDivergence(a.klReferenceCurrent)],
      ['JS divergence', fmt(a.js)],
      ['KS statistic', a.ks ? fmt(a.ks.statistic) : 'n/a'],
      ['KS p-value', a.ks ? fmtP(a.ks.pValue) : 'n/a'],
      [`χ² (${a.chi.dof} dof)`, fmt(a.chi.statistic, 1)],
      ['χ² p-value', fmtP(a.chi.pValue)],
    ])}
${verdict(state, a)}${infiniteNote(a)}${categorical ? '<p class="widget-note">The bins are the categories, so bin settings do not apply; KS needs ordered numbers, so only chi-squared tests the difference.</p>' : ''}</div>
<div>${chart}${legend([
      { name: 'Reference window', tone: 1 },
      { name: 'Current window', tone: 2 },
    ])}
<p class="widget-note">PSI bands: below ${PSI_WATCH} stable, ${PSI_WATCH} to ${PSI_ACT} watch, above ${PSI_ACT} act. KL and JS in nats; the tests are two-sample (the reference is a sample too).</p></div></div>
${binsNote}${contributionsTable(a, categorical)}
${sampleSizeComparison(state, a)}`;
    const summary = `${BAND_LABEL[band]}: PSI ${fmt(a.psi)}, ${a.ks ? `KS p-value ${fmtP(a.ks.pValue)}, ` : ''}chi-squared p-value ${fmtP(a.chi.pValue)}.`;
    return { html, summary };
  });
}
