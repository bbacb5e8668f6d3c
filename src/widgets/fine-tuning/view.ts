/**
 * Fine-tuning memory calculator, pure view: a model, a method (full, LoRA, QLoRA), the LoRA rank
 * and target matrices, and the sequence shape -> trainable parameters, the model states
 * (weights, gradients, Adam states), a separately labeled activation estimate, and the total
 * against GPU sizes, with the three methods side by side.
 */
import {
  decoderActivationMemory,
  fineTuningMemory,
  loraTrainableParams,
  type FineTuningMemory,
  type FineTuningMethod,
} from '../../lib/llm/fine-tuning.ts';
import { blockLinearParams, blockProjections, GPU_PRESETS, type ModelPreset } from '../../lib/llm/presets.ts';
import { fmtBytes, fmtInt, fmtParams, fmtPercent, fmtShort } from '../kit/format.ts';
import { barChart, legend } from '../kit/chart.ts';
import { guard, readouts, scrollTable, type WidgetResult } from '../kit/result.ts';
import { modelPreset } from '../kit/llm.ts';
import type { State } from './schema.ts';

/** The projections each choice of targets adapts, by their Hugging Face names. */
export const TARGET_SETS: Record<State['targets'], readonly string[]> = {
  all: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'],
  attention: ['q_proj', 'k_proj', 'v_proj', 'o_proj'],
  qv: ['q_proj', 'v_proj'],
};

const METHOD_NAMES: Record<FineTuningMethod, string> = { full: 'Full', lora: 'LoRA', qlora: 'QLoRA' };

/** Trainable parameters of a method: every parameter for full fine-tuning, the adapters otherwise. */
function trainable(model: ModelPreset, state: State, method: FineTuningMethod): number {
  if (method === 'full') return model.params;
  const wanted = TARGET_SETS[state.targets];
  const targets = blockProjections(model).filter((projection) => wanted.includes(projection.name));
  return loraTrainableParams({ layers: model.layers, targets, rank: state.rank });
}

function statesOf(model: ModelPreset, state: State, method: FineTuningMethod): FineTuningMemory {
  return fineTuningMemory({
    params: model.params,
    method,
    trainableParams: trainable(model, state, method),
    doubleQuantization: state.dq,
    quantizedParams: blockLinearParams(model),
  });
}

function gpuTable(total: number): string {
  return scrollTable({
    label: 'Whether one GPU holds it',
    caption: 'Model states plus activations on one GPU of each kind',
    head: ['GPU', 'Memory', 'One GPU'],
    rows: [...GPU_PRESETS]
      .sort((a, b) => a.memoryBytes - b.memoryBytes)
      .map((gpu) => {
        const spare = gpu.memoryBytes - total;
        return [
          gpu.name,
          fmtBytes(gpu.memoryBytes),
          spare >= 0 ? `fits, ${fmtBytes(spare)} spare` : `over by ${fmtBytes(-spare)}`,
        ];
      }),
  });
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const model = modelPreset(state.model);
    const method = state.method;
    const mine = statesOf(model, state, method);
    const trained = trainable(model, state, method);
    const methods: FineTuningMethod[] = ['full', 'lora', 'qlora'];
    const all = methods.map((m) => ({ method: m, states: statesOf(model, state, m) }));
    const attention = model.attention.kind === 'gqa' ? model.attention : null;
    const activations = decoderActivationMemory({
      layers: model.layers,
      hiddenSize: model.hiddenSize,
      kvWidth: attention ? attention.kvHeads * attention.headDim : model.hiddenSize,
      ffnSize: model.ffnSize ?? model.hiddenSize,
      vocabSize: model.vocabSize,
      tokens: state.seq * state.mb,
      checkpointing: state.ckpt,
    });
    const total = mine.total + activations.total;
    const full = all[0]!.states;
    const smallest = GPU_PRESETS.filter((gpu) => gpu.memoryBytes >= total).sort(
      (a, b) => a.memoryBytes - b.memoryBytes,
    )[0];

    const what =
      method === 'full'
        ? `Full fine-tuning trains all ${fmtParams(trained)} parameters at 16 bytes each (BF16 weight and gradient, FP32 master weight and two Adam moments): <strong>${fmtBytes(mine.total)}</strong> of model states.`
        : `${METHOD_NAMES[method]} at rank ${fmtInt(state.rank)} trains ${fmtParams(trained)} parameters (${fmtPercent(trained / model.params, 2)} of ${fmtParams(model.params)}); with the ${method === 'qlora' ? '4-bit' : 'BF16'} frozen base the model states take <strong>${fmtBytes(mine.total)}</strong>, ${fmtShort(full.total / mine.total)}× less than full fine-tuning's ${fmtBytes(full.total)}: frozen weights need no gradients and no optimizer states.`;
    const fits = smallest
      ? `With about ${fmtBytes(activations.total)} of activations it needs ${fmtBytes(total)}: the smallest GPU here that holds it is one ${smallest.name} (${fmtBytes(smallest.memoryBytes - total)} spare, before the CUDA context and fragmentation).`
      : `With about ${fmtBytes(activations.total)} of activations it needs ${fmtBytes(total)}, more than any single GPU here: shard it with ZeRO or FSDP over several.`;

    const gb = (bytes: number) => bytes / 1e9;
    const chart = barChart({
      title: `Memory of each method for ${model.name}, in GB`,
      xLabel: `Method (yours: ${METHOD_NAMES[method]})`,
      yLabel: 'GB',
      categories: all.map((m) => METHOD_NAMES[m.method]),
      groups: [
        { name: 'Weights', values: all.map((m) => gb(m.states.weights)), tone: 1 },
        { name: 'Gradients', values: all.map((m) => gb(m.states.gradients)), tone: 2 },
        { name: 'Optimizer states', values: all.map((m) => gb(m.states.optimizerStates)), tone: 3 },
        { name: 'Activations (rough)', values: all.map(() => gb(activations.total)), tone: 4 },
      ],
      yRules: [
        { value: 24, label: 'L4 24 GB', tone: 4 },
        { value: 80, label: 'H100 80 GB', tone: 4 },
      ],
      stacked: true,
    });

    const html = `<div class="widget-grid">
<div>${readouts([
      ['Trainable parameters', fmtParams(trained)],
      ['Weights', fmtBytes(mine.weights)],
      ['Gradients', fmtBytes(mine.gradients)],
      ['Optimizer states', fmtBytes(mine.optimizerStates)],
      ['Model states', fmtBytes(mine.total)],
      ['Activations (rough)', fmtBytes(activations.total)],
      ['Total', fmtBytes(total)],
    ])}
<p class="widget-verdict">${what} ${fits}</p>
${gpuTable(total)}
<p class="widget-note">Mixed-precision Adam: 16 bytes per trained parameter. ${method === 'qlora' ? `QLoRA keeps the ${fmtParams(blockLinearParams(model))} block weights in NF4 at ${state.dq ? '4.127' : '4.5'} bits each (${state.dq ? 'double-quantized' : 'FP32'} constants per 64 weights) and the embeddings, output head and norms in BF16. ` : ''}Activations are a separate, rough estimate for ${fmtInt(state.mb)} × ${fmtInt(state.seq)} tokens${state.ckpt ? ' with checkpointing at every block' : ' without checkpointing'}: BF16 block activations with a FlashAttention kernel plus ${fmtBytes(activations.logits)} of FP32 logits for the loss. Measure the real peak on the first steps.</p></div>
<div>${chart}${legend([
      { name: 'Weights', tone: 1 },
      { name: 'Gradients', tone: 2 },
      { name: 'Optimizer states', tone: 3 },
      { name: 'Activations (rough)', tone: 4 },
    ])}</div></div>`;
    const summary = `${model.name}, ${METHOD_NAMES[method]}: ${fmtParams(trained)} trainable parameters, ${fmtBytes(mine.total)} of model states, about ${fmtBytes(total)} with activations; ${smallest ? `fits one ${smallest.name}` : 'fits no single GPU here'}.`;
    return { html, summary };
  });
}
