/**
 * Fairness explorer, pure view: scored examples from two or more groups and a threshold (shared or
 * per group) -> each group's confusion matrix and rates, the fairness gaps, selection-rate and ROC
 * charts with every group's operating point, and four threshold policies side by side, to show that
 * when base rates differ, meeting one fairness criterion breaks another.
 */
import type { GroupRates } from '../../lib/fairness/group-metrics.ts';
import { fairnessReport, type FairnessReport, type UndefinedRate } from '../../lib/fairness/report.ts';
import { accuracy } from '../../lib/metrics/classification.ts';
import { groupScores, type GroupSpec } from '../../lib/datasets/groups.ts';
import {
  groupBaseRates,
  policyThresholds,
  thresholdSweep,
  POLICY_NAMES,
  type GroupedData,
  type PolicyName,
  type ThresholdSweep,
} from '../../lib/fairness/policies.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { cellNumber, parseRows } from '../kit/csv.ts';
import { escapeHtml, fmt, fmtInt } from '../kit/format.ts';
import { legend, lineChart, type Tone } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

export type State = StateOf<typeof schema>;

/** The four-fifths rule: a selection-rate ratio below this suggests adverse impact. */
export const FOUR_FIFTHS = 0.8;
const MAX_GROUPS = 8;
/** Seed and groups of the three presets (exported so tests rebuild exactly the same people). */
export const PRESET_SEED = 7;
export const PRESET_GROUPS: Record<string, GroupSpec[]> = {
  equal: [
    { name: 'A', n: 1000, baseRate: 0.5, separation: 2 },
    { name: 'B', n: 1000, baseRate: 0.5, separation: 2 },
  ],
  different: [
    { name: 'A', n: 1000, baseRate: 0.6, separation: 2 },
    { name: 'B', n: 1000, baseRate: 0.4, separation: 2 },
  ],
  biased: [
    { name: 'A', n: 1000, baseRate: 0.5, separation: 2 },
    { name: 'B', n: 1000, baseRate: 0.5, separation: 2, offset: -0.8 },
  ],
};

export const POLICY_LABELS: Record<PolicyName, string> = {
  groupUnaware: 'One threshold, best accuracy',
  demographicParity: 'Demographic parity',
  equalOpportunity: 'Equal opportunity',
  bestPerGroup: 'Best accuracy per group',
};

/** Reads "score,label,group" rows: scores in [0, 1], labels 0 or 1, 2 to 8 named groups. */
export function parseGroupCsv(text: string): GroupedData {
  const parsed = parseRows(text, ['score', 'label', 'group'], ([score, label, group], line) => {
    const s = cellNumber(score);
    if (s === null || s < 0 || s > 1) return `Line ${line}: the score "${score}" must be a number between 0 and 1.`;
    if (label !== '0' && label !== '1') return `Line ${line}: the label must be 0 or 1, not "${label}".`;
    if (group === '') return `Line ${line}: the group is empty.`;
    if (group.length > 30) return `Line ${line}: the group name is longer than 30 characters.`;
    return { score: s, label: Number(label) as 0 | 1, group };
  });
  if (!parsed.ok) throw new MetricInputError(parsed.message, 'out-of-range');
  const names = [...new Set(parsed.rows.map((r) => r.group))];
  if (names.length < 2) {
    throw new MetricInputError(
      `Your data has one group ("${names[0]}"); fairness metrics compare at least two.`,
      'out-of-range',
    );
  }
  if (names.length > MAX_GROUPS)
    throw new MetricInputError(
      `Your data has ${names.length} groups; this explorer shows at most ${MAX_GROUPS}.`,
      'out-of-range',
    );
  return {
    yTrue: parsed.rows.map((r) => r.label),
    scores: parsed.rows.map((r) => r.score),
    groups: parsed.rows.map((r) => r.group),
  };
}

let cache: { key: string; data: GroupedData; sweep: ThresholdSweep } | undefined;

/** The data and its threshold sweep; the last one is kept, so a moving slider does not redo the sweep. */
export function loadData(state: State): { data: GroupedData; sweep: ThresholdSweep } {
  const key = state.data === 'pasted' ? `pasted:${state.csv}` : state.data;
  if (cache?.key !== key) {
    const data =
      state.data === 'pasted' ? parseGroupCsv(state.csv) : groupScores(PRESET_GROUPS[state.data], PRESET_SEED);
    cache = { key, data, sweep: thresholdSweep(data) };
  }
  return cache;
}

/** "group=threshold" lines for pasted data; groups not named use `fallback`. */
export function parseGroupThresholds(
  text: string,
  groups: readonly string[],
  fallback: number,
): Record<string, number> {
  const thresholds: Record<string, number> = Object.fromEntries(groups.map((g) => [g, fallback]));
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  lines.forEach((line, i) => {
    if (line === '') return;
    const match = /^(.+?)\s*[=:]\s*(\S+)$/.exec(line);
    const where = `Per-group thresholds, line ${i + 1}`;
    if (!match) throw new MetricInputError(`${where}: write group=threshold, for example A=0.4.`, 'out-of-range');
    const [, name, raw] = match;
    if (!groups.includes(name))
      throw new MetricInputError(`${where}: there is no group "${name}" in the data.`, 'out-of-range');
    const value = cellNumber(raw);
    if (value === null || value < 0 || value > 1) {
      throw new MetricInputError(
        `${where}: the threshold for "${name}" must be a number between 0 and 1.`,
        'out-of-range',
      );
    }
    thresholds[name] = value;
  });
  return thresholds;
}

export function thresholdsFor(state: State, groups: readonly string[]): Record<string, number> {
  if (!state.perGroup) return Object.fromEntries(groups.map((g) => [g, state.t]));
  if (state.data !== 'pasted') return { A: state.tA, B: state.tB };
  return parseGroupThresholds(state.tg, groups, state.t);
}

/** The state change a policy button makes: its thresholds, in the controls the data uses. */
export function policyState(state: State, policy: string): Partial<State> {
  const { sweep } = loadData(state);
  // A button's value is a string; policyThresholds refuses any name it does not know.
  const thresholds = policyThresholds(policy as PolicyName, sweep);
  if (policy === 'groupUnaware') return { perGroup: false, t: thresholds[sweep.groups[0]] };
  if (state.data !== 'pasted') return { perGroup: true, tA: thresholds.A, tB: thresholds.B };
  return { perGroup: true, tg: sweep.groups.map((g) => `${g}=${thresholds[g]}`).join('\n') };
}

export type Evaluation = FairnessReport & { notes: string[] };

const UNDEFINED_NOTE: Record<UndefinedRate['rate'], (group: string) => string> = {
  tpr: (g) =>
    `Group ${g} has no positive labels, so its TPR is 0/0, which has no value (it is not 0): the TPR gaps leave it out.`,
  fpr: (g) => `Group ${g} has no negative labels, so its FPR is 0/0: the FPR gap leaves it out.`,
  precision: (g) => `Group ${g} has nobody selected, so its precision is 0/0: the PPV gap leaves it out.`,
};

/** The fairness report at the given thresholds, with a note for each rate or gap that is 0/0. */
export function evaluate(data: GroupedData, thresholds: Record<string, number>): Evaluation {
  const report = fairnessReport(data, thresholds);
  const notes = report.undefinedRates.map(({ group, rate }) => UNDEFINED_NOTE[rate](escapeHtml(group)));
  if (report.dpRatio === null) notes.push('Nobody is selected in any group, so the selection-rate ratio is 0/0.');
  return { ...report, notes };
}

const tone = (i: number): Tone => ((i % 4) + 1) as Tone;

function groupTable(
  groups: string[],
  e: Evaluation,
  base: Record<string, number>,
  thresholds: Record<string, number>,
): string {
  const cells = (f: (r: GroupRates, g: string) => string) => groups.map((g) => `<td>${f(e.table[g], g)}</td>`).join('');
  const rows: [string, string][] = [
    ['Examples', cells((r) => fmtInt(r.count))],
    ['Base rate', cells((_, g) => fmt(base[g]))],
    ['Threshold', cells((_, g) => fmt(thresholds[g], 2))],
    ['Selection rate', cells((r) => fmt(r.selectionRate))],
    ['TPR (recall)', cells((r) => (r.tpr === null ? 'n/a: no positives' : fmt(r.tpr)))],
    ['FPR', cells((r) => (r.fpr === null ? 'n/a: no negatives' : fmt(r.fpr)))],
    ['Precision (PPV)', cells((r) => (r.precision === null ? 'n/a: none selected' : fmt(r.precision)))],
    ['Accuracy', cells((r) => fmt(accuracy(r.confusion)))],
  ];
  return `<div class="widget-scroll" tabindex="0" role="region" aria-label="Rates by group"><table class="fa-groups"><caption>Rates by group</caption>
<thead><tr><th scope="col">Group</th>${groups.map((g) => `<th scope="col">${escapeHtml(g)}</th>`).join('')}</tr></thead>
<tbody>${rows.map(([name, tds]) => `<tr><th scope="row">${name}</th>${tds}</tr>`).join('')}</tbody></table></div>`;
}

function confusionTables(groups: string[], e: Evaluation): string {
  return `<div class="widget-grid fa-matrices">${groups
    .map((g) => {
      const c = e.table[g].confusion;
      return `<table class="fa-confusion"><caption>Group ${escapeHtml(g)}</caption>
<thead><tr><th scope="col"></th><th scope="col">Pred. 1</th><th scope="col">Pred. 0</th></tr></thead>
<tbody><tr><th scope="row">Actual 1</th><td>TP ${fmtInt(c.tp)}</td><td>FN ${fmtInt(c.fn)}</td></tr>
<tr><th scope="row">Actual 0</th><td>FP ${fmtInt(c.fp)}</td><td>TN ${fmtInt(c.tn)}</td></tr></tbody></table>`;
    })
    .join('')}</div>`;
}

function sameThresholds(a: Record<string, number>, b: Record<string, number>): boolean {
  return Object.keys(a).every((g) => Math.abs(a[g] - b[g]) < 1e-9);
}

function policyTable(
  data: GroupedData,
  sweep: ThresholdSweep,
  currentThresholds: Record<string, number>,
): { html: string; lesson: string } {
  type PolicyRow =
    { name: PolicyName; thresholds: Record<string, number>; e: Evaluation } | { name: PolicyName; error: string };
  const results = POLICY_NAMES.map((name): PolicyRow => {
    try {
      const thresholds = policyThresholds(name, sweep);
      return { name, thresholds, e: evaluate(data, thresholds) };
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error;
      return { name, error: error.message };
    }
  });
  // One column per policy, so the table stays narrow; a policy that cannot be computed says why.
  const head = results
    .map((r) => {
      const current = !('error' in r) && sameThresholds(r.thresholds, currentThresholds) ? ' (current)' : '';
      return `<th scope="col">${POLICY_LABELS[r.name]}${current}</th>`;
    })
    .join('');
  const metrics: [string, (e: Evaluation) => string][] = [
    ['Accuracy', (e) => fmt(e.accuracy)],
    ['Selection-rate gap', (e) => fmt(e.dpDifference)],
    ['Selection-rate ratio', (e) => fmt(e.dpRatio)],
    ['TPR gap', (e) => fmt(e.eoDifference)],
    ['Equalized odds gap', (e) => fmt(e.eoddsDifference)],
    ['PPV gap', (e) => fmt(e.ppDifference)],
  ];
  const thresholdRow = results
    .map((r) =>
      'error' in r
        ? `<td rowspan="${metrics.length + 1}">${escapeHtml(r.error)}</td>`
        : `<td>${sweep.groups.map((g) => `${escapeHtml(g)} ${fmt(r.thresholds[g], 2)}`).join('<br>')}</td>`,
    )
    .join('');
  const metricRows = metrics
    .map(
      ([name, value]) =>
        `<tr><th scope="row">${name}</th>${results.map((r) => ('error' in r ? '' : `<td>${value(r.e)}</td>`)).join('')}</tr>`,
    )
    .join('');
  const html = `<div class="widget-scroll" tabindex="0" role="region" aria-label="Threshold policies"><table class="fa-policies"><caption>Threshold policies (the buttons above apply them): each meets its own criterion and pays elsewhere</caption>
<thead><tr><th scope="col">Policy</th>${head}</tr></thead>
<tbody><tr><th scope="row">Thresholds</th>${thresholdRow}</tr>${metricRows}</tbody></table></div>`;
  const dp = results.find((r) => r.name === 'demographicParity');
  const eo = results.find((r) => r.name === 'equalOpportunity');
  let lesson = '';
  if (dp && !('error' in dp) && eo && !('error' in eo)) {
    lesson = `Equalizing selection rates leaves a TPR gap of ${fmt(dp.e.eoDifference)} and a PPV gap of ${fmt(dp.e.ppDifference)}; equalizing TPRs leaves a selection-rate ratio of ${fmt(eo.e.dpRatio)} and a PPV gap of ${fmt(eo.e.ppDifference)}.`;
  }
  return { html, lesson };
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const { data, sweep } = loadData(state);
    const groups = sweep.groups;
    const thresholds = thresholdsFor(state, groups);
    const e = evaluate(data, thresholds);
    const base = groupBaseRates(data.yTrue, data.groups);
    const baseRates = Object.values(base);
    const baseGap = Math.max(...baseRates) - Math.min(...baseRates);
    const policies = policyTable(data, sweep, thresholds);
    const highest = Math.max(...groups.map((g) => e.table[g].selectionRate));
    const dashed = (i: number) => i >= 4;

    const srChart = lineChart({
      title: 'Selection rate by threshold, with each group at its current threshold',
      xLabel: 'Threshold',
      yLabel: 'Selection rate',
      xDomain: [0, 1],
      yDomain: [0, 1],
      series: groups.map((g, i) => ({
        name: `Group ${g}`,
        points: sweep.thresholds.map((t, k) => [t, sweep.rates[g][k].selectionRate] as [number, number]),
        tone: tone(i),
        dashed: dashed(i),
      })),
      yRules: highest > 0 ? [{ value: FOUR_FIFTHS * highest, label: '4/5 of highest', tone: 4 }] : [],
      markers: groups.map((g, i) => ({
        x: thresholds[g],
        y: e.table[g].selectionRate,
        label: `Group ${g} now`,
        tone: tone(i),
      })),
    });
    const rocChart = lineChart({
      title: 'ROC curve of each group, with its operating point',
      xLabel: 'False positive rate',
      yLabel: 'True positive rate',
      xDomain: [0, 1],
      yDomain: [0, 1],
      series: groups.flatMap((g, i) => {
        const points = sweep.rates[g]
          .filter((r) => r.tpr !== null && r.fpr !== null)
          .map((r) => [r.fpr, r.tpr] as [number, number]);
        return points.length ? [{ name: `Group ${g}`, points, tone: tone(i), dashed: dashed(i) }] : [];
      }),
      markers: groups.flatMap((g, i) => {
        const r = e.table[g];
        return r.tpr !== null && r.fpr !== null ? [{ x: r.fpr, y: r.tpr, label: `Group ${g} now`, tone: tone(i) }] : [];
      }),
    });

    const passes = e.dpRatio !== null && e.dpRatio >= FOUR_FIFTHS;
    const verdictParts = [
      e.dpRatio === null
        ? 'Nobody is selected, so demographic parity cannot be judged.'
        : `The selection-rate ratio is ${fmt(e.dpRatio)}: ${passes ? 'at or above' : 'below'} the four-fifths line (${FOUR_FIFTHS}).`,
      `The TPR gap is ${fmt(e.eoDifference)} and the PPV gap ${fmt(e.ppDifference)}.`,
      policies.lesson,
      baseGap > 0.05
        ? `The base rates differ (${groups.map((g) => `${escapeHtml(g)} ${fmt(base[g], 2)}`).join(', ')}), so no thresholds can satisfy every criterion at once unless the score is perfect.`
        : 'The base rates are about equal, so one set of thresholds can come close to satisfying every criterion.',
    ];

    const html = `${readouts([
      ['Selection-rate gap (DP difference)', fmt(e.dpDifference)],
      ['Selection-rate ratio (DP ratio)', fmt(e.dpRatio)],
      ['Four-fifths rule', e.dpRatio === null ? 'n/a' : passes ? 'passes' : 'fails'],
      ['TPR gap (equal opportunity)', fmt(e.eoDifference)],
      ['Equalized odds difference', fmt(e.eoddsDifference)],
      ['PPV gap (predictive parity)', fmt(e.ppDifference)],
      ['Overall accuracy', fmt(e.accuracy)],
    ])}
<p class="widget-verdict">${verdictParts.filter(Boolean).join(' ')}</p>
${e.notes.length ? `<p class="widget-note">${e.notes.join(' ')}</p>` : ''}
<div class="widget-grid"><div>${groupTable(groups, e, base, thresholds)}${confusionTables(groups, e)}</div>
<div>${srChart}${rocChart}${legend([
      ...groups.map((g, i) => ({ name: `Group ${g}`, tone: tone(i), dashed: dashed(i) })),
      { name: 'Four-fifths of the highest selection rate', tone: 4 as Tone, dashed: true },
    ])}</div></div>
${policies.html}`;
    const summary = `Selection-rate ratio ${fmt(e.dpRatio)}, TPR gap ${fmt(e.eoDifference)}, PPV gap ${fmt(e.ppDifference)}, accuracy ${fmt(e.accuracy)}.`;
    return { html, summary };
  });
}
