/**
 * Turns bin counts or weights into proportions that sum to 1. Internal to src/lib/drift.
 */
import { MetricInputError } from '../errors.ts';
import { requireNonEmpty, requireNonNegativeValues } from '../validate.ts';
import { sum } from '../arithmetic.ts';

/**
 * @throws MetricInputError if values is empty, holds a negative or non-finite value, or sums to 0.
 */
export function toProportions(values: readonly number[], name: string, metric: string): number[] {
  requireNonEmpty(values, name, metric);
  requireNonNegativeValues(values, name, metric);
  // Scale by the largest value first so that a sum of huge counts cannot overflow to Infinity.
  const largest = Math.max(...values);
  if (largest === 0) {
    throw new MetricInputError(`${metric}: ${name} sums to 0; it needs at least one non-zero bin.`, 'undefined');
  }
  const scaled = values.map((value) => value / largest);
  const total = sum(scaled);
  return scaled.map((value) => value / total);
}

/**
 * ln(a / b) for a, b > 0 that stays finite when a / b would overflow or underflow (subnormal
 * shares), by falling back to ln a - ln b.
 */
export function logRatio(a: number, b: number): number {
  const ratio = a / b;
  return ratio > 0 && Number.isFinite(ratio) ? Math.log(ratio) : Math.log(a) - Math.log(b);
}
