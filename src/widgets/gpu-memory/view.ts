/**
 * GPU memory calculator, pure view: a parameter count and a training or inference set-up -> memory
 * per GPU for the weights, gradients and optimizer states (ZeRO sharding), checked against common
 * card sizes, with an optional, separately labelled rough activation estimate.
 */
import {
  activationMemoryBytes,
  BYTES_PER_PARAM,
  cardsNeeded,
  GPU_CARDS,
  modelMemoryBytes,
  trainingMemoryBytes,
  type Optimizer,
  type Recompute,
  type TrainingMemory,
  type TrainingPrecision,
  type WeightDtype,
  type ZeroStage,
} from '../../lib/systems/memory.ts';
import { fmt, fmtBytes, fmtInt, fmtParams, fmtShort as short } from '../kit/format.ts';
import { barChart, legend } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** The largest card compared with: the count of cards the weights need is in these. */
const LARGEST_CARD_GB = Math.max(...GPU_CARDS.map((card) => card.gb));

/** Re-exported: the GPU memory calculator's tests read its formats from its view. */
export { fmtBytes, fmtParams };

/** The whole parameter count from the billions the reader types (the library needs a whole number). */
export function paramCount(billions: number): number {
  return Math.round(billions * 1e9);
}

function fitsTable(columns: { name: string; bytes: number }[]): string {
  const cell = (bytes: number, gb: number) => {
    const spare = gb * 1e9 - bytes;
    if (spare === 0) return '<td><span class="gm-badge gm-fits">fits</span> with nothing to spare</td>';
    return spare > 0
      ? `<td><span class="gm-badge gm-fits">fits</span> ${fmtBytes(spare)} spare</td>`
      : `<td><span class="gm-badge gm-over">does not fit</span> ${fmtBytes(-spare)} over</td>`;
  };
  const head = columns.map((c) => `<th scope="col">${c.name}</th>`).join('');
  const rows = GPU_CARDS.map(
    (card) =>
      `<tr><th scope="row">${card.gb} GB <small>(${card.examples})</small></th>${columns.map((c) => cell(c.bytes, card.gb)).join('')}</tr>`,
  ).join('');
  return `<div class="gm-scroll"><table class="gm-table"><caption>One GPU of each size</caption><thead><tr><th scope="col">Card</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>
<p class="widget-intro">A card also needs room for the CUDA context, buffers and fragmentation, so little to spare means it will not run in practice.</p>`;
}

function inferenceView(state: State, params: number) {
  const dtype = state.dtype as WeightDtype;
  const weights = modelMemoryBytes({ params, dtype });
  const formats: WeightDtype[] = ['fp32', 'fp16', 'bf16', 'int8', 'int4'];
  const perFormat = formats.map((d) => modelMemoryBytes({ params, dtype: d }) / 1e9);
  const cardsForWeights = cardsNeeded(weights, LARGEST_CARD_GB);
  const chart = barChart({
    title: `Weights of a ${fmtParams(params)}-parameter model in each format, in GB`,
    xLabel: `Weight format (yours: ${dtype})`,
    yLabel: 'GB',
    categories: formats,
    groups: [{ name: 'Weights', values: perFormat, tone: 1 }],
  });
  const html = `<div class="widget-grid">
<div>${readouts([
    [`Weights (${dtype})`, fmtBytes(weights)],
    ['Bytes per parameter', short(BYTES_PER_PARAM[dtype])],
    [`${LARGEST_CARD_GB} GB cards for the weights`, fmtInt(cardsForWeights)],
  ])}
${fitsTable([{ name: 'Weights', bytes: weights }])}
<p class="widget-verdict">${fmtParams(params)} parameters × ${short(BYTES_PER_PARAM[dtype])} byte${BYTES_PER_PARAM[dtype] === 1 ? '' : 's'} = <strong>${fmtBytes(weights)}</strong> of weights. That is the floor: the KV cache, activations and the framework's own buffers come on top, and with long contexts or large batches the KV cache can outgrow the weights.</p></div>
<div>${chart}${legend([{ name: 'Weights only (no KV cache, no activations)', tone: 1 }])}</div></div>`;
  const summary = `${fmtParams(params)} parameters in ${dtype}: ${fmtBytes(weights)} of weights; ${fitSummary(weights)}.`;
  return { html, summary };
}

/** "fits on one 40 or 80 GB card", for the screen-reader summary. */
function fitSummary(bytes: number): string {
  const fits = GPU_CARDS.filter((c) => bytes <= c.gb * 1e9).map((c) => String(c.gb));
  if (fits.length === 0) return `too big for one ${LARGEST_CARD_GB} GB card`;
  const list = fits.length === 1 ? fits[0] : `${fits.slice(0, -1).join(', ')} or ${fits.at(-1)}`;
  return `fits on one ${list} GB card`;
}

function trainingView(state: State, params: number) {
  const base = {
    params,
    precision: state.precision as TrainingPrecision,
    optimizer: state.optimizer as Optimizer,
    gpus: state.gpus,
  };
  const zeroStage = state.zero as ZeroStage;
  const stages = ([0, 1, 2, 3] as ZeroStage[]).map((z) => trainingMemoryBytes({ ...base, zeroStage: z }));
  const mine: TrainingMemory = stages[zeroStage]!;
  const plain = stages[0]!;
  const gb = (f: (m: TrainingMemory) => number) => stages.map((m) => f(m) / 1e9);
  const chart = barChart({
    title: `Model states per GPU at each ZeRO stage on ${state.gpus} GPU${state.gpus === 1 ? '' : 's'}, in GB`,
    xLabel: `ZeRO stage (yours: ${zeroStage})`,
    yLabel: 'GB per GPU',
    categories: ['0', '1', '2', '3'],
    groups: [
      { name: 'Weights', values: gb((m) => m.weights), tone: 1 },
      { name: 'Gradients', values: gb((m) => m.gradients), tone: 2 },
      { name: 'Optimizer states', values: gb((m) => m.optimizerStates), tone: 3 },
      { name: 'Total', values: gb((m) => m.total), tone: 4 },
    ],
  });

  let activations: number | null = null;
  if (state.act) {
    activations = activationMemoryBytes({
      seqLength: state.seq,
      microBatch: state.mb,
      hiddenSize: state.hidden,
      heads: state.heads,
      layers: state.layers,
      recompute: state.recompute as Recompute,
    });
  }

  const precisionText = state.precision === 'mixed' ? 'mixed-precision' : 'fp32';
  const optimizerText = { adam: 'Adam', 'sgd-momentum': 'SGD with momentum', sgd: 'plain SGD' }[state.optimizer];
  const saving = plain.total / mine.total;
  const verdict =
    zeroStage === 0 || state.gpus === 1
      ? `Plain data parallelism keeps a full copy on every GPU: <strong>${fmtBytes(mine.total)}</strong> of model states each, ${short(mine.total / params)} bytes a parameter.${state.gpus === 1 ? ' With one GPU there is nothing to shard, so every ZeRO stage holds the same.' : ` ZeRO-3 would cut it to ${fmtBytes(stages[3]!.total)}.`}`
      : `ZeRO stage ${zeroStage} on ${state.gpus} GPUs leaves <strong>${fmtBytes(mine.total)}</strong> of model states on each GPU, ${fmt(saving, 1)}× less than the ${fmtBytes(plain.total)} of plain data parallelism.`;
  const weightsNote =
    state.precision === 'mixed'
      ? ` The 16-bit weights alone are ${fmtBytes(2 * params)}; the fp32 master copy sits with the optimizer states.`
      : '';

  const activationBlock =
    activations === null
      ? ''
      : `<div class="gm-activations"><p><strong>Rough activation estimate</strong> (separate from the model states)</p>
${readouts([
  ['Activations per GPU (rough)', fmtBytes(activations)],
  ['States + activations', fmtBytes(mine.total + activations)],
])}
<p class="widget-intro">Korthikanti et al. (2022): ${fmtInt(state.layers)} layers × s·b·h·(${state.recompute === 'full' ? '2' : state.recompute === 'selective' ? '34' : `34 + 5·a·s/h = ${short(34 + (5 * state.heads * state.seq) / state.hidden)}`}) bytes, with 16-bit activations and no tensor parallelism. It leaves out the embeddings, the loss, temporary buffers and fragmentation, so treat it as an order of magnitude.</p></div>`;

  const columns = [{ name: 'Model states', bytes: mine.total }];
  if (activations !== null) columns.push({ name: '+ activations (rough)', bytes: mine.total + activations });

  const html = `<div class="widget-grid">
<div>${readouts([
    ['Weights per GPU', fmtBytes(mine.weights)],
    ['Gradients per GPU', fmtBytes(mine.gradients)],
    ['Optimizer states per GPU', fmtBytes(mine.optimizerStates)],
    ['Model states per GPU', fmtBytes(mine.total)],
  ])}
<p class="widget-verdict">${verdict}${weightsNote}</p>
${fitsTable(columns)}${activationBlock}</div>
<div>${chart}${legend([
    { name: 'Weights', tone: 1 },
    { name: 'Gradients', tone: 2 },
    { name: 'Optimizer states (incl. fp32 master weights)', tone: 3 },
    { name: 'Total per GPU', tone: 4 },
  ])}</div></div>`;
  const total = activations === null ? mine.total : mine.total + activations;
  const summary = `${fmtParams(params)} parameters, ${precisionText} ${optimizerText}, ZeRO stage ${zeroStage} on ${state.gpus} GPU${state.gpus === 1 ? '' : 's'}: ${fmtBytes(mine.total)} of model states per GPU${activations === null ? '' : ` plus about ${fmtBytes(activations)} of activations`}; ${fitSummary(total)}.`;
  return { html, summary };
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const params = paramCount(state.params);
    return state.mode === 'inference' ? inferenceView(state, params) : trainingView(state, params);
  });
}
