/**
 * Softmax with temperature, entropy, and the knowledge-distillation loss of Hinton et al.
 * Everything works in log space where it matters, so large logits never overflow.
 */
import { MetricInputError } from '../errors.ts';
import {
  requireFiniteValues,
  requireInRange,
  requireInteger,
  requireLogBase,
  requireNonEmpty,
  requirePositive,
  requireProbabilities,
  requireSameLength,
} from '../validate.ts';
import { sum } from '../arithmetic.ts';

/** log softmax(logits / T), stable: z/T − max − log Σ exp(z/T − max). Inputs already validated. */
function logSoftmax(logits: readonly number[], temperature: number): number[] {
  const scaled = logits.map((z) => z / temperature);
  let max = -Infinity;
  for (const z of scaled) if (z > max) max = z;
  let total = 0;
  for (const z of scaled) total += Math.exp(z - max);
  const logTotal = Math.log(total);
  return scaled.map((z) => z - max - logTotal);
}

function requireLogits(logits: readonly number[], name: string, metric: string): void {
  requireNonEmpty(logits, name, metric);
  requireFiniteValues(logits, name, metric);
}

/**
 * Softmax with temperature: turns logits into probabilities; T > 1 flattens them ("softer"),
 * T < 1 sharpens them.
 *
 * Formula: p_i = exp(z_i / T) / Σ_j exp(z_j / T), computed as exp(z_i/T − max_j z_j/T) / Σ ...
 * so large logits do not overflow. T = 1 is the ordinary softmax.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.special.softmax.html ;
 * Hinton et al. 2015, section 2: https://arxiv.org/abs/1503.02531
 *
 * @throws MetricInputError if logits is empty or has a non-finite value, or T is not > 0.
 * @example
 * softmaxWithTemperature([1, 2, 3]); // [0.09003057, 0.24472847, 0.66524096]
 * softmaxWithTemperature([1, 2, 3], 2); // [0.18632372, 0.30719589, 0.50648039]
 */
export function softmaxWithTemperature(logits: readonly number[], T = 1): number[] {
  const metric = 'Softmax';
  requireLogits(logits, 'logits', metric);
  requirePositive(T, 'temperature T', metric);
  const logProbabilities = logSoftmax(logits, T);
  const probabilities = logProbabilities.map(Math.exp);
  // Very small T can make z/T overflow to ±Infinity even for finite logits.
  if (!probabilities.every(Number.isFinite)) {
    throw new MetricInputError(
      `${metric}: temperature T = ${T} is too small for these logits (z / T overflows); use a larger T.`,
      'out-of-range',
    );
  }
  return probabilities;
}

/** How far a probability vector's sum may be from 1 (rounding in a softmax or typed-in shares). */
const SUM_TOLERANCE = 1e-6;

/**
 * Shannon entropy of a discrete distribution: the expected surprise, in nats by default.
 *
 * Formula: H(p) = −Σ p_i log_base(p_i), with 0 · log 0 = 0.
 * Unlike scipy.stats.entropy, the probabilities are not normalised for you: they must sum to 1
 * (within 1e-6), so a typo is reported rather than silently rescaled.
 * Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.entropy.html
 *
 * @param base logarithm base: Math.E (default, nats) or 2 (bits).
 * @throws MetricInputError if probs is empty, a value is outside [0, 1], they do not sum to 1, or
 *   base is not positive or is 1.
 * @example
 * entropy([0.5, 0.5], 2); // 1 (bit)
 * entropy([0.9, 0.1], 2); // 0.4689955935892812
 */
export function entropy(probs: readonly number[], base: number = Math.E): number {
  const metric = 'Entropy';
  requireNonEmpty(probs, 'probs', metric);
  requireProbabilities(probs, 'probs', metric);
  requireLogBase(base, metric);
  const total = sum(probs);
  if (Math.abs(total - 1) > SUM_TOLERANCE) {
    throw new MetricInputError(
      `${metric}: probs sum to ${total}; a probability distribution must sum to 1. Divide each by the sum.`,
      'out-of-range',
    );
  }
  let h = 0;
  for (const p of probs) if (p > 0) h -= p * Math.log(p);
  // −Σ p log p can round to −0 or a hair below 0 for a one-hot vector.
  return Math.max(0, h) / Math.log(base);
}

export interface DistillationLossInput {
  /** Student model's logits, finite, one per class. */
  studentLogits: readonly number[];
  /** Teacher model's logits, same length. */
  teacherLogits: readonly number[];
  /** Index of the true class, a whole number in [0, classes − 1]. */
  label: number;
  /** Distillation temperature, > 0 (Hinton et al. used 1 to 20). */
  T: number;
  /** Weight of the soft (teacher) term, in [0, 1]; 1 − alpha weights the hard-label term. */
  alpha: number;
}

/** The weighted total and its two unweighted parts, in nats. */
export interface DistillationLoss {
  total: number;
  /** T² · KL(teacher_T ‖ student_T), before weighting by alpha. */
  soft: number;
  /** Cross-entropy of the student (at T = 1) with the true label, before weighting by 1 − alpha. */
  hard: number;
}

/**
 * Knowledge-distillation loss: how far a student is from the teacher's softened predictions
 * and from the true label.
 *
 * Formula: total = alpha · soft + (1 − alpha) · hard, where
 * soft = T² · KL(softmax(teacher/T) ‖ softmax(student/T)) = T² · Σ q_i (log q_i − log p_i), and
 * hard = −log softmax(student)[label] (the usual cross-entropy, at T = 1).
 * alpha weights the soft, teacher-matching term. The T² factor keeps the soft term's gradients
 * the same size as T changes (they scale as 1/T²). Natural logarithms (nats).
 * Reference: Hinton, Vinyals & Dean, "Distilling the Knowledge in a Neural Network", 2015,
 * section 2: https://arxiv.org/abs/1503.02531 ; the KL term matches
 * torch.nn.functional.kl_div(log_softmax(student/T), softmax(teacher/T), reduction='sum').
 *
 * @throws MetricInputError if the logits are empty, not finite or of different lengths, label is
 *   not a whole number index of a class, T is not > 0, or alpha is outside [0, 1].
 * @example
 * distillationLoss({ studentLogits: [2, 1, 0], teacherLogits: [2, 1, 0], label: 0, T: 4, alpha: 0.5 });
 * // { soft: 0, hard: 0.4076..., total: 0.2038... }
 */
export function distillationLoss(input: DistillationLossInput): DistillationLoss {
  const metric = 'Distillation loss';
  const { studentLogits, teacherLogits, label, T, alpha } = input;
  requireLogits(studentLogits, 'studentLogits', metric);
  requireLogits(teacherLogits, 'teacherLogits', metric);
  requireSameLength(studentLogits, teacherLogits, 'studentLogits', 'teacherLogits', metric);
  requireInteger(label, 'label', metric, 0);
  if (label >= studentLogits.length) {
    throw new MetricInputError(
      `${metric}: label is ${label} but there are only ${studentLogits.length} classes (0 to ${studentLogits.length - 1}).`,
      'out-of-range',
    );
  }
  requirePositive(T, 'temperature T', metric);
  requireInRange(alpha, 'alpha', metric, 0, 1);

  const logStudentT = logSoftmax(studentLogits, T);
  const logTeacherT = logSoftmax(teacherLogits, T);
  let kl = 0;
  for (let i = 0; i < logTeacherT.length; i++) {
    const q = Math.exp(logTeacherT[i] as number);
    if (q > 0) kl += q * ((logTeacherT[i] as number) - (logStudentT[i] as number));
  }
  // KL >= 0; rounding can leave a tiny negative when the distributions are equal.
  const soft = T * T * Math.max(0, kl);
  const hard = -(logSoftmax(studentLogits, 1)[label] as number);
  const total = alpha * soft + (1 - alpha) * hard;
  if (![soft, hard, total].every(Number.isFinite)) {
    throw new MetricInputError(
      `${metric}: the loss overflows for T = ${T} and these logits; use a temperature closer to 1 or smaller logits.`,
      'out-of-range',
    );
  }
  return { total, soft, hard };
}
