import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the distillation temperature explorer. */
export const ns = 'di';

/** The compression chapter's worked example: (husky, wolf, toaster) = (4, 2, 0). */
const CHAPTER_TEACHER = 'husky: 4, wolf: 2, toaster: 0';

const fields = {
  teacher: {
    kind: 'text',
    default: CHAPTER_TEACHER,
    maxLength: 1000,
    label: 'Teacher logits, comma-separated (write "name: 4" to name a class)',
    rows: 2,
  },
  T: { kind: 'number', default: 4, min: 0.1, max: 20, label: 'Temperature T', step: 0.1 },
  alpha: { kind: 'number', default: 0.7, min: 0, max: 1, label: 'α, weight of the teacher term', step: 0.05 },
  student: {
    kind: 'text',
    default: '2, 1.5, 1',
    maxLength: 1000,
    label: 'Student logits, same order (optional: leave empty to skip the loss)',
    rows: 2,
  },
  label: {
    kind: 'number',
    default: 0,
    min: 0,
    max: 19,
    integer: true,
    label: 'True class (index, from 0)',
    control: 'box',
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: 'Confident teacher',
      state: { teacher: 'cat: 9, dog: 4, fox: 3, car: -1', T: 5, student: '6, 1, 1, 1', label: 0, alpha: 0.7 },
    },
    {
      label: 'T = 1 vs T = 4',
      state: { teacher: CHAPTER_TEACHER, T: 4, student: '2, 1.5, 1', label: 0, alpha: 0.7 },
    },
    {
      label: 'Almost-uniform teacher',
      state: { teacher: '0.4, 0.3, 0.2, 0.1, 0', T: 4, student: '', label: 0, alpha: 0.7 },
    },
  ],
});

export type State = StateOf<typeof schema>;
