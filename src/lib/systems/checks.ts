/**
 * Input checks used by the systems modules, on top of the shared ones in `../validate.ts`.
 * Each throws a MetricInputError whose message starts with the quantity's English name.
 * Internal: not part of the public systems API.
 */
import { MetricInputError } from '../errors.ts';
import { requireFinite, requireInteger } from '../validate.ts';

/** A finite number > 0 (a rate, a size, a temperature). */
export function requirePositive(value: number, name: string, metric: string): void {
  requireFinite(value, name, metric);
  if (value <= 0) {
    throw new MetricInputError(`${metric}: ${name} is ${value}; it must be greater than 0.`, 'out-of-range');
  }
}

/** A finite number >= 0 (a latency, a delay). */
export function requireNonNegative(value: number, name: string, metric: string): void {
  requireFinite(value, name, metric);
  if (value < 0) {
    throw new MetricInputError(`${metric}: ${name} is ${value}; it must not be negative.`, 'out-of-range');
  }
}

/** A whole number between `min` and `max` inclusive. */
export function requireIntegerInRange(value: number, name: string, metric: string, min: number, max: number): void {
  requireInteger(value, name, metric, min);
  if (value > max) {
    throw new MetricInputError(
      `${metric}: ${name} is ${value}; it must be a whole number from ${min} to ${max}.`,
      'out-of-range',
    );
  }
}

/** A finite number in the closed interval [min, max]. */
export function requireInRange(value: number, name: string, metric: string, min: number, max: number): void {
  requireFinite(value, name, metric);
  if (value < min || value > max) {
    throw new MetricInputError(`${metric}: ${name} is ${value}; it must be between ${min} and ${max}.`, 'out-of-range');
  }
}

/** One of a fixed set of option strings (checked at run time, since widget state comes from URLs). */
export function requireOneOf<T extends string>(value: T, allowed: readonly T[], name: string, metric: string): void {
  if (!allowed.includes(value)) {
    throw new MetricInputError(
      `${metric}: ${name} is ${JSON.stringify(value)}; choose one of ${allowed.map((a) => `'${a}'`).join(', ')}.`,
      'out-of-range',
    );
  }
}

/** A computed result that must be finite; inputs so extreme that the arithmetic overflows fail here. */
export function requireFiniteResult(value: number, name: string, metric: string): void {
  if (!Number.isFinite(value)) {
    throw new MetricInputError(
      `${metric}: the ${name} overflows (${value}); the inputs are too extreme to compute with. Use smaller values.`,
      'out-of-range',
    );
  }
}
