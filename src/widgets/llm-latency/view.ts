/**
 * LLM latency and cost calculator, pure view: a model on some GPUs, prompt and output lengths and a
 * batch -> the roofline of each phase, TTFT, TPOT, the replica's tokens per second and the cost per
 * million output tokens at an average load, with TPOT and cost charted as the batch grows.
 */
import { MetricInputError } from '../../lib/errors.ts';
import { costPerMillionTokens } from '../../lib/llm/cost.ts';
import { llmLatency, type LlmLatency } from '../../lib/llm/latency.ts';
import { inferenceMemory } from '../../lib/llm/memory.ts';
import { attentionFlopsPerContextToken, modelKvCacheBytesPerToken } from '../../lib/llm/presets.ts';
import { fmtBytes, fmtInt, fmtPercent, fmtShort } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, scrollTable, type WidgetResult } from '../kit/result.ts';
import { bytesOf, chosenGpu, chosenModel, fmtSeconds, fmtUsd, peakFlopsFor } from '../kit/llm.ts';
import type { State } from './schema.ts';

/** Share of GPU memory the engine may use for the memory check (vLLM's default gpu_memory_utilization). */
export const ENGINE_MEMORY_SHARE = 0.9;
/** Batches charted: up to this many points between 1 and the largest batch shown. */
const CHART_POINTS = 48;

/**
 * Tokens a sequence holds on average while it is served: its prompt plus half its output. Under
 * continuous batching with paged KV, sequences are at every stage of their answer, so this is what
 * the cache holds per sequence in steady state (and the mean context the roofline decodes at).
 */
export function meanContextTokens(state: Pick<State, 'prompt' | 'output'>): number {
  return Math.ceil(state.prompt + state.output / 2);
}

/** Batches for the charts: evenly spread from 1 to `top`, plus the current one. */
function chartBatches(top: number, current: number): number[] {
  const step = Math.max(1, Math.ceil(top / CHART_POINTS));
  const batches = new Set<number>([1, current, top]);
  for (let batch = step; batch < top; batch += step) batches.add(batch);
  return [...batches].filter((batch) => batch <= top).sort((a, b) => a - b);
}

const ms = (seconds: number) => seconds * 1000;

/**
 * Why decode never turned compute-bound up to `top`: each sequence's share of a step, read from
 * the roofline (its KV reads: the step's memory time beyond the weights; its compute: the step's
 * compute time over the batch).
 */
function staysMemoryBound(one: LlmLatency, current: LlmLatency, batch: number, top: number): string {
  const kvPerSequence = (current.roofline.decodeMemory - one.roofline.prefillMemory) / batch;
  const computePerSequence = current.roofline.decodeCompute / batch;
  return kvPerSequence >= computePerSequence
    ? `It stays memory-bound at any batch: each sequence adds ${fmtSeconds(kvPerSequence)} of KV reads to a step but only ${fmtSeconds(computePerSequence)} of compute.`
    : `It stays memory-bound at every batch up to ${fmtInt(top)}; it would turn compute-bound only at a larger batch, which needs more memory.`;
}
const boundText = (bound: 'compute' | 'memory') => (bound === 'compute' ? 'compute-bound' : 'memory-bound');

export function view(state: State): WidgetResult {
  return guard(() => {
    const model = chosenModel(state);
    const gpu = chosenGpu(state.gpu);
    const kvBytesPerToken = modelKvCacheBytesPerToken(model.shape, bytesOf(state.kv));
    const weightBytesPerParam = bytesOf(state.weights);
    const memory = inferenceMemory({
      params: model.params,
      weightBytesPerParam,
      kvBytesPerToken,
      contextTokens: meanContextTokens(state),
      batch: state.batch,
      gpus: state.gpus,
      gpuMemoryBytes: gpu.memoryBytes,
      utilization: ENGINE_MEMORY_SHARE,
    });
    const maxFit = memory.maxConcurrentSequences;
    if (maxFit === 0) {
      throw new MetricInputError(
        `The weights of ${model.name} (${fmtBytes(memory.weights)}) leave no room for even one sequence's KV cache in ${fmtPercent(ENGINE_MEMORY_SHARE, 0)} of ${state.gpus} × ${gpu.name} (${fmtBytes(memory.usable)}). Add GPUs or quantize the weights.`,
        'out-of-range',
      );
    }
    const at = (batch: number): LlmLatency =>
      llmLatency({
        params: model.activeParams,
        weightBytesPerParam,
        kvBytesPerToken,
        promptTokens: state.prompt,
        outputTokens: state.output,
        batch,
        peakFlops: peakFlopsFor(gpu, state.weights) * state.gpus,
        memoryBandwidth: gpu.memoryBandwidth * state.gpus,
        mfu: state.mfu,
        mbu: state.mbu,
        attentionFlopsPerContextToken: attentionFlopsPerContextToken(model.shape),
      });
    const costAt = (result: LlmLatency, utilization: number) =>
      costPerMillionTokens({
        gpuHourlyUsd: state.price,
        gpus: state.gpus,
        tokensPerSecond: result.outputTokensPerSecond,
        utilization,
      });

    const one = at(1); // a request's own prefill: TTFT without queueing
    const current = at(state.batch);
    const tpot = current.timePerOutputTokenSeconds;
    const e2e = one.ttftSeconds + (state.output - 1) * tpot;
    const cost = costAt(current, state.util);
    const fullCost = costAt(current, 1);

    const top = Math.max(state.batch, Math.min(maxFit, 1024));
    const batches = chartBatches(top, state.batch);
    const sweep = batches.map((batch) => ({ batch, result: at(batch) }));
    let crossover: number | null = null;
    let bestWithinTarget: number | null = null;
    for (let batch = 1; batch <= top; batch++) {
      const result = at(batch);
      if (crossover === null && result.bound.decode === 'compute') crossover = batch;
      if (ms(result.timePerOutputTokenSeconds) <= state.slo && batch <= maxFit) bestWithinTarget = batch;
    }

    const meets = ms(tpot) <= state.slo;
    const perSequenceKv = kvBytesPerToken * meanContextTokens(state);
    const sentences = [
      `<strong>TPOT ${fmtSeconds(tpot)} ${meets ? 'meets' : 'misses'} the ${fmtShort(state.slo)} ms target</strong> at a batch of ${fmtInt(state.batch)}, and the replica emits ${fmtInt(current.outputTokensPerSecond)} tokens/s.`,
      current.bound.decode === 'memory'
        ? `Decode is memory-bound: a step reads ${fmtBytes(memory.weights)} of weights and ${fmtBytes(state.batch * perSequenceKv)} of KV cache, which takes longer than its arithmetic.`
        : 'Decode is compute-bound at this batch: a larger batch adds latency without adding throughput.',
      crossover === null
        ? staysMemoryBound(one, current, state.batch, top)
        : `Decode turns compute-bound from a batch of ${fmtInt(crossover)}.`,
    ];
    if (state.batch > maxFit) {
      sentences.push(
        `But ${fmtInt(state.batch)} sequences holding ${fmtInt(meanContextTokens(state))} tokens on average need more KV cache than fits: at most ${fmtInt(maxFit)} do.`,
      );
    }
    sentences.push(
      bestWithinTarget === null
        ? 'No batch meets the TPOT target here.'
        : bestWithinTarget === top && top < maxFit
          ? `Every batch up to ${fmtInt(top)} meets the target.`
          : `The largest batch that fits and meets the target is ${fmtInt(bestWithinTarget)}.`,
    );

    const tpotChart = lineChart({
      title: 'Time per output token as the batch grows',
      xLabel: 'Sequences decoded together',
      yLabel: 'TPOT (ms)',
      xDomain: [1, top],
      yDomain: [0, Math.max(state.slo, ...sweep.map((p) => ms(p.result.timePerOutputTokenSeconds))) * 1.1],
      series: [{ name: 'TPOT', points: sweep.map((p) => [p.batch, ms(p.result.timePerOutputTokenSeconds)]), tone: 1 }],
      yRules: [{ value: state.slo, label: `target ${fmtShort(state.slo)} ms`, tone: 3 }],
      xRules: [
        ...(crossover === null ? [] : [{ value: crossover, label: 'compute-bound', tone: 4 as const }]),
        ...(maxFit < top ? [{ value: maxFit, label: 'memory full', tone: 4 as const }] : []),
      ],
      markers: [{ x: state.batch, y: ms(tpot), label: 'Your batch', tone: 2 }],
    });
    const costs = sweep.map((p) => ({
      batch: p.batch,
      atLoad: costAt(p.result, state.util),
      atFull: costAt(p.result, 1),
    }));
    const costChart = lineChart({
      title: 'Cost per million output tokens as the batch grows',
      xLabel: 'Sequences decoded together',
      yLabel: '$ per 1M output tokens',
      xDomain: [1, top],
      yDomain: [0, Math.max(...costs.map((c) => c.atLoad)) * 1.1],
      series: [
        { name: `At ${fmtPercent(state.util, 0)} load`, points: costs.map((c) => [c.batch, c.atLoad]), tone: 1 },
        { name: 'At full load', points: costs.map((c) => [c.batch, c.atFull]), tone: 4, dashed: true },
      ],
      markers: [{ x: state.batch, y: cost, label: 'Your batch', tone: 2 }],
    });

    const roofline = scrollTable({
      label: 'Roofline of each phase',
      caption: 'Each phase takes the longer of its compute time and its memory time',
      head: ['Phase', 'Compute', 'Memory', 'Bound'],
      rows: [
        [
          'Prefill of one prompt',
          fmtSeconds(one.roofline.prefillCompute),
          fmtSeconds(one.roofline.prefillMemory),
          boundText(one.bound.prefill),
        ],
        [
          `Decode step, batch ${fmtInt(state.batch)}`,
          fmtSeconds(current.roofline.decodeCompute),
          fmtSeconds(current.roofline.decodeMemory),
          boundText(current.bound.decode),
        ],
      ],
    });

    const html = `<div class="widget-grid">
<div>${readouts([
      ['TTFT (one prompt)', fmtSeconds(one.ttftSeconds)],
      [`TPOT at batch ${fmtInt(state.batch)}`, fmtSeconds(tpot)],
      ['Per-user speed', `${fmtShort(1 / tpot)} tokens/s`],
      ['End to end', fmtSeconds(e2e)],
      ['Replica output', `${fmtInt(current.outputTokensPerSecond)} tokens/s`],
      [`$ per 1M output tokens at ${fmtPercent(state.util, 0)} load`, fmtUsd(cost)],
      ['At full load', fmtUsd(fullCost)],
      ['Largest batch that fits', fmtInt(maxFit)],
    ])}
<p class="widget-verdict">${sentences.join(' ')}</p>
${roofline}
<p class="widget-note">A roofline model, not a benchmark: compute is 2 FLOPs per active parameter per token plus attention over the context; memory is the weights plus each sequence's KV cache, read once a step. TTFT is the request's own prefill with no queue. The cost counts decode time only (${fmtShort(state.gpus)} GPU${state.gpus === 1 ? '' : 's'} at an assumed ${fmtUsd(state.price)} an hour): GPUs that also prefill serve fewer tokens an hour. Memory check: ${fmtPercent(ENGINE_MEMORY_SHARE, 0)} of the GPUs, sequences holding ${fmtInt(meanContextTokens(state))} tokens on average.</p></div>
<div>${tpotChart}${costChart}${legend([
      { name: 'TPOT or cost at your load', tone: 1 },
      { name: 'Cost at full load', tone: 4, dashed: true },
      { name: 'Your batch', tone: 2 },
      { name: 'TPOT target', tone: 3, dashed: true },
    ])}</div></div>`;
    const summary = `${model.name} on ${state.gpus} × ${gpu.name}: TTFT ${fmtSeconds(one.ttftSeconds)}, TPOT ${fmtSeconds(tpot)} at batch ${fmtInt(state.batch)} (${meets ? 'meets' : 'misses'} ${fmtShort(state.slo)} ms), ${fmtInt(current.outputTokensPerSecond)} tokens/s, ${fmtUsd(cost)} per million output tokens at ${fmtPercent(state.util, 0)} load.`;
    return { html, summary };
  });
}
