/**
 * Input checks shared by every `src/lib/` module. Each throws a MetricInputError whose message
 * starts with the English name of what is being computed (the `metric` parameter), so a widget
 * can show it as is. Internal: not part of the public API.
 */
import { MetricInputError } from './errors.ts';

/** Formats a number for a message: NaN and infinities spelled out, others as typed. */
function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

/** At least one element. */
export function requireNonEmpty(values: ArrayLike<unknown>, name: string, metric: string): void {
  if (values.length === 0) {
    throw new MetricInputError(`${metric}: ${name} is empty; it needs at least one value.`, 'empty');
  }
}

/** Two arrays that pair up element by element. */
export function requireSameLength(
  a: ArrayLike<unknown>,
  b: ArrayLike<unknown>,
  nameA: string,
  nameB: string,
  metric: string,
): void {
  if (a.length !== b.length) {
    throw new MetricInputError(
      `${metric}: ${nameA} has ${a.length} values but ${nameB} has ${b.length}; they must pair up one to one.`,
      'length-mismatch',
    );
  }
}

/** A single finite number (not NaN, not ±Infinity). */
export function requireFinite(value: number, name: string, metric: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MetricInputError(`${metric}: ${name} is ${show(value)}; it must be a finite number.`, 'not-finite');
  }
}

/** Every element a finite number. */
export function requireFiniteValues(values: ArrayLike<number>, name: string, metric: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new MetricInputError(
        `${metric}: ${name}[${i}] is ${show(value)}; every value must be a finite number.`,
        'not-finite',
      );
    }
  }
}

/** Labels (or relevance flags) that are exactly 0 or 1. */
export function requireBinary(values: ArrayLike<number>, name: string, metric: string): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== 0 && value !== 1) {
      throw new MetricInputError(`${metric}: ${name}[${i}] is ${show(value)}; labels must be 0 or 1.`, 'not-binary');
    }
  }
}

/** Probabilities in the closed interval [0, 1]. */
export function requireProbabilities(values: ArrayLike<number>, name: string, metric: string): void {
  requireFiniteValues(values, name, metric);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < 0 || value > 1) {
      throw new MetricInputError(
        `${metric}: ${name}[${i}] is ${value}; probabilities must be between 0 and 1.`,
        'out-of-range',
      );
    }
  }
}

/** A rate or level strictly between 0 and 1 (alpha, power, a conversion rate). */
export function requireOpenUnit(value: number, name: string, metric: string): void {
  requireFinite(value, name, metric);
  if (value <= 0 || value >= 1) {
    throw new MetricInputError(`${metric}: ${name} is ${value}; it must be strictly between 0 and 1.`, 'out-of-range');
  }
}

/** Every element finite and >= 0 (counts, weights). */
export function requireNonNegativeValues(values: ArrayLike<number>, name: string, metric: string): void {
  requireFiniteValues(values, name, metric);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < 0) {
      throw new MetricInputError(`${metric}: ${name}[${i}] is ${value}; it must not be negative.`, 'out-of-range');
    }
  }
}

/** An integer >= `min` (a count of bins, days, trials...). */
export function requireInteger(value: number, name: string, metric: string, min: number): void {
  requireFinite(value, name, metric);
  if (!Number.isInteger(value) || value < min) {
    throw new MetricInputError(
      `${metric}: ${name} is ${value}; it must be a whole number of at least ${min}.`,
      'out-of-range',
    );
  }
}

/** A logarithm base: positive, finite and not 1. */
export function requireLogBase(base: number, metric: string): void {
  requireFinite(base, 'base', metric);
  if (base <= 0 || base === 1) {
    throw new MetricInputError(
      `${metric}: base is ${base}; a logarithm base must be positive and not 1 (use Math.E or 2).`,
      'out-of-range',
    );
  }
}

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
export function requireFiniteResult(value: number, name: string, metric: string): number {
  if (!Number.isFinite(value)) {
    throw new MetricInputError(
      `${metric}: the ${name} overflows (${value}); the inputs are too extreme to compute with. Use smaller values.`,
      'out-of-range',
    );
  }
  return value;
}

/** A seed for mulberry32: any whole number (the same seed gives the same run everywhere). */
export function requireSeed(seed: number, metric: string): void {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new MetricInputError(
      `${metric}: seed is ${show(seed)}; it must be a whole number (any one will do).`,
      'out-of-range',
    );
  }
}
