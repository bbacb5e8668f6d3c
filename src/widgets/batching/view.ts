/**
 * Dynamic batching simulator, pure view: server settings -> a seeded simulation's throughput,
 * latency percentiles, batch size and utilization, plus a sweep of the max queue delay that charts
 * p99 (against the SLO) and throughput.
 */
import { simulateDelaySweep, type DynamicBatchingResult } from '../../lib/systems/batching.ts';
import { batchingCapacityPerSec } from '../../lib/systems/serving-capacity.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { fmt, fmtInt, fmtPercent } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/**
 * Requests per simulation run. With about 12 runs per view (the sweep), 10,000 keeps a full update
 * near 30 ms in Chromium while p99 moves by only a few percent between seeds.
 */
export const SIM_REQUESTS = 10_000;

/** Points of the delay sweep besides the current delay. */
const SWEEP_STEPS = 10;

/** The delays the chart sweeps: 0 to max(10 ms, twice the current delay) in 10 steps, plus the current one. */
export function sweepDelays(delay: number): number[] {
  const top = Math.max(10, 2 * delay);
  const grid = Array.from({ length: SWEEP_STEPS + 1 }, (_, i) => (top * i) / SWEEP_STEPS);
  return grid.includes(delay) ? grid : [...grid, delay].sort((a, b) => a - b);
}

export interface SweepPoint {
  delayMs: number;
  result: DynamicBatchingResult;
}

/** Runs the simulation once per swept delay, over the same arrivals (same seed: only the delay changes). */
export function runSweep(state: State): SweepPoint[] {
  const delays = sweepDelays(state.delay);
  const results = simulateDelaySweep(
    {
      arrivalRatePerSec: state.rate,
      maxBatchSize: state.maxBatch,
      fixedLatencyMs: state.fixed,
      perItemLatencyMs: state.perItem,
      instances: state.instances,
      requests: SIM_REQUESTS,
      seed: state.seed,
    },
    delays,
  );
  return delays.map((delayMs, i) => ({ delayMs, result: results[i] as DynamicBatchingResult }));
}

/** A latency: one decimal below a second, whole thousands-separated ms above. */
const ms = (value: number) => (value >= 1000 ? `${fmtInt(value)} ms` : `${fmt(value, 1)} ms`);

export function view(state: State): WidgetResult {
  return guard(() => {
    if (state.fixed + state.perItem <= 0)
      throw new MetricInputError(
        'The fixed and per-item latencies are both 0, so a batch would take no time. Give at least one of them a positive value.',
        'out-of-range',
      );
    const capacity = batchingCapacityPerSec({
      maxBatchSize: state.maxBatch,
      fixedLatencyMs: state.fixed,
      perItemLatencyMs: state.perItem,
      instances: state.instances,
    });
    const sweep = runSweep(state);
    const current = sweep.find((p) => p.delayMs === state.delay)!.result;
    const meets = current.p99Ms <= state.slo;
    const overloaded = state.rate > capacity;
    const best = sweep.reduce((a, b) => (b.result.p99Ms < a.result.p99Ms ? b : a));
    const meeting = sweep.filter((p) => p.result.p99Ms <= state.slo);

    const verdict = [
      `<strong>p99 ${ms(current.p99Ms)}: ${meets ? 'meets' : 'misses'} the ${fmtInt(state.slo)} ms SLO.</strong>`,
      overloaded
        ? `Requests arrive at ${fmtInt(state.rate)}/s but full batches serve at most ${fmtInt(capacity)}/s, so the queue grows for as long as this traffic lasts: after ${fmtInt(SIM_REQUESTS)} requests the tail is this long, and it keeps growing. Add instances, raise the max batch size or shed load.`
        : `Capacity with full batches is ${fmtInt(capacity)} requests/s, ${fmtPercent(state.rate / capacity, 0)} of it in use at this arrival rate.${
            current.utilization > state.rate / capacity + 0.1
              ? ` The instances are busy ${fmtPercent(current.utilization, 0)} of the time all the same: batches average ${fmt(current.meanBatchSize, 1)} requests, not ${fmtInt(state.maxBatch)}, so the ${fmt(state.fixed, 1)} ms fixed cost is paid more often.`
              : ''
          }`,
      `Across the swept delays, p99 is lowest (${ms(best.result.p99Ms)}) at a max queue delay of ${fmt(best.delayMs, 1)} ms`,
    ];
    verdict[2] +=
      meeting.length === 0
        ? '; no swept delay meets the SLO.'
        : meeting.length === sweep.length
          ? '; every swept delay meets the SLO.'
          : `; ${meeting.length} of the ${sweep.length} swept delays meet the SLO.`;

    const top = Math.max(...sweep.map((p) => p.delayMs));
    const p99Top = Math.max(state.slo, ...sweep.map((p) => p.result.p99Ms)) * 1.1;
    const p99Chart = lineChart({
      title: 'p99 latency as the max queue delay varies',
      xLabel: 'Max queue delay (ms)',
      yLabel: 'p99 latency (ms)',
      xDomain: [0, top],
      yDomain: [0, p99Top],
      series: [{ name: 'p99 latency', points: sweep.map((p) => [p.delayMs, p.result.p99Ms]), tone: 1 }],
      yRules: [{ value: state.slo, label: `SLO ${fmtInt(state.slo)} ms`, tone: 3 }],
      markers: [{ x: state.delay, y: current.p99Ms, label: 'Current delay', tone: 2 }],
    });
    const throughputTop = Math.max(capacity, state.rate, ...sweep.map((p) => p.result.throughputPerSec)) * 1.1;
    const throughputChart = lineChart({
      title: 'Throughput as the max queue delay varies',
      xLabel: 'Max queue delay (ms)',
      yLabel: 'Throughput (requests/s)',
      xDomain: [0, top],
      yDomain: [0, throughputTop],
      series: [{ name: 'Throughput', points: sweep.map((p) => [p.delayMs, p.result.throughputPerSec]), tone: 1 }],
      yRules: [{ value: capacity, label: 'capacity', tone: 4 }],
      markers: [{ x: state.delay, y: current.throughputPerSec, label: 'Current delay', tone: 2 }],
    });

    const html = `<div class="widget-grid">
<div>${readouts([
      ['Throughput', `${fmtInt(current.throughputPerSec)}/s`],
      ['p50 latency', ms(current.p50Ms)],
      ['p95 latency', ms(current.p95Ms)],
      ['p99 latency', ms(current.p99Ms)],
      ['Mean latency', ms(current.meanMs)],
      ['Mean batch size', fmt(current.meanBatchSize, 1)],
      ['Time busy', fmtPercent(current.utilization)],
      ['Capacity', `${fmtInt(capacity)}/s`],
    ])}
<p class="widget-verdict">${verdict.join(' ')}</p>
<p class="widget-intro">Each point simulates ${fmtInt(SIM_REQUESTS)} requests with Poisson arrivals (seed ${fmtInt(state.seed)}); a batch takes ${fmt(state.fixed, 1)} ms + ${fmt(state.perItem, 1)} ms per request.</p></div>
<div>${p99Chart}${throughputChart}${legend([
      { name: 'Simulated', tone: 1 },
      { name: 'Current delay', tone: 2 },
      { name: 'p99 SLO', tone: 3, dashed: true },
      { name: 'Capacity with full batches', tone: 4, dashed: true },
    ])}</div></div>`;
    const summary = `Max queue delay ${fmt(state.delay, 1)} ms: throughput ${fmtInt(current.throughputPerSec)} requests/s, p99 ${ms(current.p99Ms)} (${meets ? 'meets' : 'misses'} the ${fmtInt(state.slo)} ms SLO), mean batch ${fmt(current.meanBatchSize, 1)}, utilization ${fmtPercent(current.utilization)}.`;
    return { html, summary };
  });
}
