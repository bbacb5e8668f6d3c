import { expect } from 'vitest';
import { MetricInputError, type MetricInputErrorCode } from '../../src/lib/errors.ts';

/** Asserts that `run` throws a MetricInputError with this code (and a message matching `message`). */
export function expectMetricError(run: () => unknown, code: MetricInputErrorCode, message?: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a MetricInputError').toBeInstanceOf(MetricInputError);
  const error = caught as MetricInputError;
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
}

/** A seeded Fisher-Yates shuffle for order-invariance checks (returns a new array). */
export function shuffled<T>(values: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
