/**
 * KV cache and GPU memory planner, pure view: a model, precisions, a context length and a batch on
 * some GPUs -> the KV cache per token and per sequence, weights plus cache against the memory the
 * engine may use, how many sequences fit, and what the same model would need with plain MHA.
 */
import { inferenceMemory, type InferenceMemory } from '../../lib/llm/memory.ts';
import { modelKvCacheBytesPerToken, modelMhaKvCacheBytesPerToken } from '../../lib/llm/presets.ts';
import { fmtBytes, fmtInt, fmtPercent, fmtShort } from '../kit/format.ts';
import { barChart, legend } from '../kit/chart.ts';
import { guard, readouts, scrollTable, type WidgetResult } from '../kit/result.ts';
import { bytesOf, chosenGpu, chosenModel, fmtGiB, fmtKiB, type ChosenModel } from '../kit/llm.ts';
import type { State } from './schema.ts';

/** The context lengths of the inference chapter's table: 4k, 32k and 128k tokens. */
export const COMPARED_CONTEXTS = [4096, 32_768, 131_072];

const plural = (n: number, word: string) => `${fmtInt(n)} ${word}${n === 1 ? '' : 's'}`;

function attentionText(model: ChosenModel): string {
  const attention = model.shape.attention;
  if (attention.kind === 'mla')
    return `MLA: one ${attention.kvLoraRank} + ${attention.ropeHeadDim}-wide latent a layer`;
  if (attention.kvHeads === attention.heads) return `MHA: ${attention.heads} key/value heads`;
  if (attention.kvHeads === 1) return `MQA: 1 key/value head for ${attention.heads} query heads`;
  return `GQA: ${attention.kvHeads} key/value heads for ${attention.heads} query heads`;
}

function verdict(state: State, memory: InferenceMemory, gpuName: string): string {
  const where = `the ${fmtBytes(memory.usable)} the engine may use (${fmtPercent(state.util, 0)} of ${state.gpus === 1 ? `one ${gpuName}` : `${state.gpus} × ${gpuName}`})`;
  const sequences = `${plural(state.batch, 'sequence')} of ${fmtInt(state.context)} tokens`;
  if (memory.fits) {
    return `<strong>Fits.</strong> ${sequences} hold ${fmtBytes(memory.kvCache)} of KV cache next to ${fmtBytes(memory.weights)} of weights: ${fmtBytes(memory.total)} of ${where}. At this length at most ${plural(memory.maxConcurrentSequences, 'sequence')} fit.`;
  }
  if (memory.maxConcurrentSequences === 0 && memory.weights + state.overhead * 1e9 >= memory.usable) {
    return `<strong>Does not fit.</strong> The weights alone take ${fmtBytes(memory.weights)}${state.overhead > 0 ? ` (plus ${fmtBytes(state.overhead * 1e9)} reserved)` : ''}, more than ${where}. Add GPUs or quantize the weights.`;
  }
  return `<strong>Does not fit.</strong> ${sequences} need ${fmtBytes(memory.kvCache)} of KV cache, but after ${fmtBytes(memory.weights)} of weights ${where} leaves room for ${plural(memory.maxConcurrentSequences, 'sequence')} of this length. Lower the batch, shorten the context, store the cache in FP8 or add GPUs.`;
}

function mlaNote(model: ChosenModel, gpus: number): string {
  if (model.shape.attention.kind !== 'mla' || gpus === 1) return '';
  return `<p class="widget-note">With ${gpus} GPUs this assumes each GPU caches only its own sequences (data-parallel attention, as SGLang serves MLA). A latent cannot be split over tensor-parallel ranks, so with plain tensor parallelism every GPU would hold a copy.</p>`;
}

function mhaNote(model: ChosenModel, perToken: number, mhaPerToken: number, mha: InferenceMemory): string {
  const attention = model.shape.attention;
  if (attention.kind === 'gqa' && attention.kvHeads === attention.heads) {
    return `<p class="widget-note">${model.name} already uses plain multi-head attention: every query head keeps its own key and value, so there is nothing to compare.</p>`;
  }
  const [as, mistake] =
    attention.kind === 'mla'
      ? [
          `caching full keys and values for all ${attention.heads} heads`,
          `A calculator that trusts the config's num_key_value_heads (${attention.heads}) for an MLA model makes this overcount.`,
        ]
      : [
          `as MHA, with ${attention.heads} key/value heads instead of ${attention.kvHeads},`,
          'A calculator that uses the query heads instead of the key/value heads makes exactly this overcount.',
        ];
  return `<p class="widget-note">${model.name} ${as} would need ${fmtKiB(mhaPerToken)} a token, <strong>${fmtShort(mhaPerToken / perToken)}× as much</strong>, and at most ${plural(mha.maxConcurrentSequences, 'sequence')} of this length would fit. ${mistake}</p>`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const model = chosenModel(state);
    const gpu = chosenGpu(state.gpu);
    const kvBytes = bytesOf(state.kv);
    const perToken = modelKvCacheBytesPerToken(model.shape, kvBytes);
    const base = {
      params: model.params,
      weightBytesPerParam: bytesOf(state.weights),
      gpus: state.gpus,
      gpuMemoryBytes: gpu.memoryBytes,
      utilization: state.util,
      overheadBytes: state.overhead * 1e9,
    };
    const plan = (kvBytesPerToken: number, contextTokens: number, batch = 1) =>
      inferenceMemory({ ...base, kvBytesPerToken, contextTokens, batch });
    const memory = plan(perToken, state.context, state.batch);
    const tokensThatFit = plan(perToken, 1).maxConcurrentSequences;
    const mhaPerToken = modelMhaKvCacheBytesPerToken(model.shape, kvBytes);
    const mha = plan(mhaPerToken, state.context, state.batch);
    const compareMha = state.mha && mhaPerToken !== perToken;

    const fitsAt = (kvBytesPerToken: number) =>
      COMPARED_CONTEXTS.map((context) => fmtInt(plan(kvBytesPerToken, context).maxConcurrentSequences));
    const contextTable = scrollTable({
      label: 'Sequences that fit at other context lengths',
      caption: 'Sequences that fit at other lengths (same model, GPUs and precisions)',
      head: ['Attention', ...COMPARED_CONTEXTS.map((context) => `${fmtInt(context)} tokens`)],
      rows: [[attentionText(model), ...fitsAt(perToken)], ...(compareMha ? [['As MHA', ...fitsAt(mhaPerToken)]] : [])],
    });

    const gb = (bytes: number) => bytes / 1e9;
    const categories = compareMha ? ['This model', 'As MHA'] : ['This model'];
    const chart = barChart({
      title: `Memory for ${plural(state.batch, 'sequence')} of ${fmtInt(state.context)} tokens, in GB, against the usable memory`,
      xLabel: `${state.gpus} × ${gpu.name}`,
      yLabel: 'GB',
      categories,
      groups: [
        { name: 'Weights', values: categories.map(() => gb(memory.weights)), tone: 1 },
        { name: 'KV cache', values: [gb(memory.kvCache), gb(mha.kvCache)].slice(0, categories.length), tone: 2 },
        { name: 'Reserved', values: categories.map(() => state.overhead), tone: 4 },
      ],
      yRules: [{ value: gb(memory.usable), label: `usable ${fmtBytes(memory.usable)}`, tone: 3 }],
      stacked: true,
    });

    const html = `<div class="widget-grid">
<div>${readouts([
      ['KV cache per token', fmtKiB(perToken)],
      ['KV per sequence', fmtGiB(perToken * state.context)],
      ['Weights', fmtBytes(memory.weights)],
      ['KV cache, all sequences', fmtBytes(memory.kvCache)],
      ['Total', fmtBytes(memory.total)],
      ['Usable memory', fmtBytes(memory.usable)],
      ['Sequences that fit', fmtInt(memory.maxConcurrentSequences)],
      ['KV tokens that fit', fmtInt(tokensThatFit)],
    ])}
<p class="widget-verdict">${verdict(state, memory, gpu.name)}</p>
<p class="widget-note">${model.name}, ${attentionText(model)}. Memory in decimal GB (10⁹ bytes) as datasheets print it; the cache per token in bytes and KiB (2¹⁰), per sequence in GiB (2³⁰).</p>${mlaNote(model, state.gpus)}${state.mha ? mhaNote(model, perToken, mhaPerToken, mha) : ''}
${contextTable}</div>
<div>${chart}${legend([
      { name: 'Weights', tone: 1 },
      { name: 'KV cache', tone: 2 },
      ...(state.overhead > 0 ? [{ name: 'Reserved', tone: 4 as const }] : []),
      { name: 'Usable memory', tone: 3, dashed: true },
    ])}</div></div>`;
    const summary = `${model.name}: ${fmtKiB(perToken)} of KV cache a token; ${plural(state.batch, 'sequence')} of ${fmtInt(state.context)} tokens ${memory.fits ? 'fit' : 'do not fit'} on ${state.gpus} × ${gpu.name} (${fmtBytes(memory.total)} of ${fmtBytes(memory.usable)}); at most ${fmtInt(memory.maxConcurrentSequences)} fit.`;
    return { html, summary };
  });
}
