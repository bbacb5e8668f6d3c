/**
 * Funnel cost, pure view: stages of a retrieval-to-ranking funnel and the candidate count -> items,
 * compute and latency per stage, the totals against scoring every candidate with the last model,
 * the savings factor, and requests per second per core.
 */
import { funnelCost, type FunnelCost, type FunnelStage } from '../../lib/systems/funnel.ts';
import { busyCores, requestsPerSecondPerCore } from '../../lib/systems/serving-capacity.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { cellNumber, parseRows } from '../kit/csv.ts';
import { escapeHtml, fmt, fmtInt, fmtPercent } from '../kit/format.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** Most stages the text box takes. */
export const MAX_STAGES = 8;

/** Reads "name,keep,costPerItemMs[,fixedLatencyMs[,parallelism]]" lines; the library checks ranges. */
export function parseStages(text: string): FunnelStage[] {
  const parsed = parseRows(
    text,
    ['name', 'keep', 'costPerItemMs'],
    ([name, keep, cost, fixed, parallel], line) => {
      if (!name) return `Line ${line}: give the stage a name before the first comma.`;
      const number = (raw: string | undefined, what: string, fallback: number): number | string => {
        if (raw === undefined || raw === '')
          return raw === '' && what !== 'fixedLatencyMs' && what !== 'parallelism'
            ? `Line ${line}: ${what} is empty.`
            : fallback;
        const value = cellNumber(raw);
        return value !== null ? value : `Line ${line}: ${what} "${raw}" is not a number.`;
      };
      const values = [
        number(keep, 'keep', NaN),
        number(cost, 'costPerItemMs', NaN),
        number(fixed, 'fixedLatencyMs', 0),
        number(parallel, 'parallelism', 1),
      ];
      const problem = values.find((v): v is string => typeof v === 'string');
      if (problem) return problem;
      const [k, c, f, p] = values as number[];
      return { name, keep: k!, costPerItemMs: c!, fixedLatencyMs: f!, parallelism: p! };
    },
    { maxRows: MAX_STAGES },
  );
  if (!parsed.ok) throw new MetricInputError(parsed.message, 'out-of-range');
  return parsed.rows;
}

/** A duration for readouts: ms below a second, then s, min, h or days (one decimal). */
export function duration(msValue: number): string {
  if (msValue === 0) return '0 ms';
  if (msValue < 1) return `${fmt(msValue, 4)} ms`;
  if (msValue < 1000) return `${fmt(msValue, 1)} ms`;
  if (msValue < 60_000) return `${fmt(msValue / 1000, 1)} s`;
  if (msValue < 3_600_000) return `${fmt(msValue / 60_000, 1)} min`;
  if (msValue < 86_400_000) return `${fmt(msValue / 3_600_000, 1)} h`;
  return `${fmtInt(msValue / 86_400_000)} days`;
}

/** A count of cores: whole numbers from 10 up, one decimal below. */
const cores = (value: number) => (value === 0 ? '0' : value >= 10 ? fmtInt(value) : fmt(value, 1));
const factor = (value: number) => (value >= 100 ? `${fmtInt(value)}×` : `${fmt(value, 1)}×`);
/** A rate: whole numbers from 100 up, one decimal from 1, three below. */
const rate = (value: number) => (value >= 100 ? fmtInt(value) : fmt(value, value >= 1 ? 1 : 3));
/** A number the reader typed, as typed (up to 3 decimals, thousands separated). */
function typed(value: number): string {
  fmt(value); // throws on NaN or Infinity, like every formatter here
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** Scoring every candidate with the last stage alone (the funnel's brute-force alternative). */
export function bruteForce(n: number, stages: FunnelStage[]): FunnelCost {
  const last = stages[stages.length - 1]!;
  return funnelCost({ candidates: n, stages: [{ ...last, keep: Math.min(last.keep, n) }] });
}

function stageTable(cost: FunnelCost, stages: FunnelStage[], brute: FunnelCost, qps: number): string {
  const rows = cost.perStage
    .map((s, i) => {
      const parallel = stages[i]?.parallelism ?? 1;
      return `<tr><th scope="row">${escapeHtml(s.name)}</th><td>${fmtInt(s.itemsIn)}</td><td>${fmtInt(s.itemsOut)}</td><td>${duration(s.computeMs)}</td><td>${fmtPercent(s.shareOfCompute)}</td><td>${duration(s.latencyMs)}${parallel > 1 ? ` (${fmtInt(parallel)} workers)` : ''}</td><td>${cores(busyCores(qps, s.computeMs))}</td></tr>`;
    })
    .join('');
  return `<div class="fu-scroll"><table class="fu-table"><caption>Per stage, for one request; busy cores at ${typed(qps)} requests/s</caption>
<thead><tr><th scope="col">Stage</th><th scope="col">Items in</th><th scope="col">Items out</th><th scope="col">Compute</th><th scope="col">Share of compute</th><th scope="col">Latency</th><th scope="col">Busy cores</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><th scope="row">Funnel total</th><td>${fmtInt(cost.perStage[0]!.itemsIn)}</td><td>${fmtInt(cost.perStage[cost.perStage.length - 1]!.itemsOut)}</td><td>${duration(cost.totalComputeMs)}</td><td>100.0%</td><td>${duration(cost.latencyMs)}</td><td>${cores(busyCores(qps, cost.totalComputeMs))}</td></tr>
<tr><th scope="row">Brute force: the last stage on every item</th><td>${fmtInt(brute.perStage[0]!.itemsIn)}</td><td>${fmtInt(brute.perStage[0]!.itemsOut)}</td><td>${duration(brute.totalComputeMs)}</td><td></td><td>${duration(brute.latencyMs)}</td><td>${cores(busyCores(qps, brute.totalComputeMs))}</td></tr></tfoot></table></div>`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const stages = parseStages(state.stages);
    const cost = funnelCost({ candidates: state.n, stages });
    const brute = bruteForce(state.n, stages);
    const perCore = requestsPerSecondPerCore(cost.totalComputeMs);
    const fleet = busyCores(state.qps, cost.totalComputeMs);
    const bruteFits = brute.latencyMs <= state.budget;
    const funnelFits = cost.latencyMs <= state.budget;
    const lastName = escapeHtml(stages[stages.length - 1]!.name);

    let verdict: string;
    if (bruteFits && cost.savingsFactor < 10)
      verdict = `<strong>The funnel is not worth it here.</strong> Scoring all ${fmtInt(state.n)} items with ${lastName} takes ${duration(brute.latencyMs)}, inside the ${typed(state.budget)} ms budget, and the funnel saves only ${factor(cost.savingsFactor)} the compute. One model that scores everything has no early stage to lose good items and one model fewer to train, version and monitor.`;
    else if (!funnelFits)
      verdict = `<strong>The funnel takes ${duration(cost.latencyMs)}, over the ${typed(state.budget)} ms budget.</strong> Keep fewer items before the slowest stage, or spread its items over more parallel workers (the 5th value on its line).`;
    else
      verdict = `<strong>The funnel is ${factor(cost.savingsFactor)} cheaper than brute force.</strong> It answers in ${duration(cost.latencyMs)} of the ${typed(state.budget)} ms budget with ${duration(cost.totalComputeMs)} of compute, where ${lastName} on all ${fmtInt(state.n)} items would need ${duration(brute.totalComputeMs)} of compute${bruteFits ? '' : ` and ${duration(brute.latencyMs)} of waiting`}.`;

    const html = `${readouts([
      ['Compute per request', duration(cost.totalComputeMs)],
      ['Latency per request', duration(cost.latencyMs)],
      ['Brute-force compute', duration(brute.totalComputeMs)],
      ['Brute-force latency', duration(brute.latencyMs)],
      ['Savings factor', factor(cost.savingsFactor)],
      ['Requests/s per core', rate(perCore)],
      [`Busy cores at ${typed(state.qps)}/s`, cores(fleet)],
    ])}
<p class="widget-verdict">${verdict}</p>
${stageTable(cost, stages, brute, state.qps)}
<p class="widget-intro">Compute is items × cost per item; a stage's latency is its compute divided by its parallel workers plus its fixed latency, and the stages run one after another. Requests per second per core assume one core (or one GPU) does the whole request's compute back to back, 1,000 ms of work each second with no idle time and no batching gains: 1000 / compute per request. Busy cores = traffic × compute / 1000; provision more to run at a healthy 60-70% utilisation.</p>`;
    const summary = `${fmtInt(state.n)} candidates through ${stages.length} stages: ${duration(cost.totalComputeMs)} of compute and ${duration(cost.latencyMs)} per request, ${factor(cost.savingsFactor)} less compute than brute force (${duration(brute.totalComputeMs)}); ${rate(perCore)} requests/s per core.`;
    return { html, summary };
  });
}
