/**
 * What the LLM calculators share: the model and GPU presets as enum fields, the fields of a model
 * typed in from its config.json, the precisions, and the formats for bytes, times and dollars.
 * The numbers themselves come from src/lib/llm/.
 */
import type { EnumField, Fields } from '../../client/fields.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { BYTES_PER_ELEMENT } from '../../lib/llm/kv-cache.ts';
import {
  GPU_PRESETS,
  MODEL_PRESETS,
  type GpuPreset,
  type ModelPreset,
  type ModelShape,
} from '../../lib/llm/presets.ts';
import { fmt, fmtInt, fmtShort } from './format.ts';

/** The model field's value for a model typed in by hand. */
export const CUSTOM_MODEL = 'custom';

/**
 * The model choice: every preset, or only the dense ones (a calculator that needs the seven
 * projections, or that reads every weight each step, cannot treat a mixture of experts right),
 * optionally with "custom" to type a model's shape in.
 */
export function modelField(options: { denseOnly: boolean; custom: boolean }): EnumField {
  const models = MODEL_PRESETS.filter((model) => !options.denseOnly || model.ffnSize !== null);
  const values: Record<string, string> = Object.fromEntries(models.map((model) => [model.id, model.name]));
  if (options.custom) values[CUSTOM_MODEL] = 'Another model (type its config)';
  return { kind: 'enum', default: 'llama-3.1-8b', values, label: 'Model' };
}

/** A model's shape typed in from its config.json, shown only for the custom choice. */
export const customModelFields = {
  layers: { kind: 'number', default: 32, min: 1, max: 256, integer: true, label: 'Layers', control: 'box' },
  heads: { kind: 'number', default: 32, min: 1, max: 256, integer: true, label: 'Query heads', control: 'box' },
  kvHeads: { kind: 'number', default: 8, min: 1, max: 256, integer: true, label: 'Key/value heads', control: 'box' },
  headDim: { kind: 'number', default: 128, min: 1, max: 1024, integer: true, label: 'Head dimension', control: 'box' },
  params: {
    kind: 'number',
    default: 8,
    min: 0.001,
    max: 2000,
    step: 0.001,
    label: 'Parameters (billions)',
    control: 'box',
  },
} satisfies Fields;

/** Shows the custom model's fields only when it is chosen. */
export function customModelVisibility(model: string): Record<keyof typeof customModelFields, boolean> {
  const custom = model === CUSTOM_MODEL;
  return { layers: custom, heads: custom, kvHeads: custom, headDim: custom, params: custom };
}

export const weightsField = {
  kind: 'enum',
  default: 'bf16',
  values: {
    bf16: 'BF16 (2 bytes)',
    fp8: 'FP8 (1 byte, FP8 tensor cores)',
    int4: 'INT4 weight-only (half a byte, 16-bit math)',
  },
  label: 'Weights',
} as const satisfies EnumField;

export const kvField = {
  kind: 'enum',
  default: 'bf16',
  values: { bf16: 'BF16 (2 bytes)', fp8: 'FP8 (1 byte)' },
  label: 'KV cache',
} as const satisfies EnumField;

export const gpuField: EnumField = {
  kind: 'enum',
  default: 'h100-sxm',
  values: Object.fromEntries(
    GPU_PRESETS.map((gpu) => [gpu.id, `${gpu.name} (${fmtShort(gpu.memoryBytes / 1e9)} GB, ${fmtBandwidth(gpu)})`]),
  ),
  label: 'GPU',
};

function fmtBandwidth(gpu: GpuPreset): string {
  return gpu.memoryBandwidth >= 1e12
    ? `${fmtShort(gpu.memoryBandwidth / 1e12)} TB/s`
    : `${fmtShort(gpu.memoryBandwidth / 1e9)} GB/s`;
}

/** The model a state names: a preset, or the shape typed into the custom fields. */
export interface ChosenModel {
  name: string;
  shape: ModelShape;
  /** Parameters held in memory. */
  params: number;
  /** Parameters used per token (2 × this FLOPs). */
  activeParams: number;
  /** The preset, or null for a typed-in model. */
  preset: ModelPreset | null;
}

export interface ModelState {
  model: string;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  params: number;
}

/**
 * The model of a state. A typed-in model must share its key/value heads evenly among its query
 * heads (grouped-query attention), or the message says so.
 */
export function chosenModel(state: ModelState): ChosenModel {
  const preset = MODEL_PRESETS.find((model) => model.id === state.model);
  if (preset)
    return { name: preset.name, shape: preset, params: preset.params, activeParams: preset.activeParams, preset };
  if (state.heads % state.kvHeads !== 0) {
    throw new MetricInputError(
      `Query heads (${state.heads}) must be a multiple of key/value heads (${state.kvHeads}): in grouped-query ` +
        'attention each key/value head serves the same number of query heads. MHA has as many of each, MQA one key/value head.',
      'out-of-range',
    );
  }
  const params = Math.round(state.params * 1e9);
  return {
    name: 'your model',
    shape: {
      layers: state.layers,
      attention: { kind: 'gqa', heads: state.heads, kvHeads: state.kvHeads, headDim: state.headDim },
    },
    params,
    activeParams: params,
    preset: null,
  };
}

/** The model preset of an id (the field only offers preset ids). */
export function modelPreset(id: string): ModelPreset {
  return MODEL_PRESETS.find((model) => model.id === id) ?? (MODEL_PRESETS[1] as ModelPreset);
}

/** The GPU preset of an id (the field only offers preset ids). */
export function chosenGpu(id: string): GpuPreset {
  return GPU_PRESETS.find((gpu) => gpu.id === id) ?? (GPU_PRESETS[0] as GpuPreset);
}

/** Bytes per element of a weight or KV precision. */
export function bytesOf(precision: 'bf16' | 'fp8' | 'int4'): number {
  return BYTES_PER_ELEMENT[precision];
}

/** Peak dense FLOP/s for the weights' precision: FP8 weights run on FP8 tensor cores; BF16 and INT4 weight-only run 16-bit math. */
export function peakFlopsFor(gpu: GpuPreset, weights: 'bf16' | 'fp8' | 'int4'): number {
  return weights === 'fp8' ? gpu.fp8Flops : gpu.bf16Flops;
}

/** "131,072 B (128 KiB)": per-token cache sizes in bytes and binary KiB, as configs are read. */
export function fmtKiB(bytes: number): string {
  return `${fmtInt(bytes)} B (${fmtShort(bytes / 1024)} KiB)`;
}

/** "4 GiB": binary GiB for a cache that grows in powers of two. */
export function fmtGiB(bytes: number): string {
  return `${fmtShort(bytes / 2 ** 30)} GiB`;
}

/** A duration: "6.91 ms" below a second, "2.10 s" and "9,116 s" above; "< 0.01 ms" for a sliver. */
export function fmtSeconds(seconds: number): string {
  if (seconds >= 100) return `${fmtInt(seconds)} s`;
  if (seconds >= 1) return `${fmt(seconds, 2)} s`;
  const ms = seconds * 1000;
  if (ms < 0.01) return ms === 0 ? '0 ms' : '< 0.01 ms';
  return `${fmt(ms, ms >= 100 ? 0 : ms >= 10 ? 1 : 2)} ms`;
}

/** Dollars with at least two decimals and three significant digits: $0.264, $9.60, $1,129. */
export function fmtUsd(value: number): string {
  if (value >= 100) return `$${fmtInt(value)}`;
  const digits = value >= 10 ? 2 : Math.max(2, 2 - Math.floor(Math.log10(Math.max(value, 1e-6))));
  return `$${fmt(value, digits)}`;
}
