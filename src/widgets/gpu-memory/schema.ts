import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the GPU memory calculator. */
export const ns = 'gm';

const fields = {
  params: {
    kind: 'number',
    default: 1.5,
    min: 0.001,
    max: 2000,
    label: 'Parameters (billions)',
    step: 0.001,
    control: 'box',
  },
  mode: {
    kind: 'enum',
    default: 'training',
    values: {
      training: 'Training (all model states)',
      inference: 'Inference (weights only)',
    },
    label: 'What the GPUs hold',
  },
  dtype: {
    kind: 'enum',
    default: 'fp16',
    values: {
      fp32: 'fp32 (4 bytes)',
      fp16: 'fp16 (2 bytes)',
      bf16: 'bf16 (2 bytes)',
      int8: 'int8 (1 byte)',
      int4: 'int4 (half a byte)',
    },
    label: 'Weight format',
  },
  precision: {
    kind: 'enum',
    default: 'mixed',
    values: {
      mixed: 'Mixed (16-bit, fp32 master copy)',
      fp32: 'fp32 throughout',
    },
    label: 'Training precision',
  },
  optimizer: {
    kind: 'enum',
    default: 'adam',
    values: {
      adam: 'Adam or AdamW (two moments)',
      'sgd-momentum': 'SGD with momentum',
      sgd: 'Plain SGD',
    },
    label: 'Optimizer',
  },
  zero: { kind: 'number', default: 0, min: 0, max: 3, integer: true, label: 'ZeRO stage' },
  gpus: { kind: 'number', default: 8, min: 1, max: 1024, integer: true, label: 'Data-parallel GPUs' },
  act: { kind: 'boolean', default: false, label: 'Add a rough activation estimate' },
  seq: {
    kind: 'number',
    default: 1024,
    min: 1,
    max: 131072,
    integer: true,
    label: 'Sequence length (tokens)',
    control: 'box',
  },
  mb: {
    kind: 'number',
    default: 1,
    min: 1,
    max: 512,
    integer: true,
    label: 'Micro-batch per GPU (sequences)',
    control: 'box',
  },
  layers: { kind: 'number', default: 48, min: 1, max: 256, integer: true, label: 'Layers', control: 'box' },
  hidden: { kind: 'number', default: 1600, min: 1, max: 65536, integer: true, label: 'Hidden size', control: 'box' },
  heads: { kind: 'number', default: 25, min: 1, max: 256, integer: true, label: 'Attention heads', control: 'box' },
  recompute: {
    kind: 'enum',
    default: 'none',
    values: {
      none: 'None: keep every activation',
      selective: 'Selective: attention recomputed (≈ FlashAttention)',
      full: 'Full: keep only layer inputs',
    },
    label: 'Activation recomputation',
  },
} satisfies Fields;

/** Fields shown only in one mode (the rest are always shown). */
const TRAINING_FIELDS = ['precision', 'optimizer', 'zero', 'gpus', 'act'];
const ACTIVATION_FIELDS = ['seq', 'mb', 'layers', 'hidden', 'heads', 'recompute'];

// Shapes of well-known models, so the activation estimate matches the preset's size.
const GPT3_SMALL = { layers: 12, hidden: 768, heads: 12, seq: 2048 };
const GPT2_XL = { layers: 48, hidden: 1600, heads: 25, seq: 1024 };
const LLAMA2_7B = { layers: 32, hidden: 4096, heads: 32, seq: 4096 };
const LLAMA2_70B = { layers: 80, hidden: 8192, heads: 64, seq: 4096 };

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: '125M, fp32 Adam, 1 GPU',
      state: { params: 0.125, mode: 'training', precision: 'fp32', optimizer: 'adam', zero: 0, gpus: 1, ...GPT3_SMALL },
    },
    {
      label: '1.5B, ZeRO-2 on 8 GPUs',
      state: { params: 1.5, mode: 'training', precision: 'mixed', optimizer: 'adam', zero: 2, gpus: 8, ...GPT2_XL },
    },
    { label: '7B inference, fp16', state: { params: 7, mode: 'inference', dtype: 'fp16', ...LLAMA2_7B } },
    { label: '70B inference, int4', state: { params: 70, mode: 'inference', dtype: 'int4', ...LLAMA2_70B } },
    {
      label: '70B, ZeRO-3 on 64 GPUs',
      state: { params: 70, mode: 'training', precision: 'mixed', optimizer: 'adam', zero: 3, gpus: 64, ...LLAMA2_70B },
    },
  ],
  // Show only the inputs the chosen mode uses.
  visibility: ({ mode, act }) => {
    const training = mode === 'training';
    return {
      dtype: !training,
      ...Object.fromEntries(TRAINING_FIELDS.map((name) => [name, training])),
      ...Object.fromEntries(ACTIVATION_FIELDS.map((name) => [name, training && act])),
    };
  },
});

export type State = StateOf<typeof schema>;
