/**
 * Deterministic A/B-test assignment: a user lands in the same variant on every visit and
 * every machine, with no stored state and no Math.random.
 */
import { MetricInputError } from '../errors.ts';
import { murmurHash3_32 } from './hash.ts';

/** How far the shares of a split may sum from 1 (rounding in typed-in decimals). */
export const SPLIT_SUM_TOLERANCE = 1e-9;

/**
 * Assignment bucket: the position in [0, 1) a user hashes to for an experiment; assignVariant
 * maps it to a variant. Useful to chart where users fall, or to check a split by hand.
 *
 * Formula: murmur3_32(`${experiment}/${userId}`, seed 0) / 2^32.
 * Reference: https://github.com/aappleby/smhasher (MurmurHash3_x86_32)
 *
 * @throws nothing for a string or number userId (assignVariant validates its inputs).
 * @example
 * assignmentBucket('user-42', 'new-ranker'); // a fixed number in [0, 1)
 */
export function assignmentBucket(userId: string | number, experiment: string): number {
  return murmurHash3_32(`${experiment}/${userId}`) / 4294967296;
}

/**
 * Hash-based variant assignment: the variant of an A/B test a user is in, stable across calls.
 *
 * Formula: u = murmur3_32(`${experiment}/${userId}`, seed 0) / 2^32, a number in [0, 1); the split's
 * variants take consecutive intervals of [0, 1) in the object's key order, each as wide as its
 * share, and the user gets the variant whose interval holds u. Salting with the experiment name
 * makes assignments in different experiments independent. Note that JavaScript orders integer-like
 * keys ("1", "2") before the others; use names such as "control" and "treatment".
 * Reference: Kohavi, Tang & Xu, "Trustworthy Online Controlled Experiments", 2020, chapter 4
 * (randomization unit, hashing with an experiment-specific salt), https://experimentguide.com/ ;
 * MurmurHash3: https://github.com/aappleby/smhasher
 *
 * @param split variant name -> share in [0, 1]; the shares must sum to 1 (within 1e-9).
 * @throws MetricInputError if userId is empty or not a string/finite number, experiment is empty,
 *   split has no variants, a share is negative or not finite, or the shares do not sum to 1.
 * @example
 * assignVariant('user-42', 'new-ranker', { control: 0.9, treatment: 0.1 }); // 'control' (always)
 */
export function assignVariant(
  userId: string | number,
  experiment: string,
  split: Readonly<Record<string, number>>,
): string {
  const metric = 'Variant assignment';
  const validUser =
    (typeof userId === 'string' && userId.length > 0) || (typeof userId === 'number' && Number.isFinite(userId));
  if (!validUser) {
    throw new MetricInputError(
      `${metric}: userId is ${JSON.stringify(userId) ?? String(userId)}; it must be a non-empty string or a finite number.`,
      'out-of-range',
    );
  }
  if (typeof experiment !== 'string' || experiment.length === 0) {
    throw new MetricInputError(`${metric}: experiment must be a non-empty name; it salts the hash.`, 'empty');
  }
  const entries = split === null || typeof split !== 'object' ? [] : Object.entries(split);
  if (entries.length === 0) {
    throw new MetricInputError(
      `${metric}: split has no variants; give shares such as { control: 0.5, treatment: 0.5 }.`,
      'empty',
    );
  }
  let total = 0;
  for (const [name, share] of entries) {
    if (typeof share !== 'number' || !Number.isFinite(share)) {
      throw new MetricInputError(
        `${metric}: the share of "${name}" is ${String(share)}; it must be a finite number.`,
        'not-finite',
      );
    }
    if (share < 0 || share > 1) {
      throw new MetricInputError(
        `${metric}: the share of "${name}" is ${share}; shares must be between 0 and 1.`,
        'out-of-range',
      );
    }
    total += share;
  }
  if (Math.abs(total - 1) > SPLIT_SUM_TOLERANCE) {
    throw new MetricInputError(
      `${metric}: the shares sum to ${total}; they must sum to 1 (e.g. 0.9 and 0.1). Adjust them so they add up.`,
      'out-of-range',
    );
  }

  const bucket = assignmentBucket(userId, experiment);
  let upper = 0;
  let lastWithShare = entries[0]?.[0] as string;
  for (const [name, share] of entries) {
    if (share === 0) continue;
    lastWithShare = name;
    upper += share;
    if (bucket < upper) return name;
  }
  // Only reachable when rounding leaves the shares' sum a hair under 1 and u falls in that gap.
  return lastWithShare;
}
