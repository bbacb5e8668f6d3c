/**
 * Static against continuous batching, pure view: one seeded stream of requests served both ways
 * -> throughput, TTFT and end-to-end percentiles and the mean batch side by side, and both charted
 * over a range of arrival rates.
 */
import { simulateLlmBatching, type LlmBatchingPolicy, type LlmBatchingResult } from '../../lib/llm/batching.ts';
import { fmt, fmtInt } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, scrollTable, type WidgetResult } from '../kit/result.ts';
import { fmtSeconds } from '../kit/llm.ts';
import type { State } from './schema.ts';

/** Requests per point of the arrival-rate charts (the table uses the reader's count). */
export const SWEEP_REQUESTS = 1000;
/** The arrival rates charted, as multiples of the reader's rate. */
export const SWEEP_FACTORS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2];
/** Throughput at least this share of the offered tokens/s counts as keeping up with the traffic. */
const KEEPS_UP = 0.95;

function run(state: State, policy: LlmBatchingPolicy, rate: number, requests: number): LlmBatchingResult {
  return simulateLlmBatching({
    policy,
    arrivalRatePerSec: rate,
    maxBatch: state.maxBatch,
    promptTokens: state.prompt,
    meanOutputTokens: state.output,
    prefillSecondsPerToken: state.prefill * 1e-6,
    // The reader's step model: a fixed part (reading the weights) plus a part per sequence (its KV cache).
    decodeStepSeconds: (batch) => (state.stepBase + state.stepPerSeq * batch) / 1000,
    requests,
    seed: state.seed,
  });
}

const ratio = (a: number, b: number) => `${fmt(a / b, a / b >= 10 ? 0 : 1)}×`;

export function view(state: State): WidgetResult {
  return guard(() => {
    const results = {
      static: run(state, 'static', state.rate, state.requests),
      continuous: run(state, 'continuous', state.rate, state.requests),
    };
    const offered = state.rate * state.output;
    const keepsUp = (result: LlmBatchingResult) => result.outputTokensPerSecond >= KEEPS_UP * offered;
    const sweep = SWEEP_FACTORS.map((factor) => {
      const rate = state.rate * factor;
      return {
        rate,
        static: run(state, 'static', rate, SWEEP_REQUESTS),
        continuous: run(state, 'continuous', rate, SWEEP_REQUESTS),
      };
    });

    const { static: fixed, continuous } = results;
    const table = scrollTable({
      label: 'Static and continuous batching side by side',
      caption: `${fmtInt(state.requests)} requests at ${fmt(state.rate, 1)} a second, served both ways`,
      head: ['Measure', 'Static', 'Continuous'],
      rows: [
        ['Output tokens/s', fmtInt(fixed.outputTokensPerSecond), fmtInt(continuous.outputTokensPerSecond)],
        ['TTFT p50', fmtSeconds(fixed.ttft.p50), fmtSeconds(continuous.ttft.p50)],
        ['TTFT p95', fmtSeconds(fixed.ttft.p95), fmtSeconds(continuous.ttft.p95)],
        ['End to end p50', fmtSeconds(fixed.e2e.p50), fmtSeconds(continuous.e2e.p50)],
        ['End to end p95', fmtSeconds(fixed.e2e.p95), fmtSeconds(continuous.e2e.p95)],
        ['Sequences generating per step', fmt(fixed.meanBatch, 1), fmt(continuous.meanBatch, 1)],
      ],
    });

    const load = `The traffic asks for ${fmtInt(offered)} output tokens/s.`;
    const capacity =
      keepsUp(fixed) && keepsUp(continuous)
        ? 'Both keep up, so they emit the same tokens per second; the difference is the wait.'
        : !keepsUp(continuous)
          ? 'Neither keeps up: the queue grows for as long as this traffic lasts, and the latencies grow with the number of requests simulated.'
          : `Static batching cannot keep up (${fmtInt(fixed.outputTokensPerSecond)} tokens/s): its queue grows for as long as this traffic lasts, while continuous batching serves it all.`;
    const verdict = `<strong>Continuous batching: p95 time to first token ${fmtSeconds(continuous.ttft.p95)} against ${fmtSeconds(fixed.ttft.p95)}${continuous.outputTokensPerSecond > 1.05 * fixed.outputTokensPerSecond ? `, and ${ratio(continuous.outputTokensPerSecond, fixed.outputTokensPerSecond)} the throughput` : ''}.</strong> ${load} ${capacity} A static batch keeps its finished rows as padding until its longest sequence ends (on average ${fmt(fixed.meanBatch, 1)} sequences still generate per step), and new requests wait for the whole batch; continuous batching refills a free slot at the next step.`;

    const throughputChart = lineChart({
      title: 'Output tokens per second as the arrival rate grows',
      xLabel: 'Arrival rate (requests/s)',
      yLabel: 'Output tokens/s',
      xDomain: [0, (sweep.at(-1) as (typeof sweep)[number]).rate],
      yDomain: [
        0,
        Math.max(...sweep.flatMap((p) => [p.static.outputTokensPerSecond, p.continuous.outputTokensPerSecond])) * 1.1,
      ],
      series: [
        { name: 'Continuous', points: sweep.map((p) => [p.rate, p.continuous.outputTokensPerSecond]), tone: 1 },
        { name: 'Static', points: sweep.map((p) => [p.rate, p.static.outputTokensPerSecond]), tone: 2, dashed: true },
      ],
      xRules: [{ value: state.rate, label: 'your rate', tone: 4 }],
    });
    const ttftChart = lineChart({
      title: 'p95 time to first token as the arrival rate grows',
      xLabel: 'Arrival rate (requests/s)',
      yLabel: 'p95 TTFT (s)',
      xDomain: [0, (sweep.at(-1) as (typeof sweep)[number]).rate],
      yDomain: [0, Math.max(1e-3, ...sweep.flatMap((p) => [p.static.ttft.p95, p.continuous.ttft.p95])) * 1.1],
      series: [
        { name: 'Continuous', points: sweep.map((p) => [p.rate, p.continuous.ttft.p95]), tone: 1 },
        { name: 'Static', points: sweep.map((p) => [p.rate, p.static.ttft.p95]), tone: 2, dashed: true },
      ],
      xRules: [{ value: state.rate, label: 'your rate', tone: 4 }],
    });

    const html = `<div class="widget-grid">
<div>${table}
<p class="widget-verdict">${verdict}</p>
<p class="widget-note">Poisson arrivals (seed ${fmtInt(state.seed)}); output lengths are geometric with mean ${fmt(state.output, 0)} (each token ends the answer with the same chance, like an end-of-sequence token), so a few answers run several times longer than the mean. A prefill takes ${fmt(state.prefill, 1)} µs a prompt token; a decode step ${fmt(state.stepBase, 2)} ms + ${fmt(state.stepPerSeq, 3)} ms a sequence. The charts simulate ${fmtInt(SWEEP_REQUESTS)} requests a point.</p></div>
<div>${throughputChart}${ttftChart}${legend([
      { name: 'Continuous batching', tone: 1 },
      { name: 'Static batching', tone: 2, dashed: true },
      { name: 'Your arrival rate', tone: 4, dashed: true },
    ])}</div></div>`;
    const summary = `At ${fmt(state.rate, 1)} requests a second: continuous batching ${fmtInt(continuous.outputTokensPerSecond)} tokens/s with p95 TTFT ${fmtSeconds(continuous.ttft.p95)}; static batching ${fmtInt(fixed.outputTokensPerSecond)} tokens/s with p95 TTFT ${fmtSeconds(fixed.ttft.p95)}.`;
    return { html, summary };
  });
}
