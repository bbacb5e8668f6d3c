import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the large-batch scaling calculator. */
export const ns = 'lb';

/** ImageNet-1k training images (ILSVRC 2012). */
export const IMAGENET_TRAIN = 1_281_167;

const fields = {
  workers: { kind: 'number', default: 256, min: 1, max: 4096, integer: true, label: 'Workers (GPUs)' },
  perWorker: {
    kind: 'number',
    default: 32,
    min: 1,
    max: 4096,
    integer: true,
    label: 'Batch per worker',
    control: 'box',
  },
  accum: {
    kind: 'number',
    default: 1,
    min: 1,
    max: 256,
    integer: true,
    label: 'Gradient accumulation steps',
    control: 'box',
  },
  dataset: {
    kind: 'number',
    default: IMAGENET_TRAIN,
    min: 1,
    max: 1e10,
    integer: true,
    label: 'Training examples',
    control: 'box',
  },
  baseLr: {
    kind: 'number',
    default: 0.1,
    min: 0.000001,
    max: 10,
    label: 'Base learning rate',
    step: 0.000001,
    control: 'box',
  },
  baseBatch: {
    kind: 'number',
    default: 256,
    min: 1,
    max: 65536,
    integer: true,
    label: 'Batch the base rate was tuned at',
    control: 'box',
  },
  rule: {
    kind: 'enum',
    default: 'linear',
    values: {
      linear: 'Linear: rate × (batch / base batch)',
      sqrt: 'Square root: rate × √(batch / base batch)',
    },
    label: 'Scaling rule',
  },
  warmup: { kind: 'number', default: 5, min: 0, max: 100, label: 'Warmup (epochs)', step: 0.1, control: 'box' },
  epochs: { kind: 'number', default: 90, min: 1, max: 1000, integer: true, label: 'Epochs', control: 'box' },
  decay: {
    kind: 'enum',
    default: 'cosine',
    values: {
      cosine: 'Cosine decay to 0',
      constant: 'Constant rate',
    },
    label: 'After warmup',
  },
  dropLast: { kind: 'boolean', default: true, label: 'Drop the last incomplete batch' },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: 'ResNet-50 at 8,192 (Goyal et al.)',
      state: {
        workers: 256,
        perWorker: 32,
        accum: 1,
        dataset: IMAGENET_TRAIN,
        dropLast: true,
        baseLr: 0.1,
        baseBatch: 256,
        rule: 'linear',
        warmup: 5,
        epochs: 90,
        decay: 'cosine',
      },
    },
    {
      label: 'Small fine-tune',
      state: {
        workers: 2,
        perWorker: 16,
        accum: 2,
        dataset: 50_000,
        dropLast: false,
        baseLr: 0.00002,
        baseBatch: 32,
        rule: 'sqrt',
        warmup: 0.3,
        epochs: 3,
        decay: 'cosine',
      },
    },
    {
      label: 'A batch too big',
      state: {
        workers: 1024,
        perWorker: 64,
        accum: 1,
        dataset: IMAGENET_TRAIN,
        dropLast: true,
        baseLr: 0.1,
        baseBatch: 256,
        rule: 'linear',
        warmup: 5,
        epochs: 90,
        decay: 'cosine',
      },
    },
  ],
});

export type State = StateOf<typeof schema>;
