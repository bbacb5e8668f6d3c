/**
 * A two-variant traffic split built on `assignVariant`: treatment takes the lowest `share` of the
 * hash range, so raising the share only moves users from control into treatment, never back.
 * Helpers to assign a list of users, compare two assignments (a ramp, or a renamed experiment) and
 * size the sampling noise of the observed split.
 */
import { MetricInputError } from '../errors.ts';
import { requireInRange, requireInteger, requireIntegerInRange } from '../validate.ts';
import { assignmentBucket, assignVariant } from './ab-assignment.ts';

export type Arm = 'treatment' | 'control';

/** Most user ids one call generates. */
export const MAX_GENERATED_IDS = 100_000;

/**
 * Treatment-first split: the split object for `assignVariant` with treatment first in key order,
 * so treatment holds the hash interval [0, share) and control [share, 1).
 *
 * Because treatment is an interval that starts at 0, a larger share holds every bucket of a smaller
 * one: ramping 10% -> 20% keeps all of the first 10% in treatment (with the same experiment name).
 *
 * @throws MetricInputError if share is outside [0, 1].
 * @example
 * treatmentSplit(0.1); // { treatment: 0.1, control: 0.9 }
 */
export function treatmentSplit(share: number): Record<Arm, number> {
  requireInRange(share, 'share', 'Traffic split', 0, 1);
  return { treatment: share, control: 1 - share };
}

/**
 * Generated user ids "user-1" ... "user-n", a stand-in for a user table.
 *
 * @throws MetricInputError if n is not a whole number from 1 to MAX_GENERATED_IDS.
 * @example
 * generateUserIds(3); // ['user-1', 'user-2', 'user-3']
 */
export function generateUserIds(n: number): string[] {
  requireIntegerInRange(n, 'n', 'Generated user ids', 1, MAX_GENERATED_IDS);
  return Array.from({ length: n }, (_, i) => `user-${i + 1}`);
}

/**
 * Assigns every user to treatment or control with `assignVariant` and `treatmentSplit(share)`.
 * Deterministic: murmur3 of `${experiment}/${userId}`, so the same on every call and machine.
 *
 * @throws MetricInputError as assignVariant (an empty id or experiment name) or treatmentSplit.
 * @example
 * assignUsers(['user-1', 'user-2'], 'ranker-v7', 0.5); // ['control', 'treatment'] (fixed)
 */
export function assignUsers(userIds: readonly string[], experiment: string, share: number): Arm[] {
  const split = treatmentSplit(share);
  return userIds.map((id) => assignVariant(id, experiment, split) as Arm);
}

/**
 * Hash positions: each user's assignment bucket in [0, 1) for an experiment. A share only draws a
 * line through them (armsAt), so the hashing is done once per experiment, not once per share.
 *
 * @throws MetricInputError if the experiment name or a user id is empty.
 * @example
 * hashPositions(['user-1'], 'ranker-v7'); // Float64Array [assignmentBucket('user-1', 'ranker-v7')]
 */
export function hashPositions(userIds: readonly string[], experiment: string): Float64Array {
  if (experiment.length === 0) throw new MetricInputError('Hash positions: the experiment name is empty.', 'empty');
  if (userIds.some((id) => id.length === 0)) throw new MetricInputError('Hash positions: a user id is empty.', 'empty');
  return Float64Array.from(userIds, (id) => assignmentBucket(id, experiment));
}

/**
 * The arms at a share from hash positions: treatment below the share, control from it up; the same
 * arms as assignUsers with that experiment and share.
 *
 * @throws MetricInputError if share is outside [0, 1].
 * @example
 * armsAt(Float64Array.of(0.05, 0.5), 0.1); // ['treatment', 'control']
 */
export function armsAt(positions: Float64Array, share: number): Arm[] {
  requireInRange(share, 'share', 'Traffic split', 0, 1);
  return Array.from(positions, (position): Arm => (position < share ? 'treatment' : 'control'));
}

export interface AssignmentChange {
  /** Users in treatment before and after. */
  stayedTreatment: number;
  /** Users who moved from control to treatment. */
  joinedTreatment: number;
  /** Users who moved from treatment to control. */
  leftTreatment: number;
  /** Users in control before and after. */
  stayedControl: number;
}

/**
 * Assignment change: how users move between arms from one assignment to another of the same users
 * (a ramp to a new share, or the same share under a new experiment name).
 *
 * @throws MetricInputError if the two lists differ in length.
 * @example
 * compareAssignments(['treatment', 'control', 'control'], ['treatment', 'treatment', 'control']);
 * // { stayedTreatment: 1, joinedTreatment: 1, leftTreatment: 0, stayedControl: 1 }
 */
export function compareAssignments(before: readonly Arm[], after: readonly Arm[]): AssignmentChange {
  if (before.length !== after.length) {
    throw new MetricInputError(
      `Assignment change: before has ${before.length} users but after has ${after.length}; compare the same users.`,
      'length-mismatch',
    );
  }
  const change: AssignmentChange = { stayedTreatment: 0, joinedTreatment: 0, leftTreatment: 0, stayedControl: 0 };
  before.forEach((was, i) => {
    const now = after[i];
    if (was === 'treatment') change[now === 'treatment' ? 'stayedTreatment' : 'leftTreatment']++;
    else change[now === 'treatment' ? 'joinedTreatment' : 'stayedControl']++;
  });
  return change;
}

/**
 * Sampling noise of an observed split: the half-width of the range that holds the observed
 * treatment share 95% of the time when users are assigned with probability `share`.
 *
 * Formula: 1.96 × sqrt(share (1 − share) / n) (normal approximation to the binomial).
 * A gap well beyond it is a sample ratio mismatch: check the assignment and logging.
 * Reference: Kohavi, Tang & Xu, "Trustworthy Online Controlled Experiments", 2020, chapter 21
 * (sample ratio mismatch), https://experimentguide.com/
 *
 * @throws MetricInputError if share is outside [0, 1] or n is not a whole number >= 1.
 * @example
 * splitNoise95(0.1, 10_000); // 0.00588: about ±0.6 percentage points
 */
export function splitNoise95(share: number, n: number): number {
  requireInRange(share, 'share', 'Split noise', 0, 1);
  requireInteger(n, 'n', 'Split noise', 1);
  return 1.96 * Math.sqrt((share * (1 - share)) / n);
}
