import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { simulateDynamicBatching } from '../../../src/lib/systems/batching.ts';
import {
  batchingCapacityPerSec,
  busyCores,
  requestsPerSecondPerCore,
} from '../../../src/lib/systems/serving-capacity.ts';

describe('batchingCapacityPerSec', () => {
  // The dynamic-batching chapter's table: t_fixed = 8 ms, t_item = 1 ms, one instance.
  it.each([
    [1, 1000 / 9],
    [8, 500],
    [16, 2000 / 3],
    [32, 800],
    [64, 64000 / 72],
  ])('max batch %i gives %f requests/s, as the chapter table', (maxBatchSize, expected) => {
    expect(batchingCapacityPerSec({ maxBatchSize, fixedLatencyMs: 8, perItemLatencyMs: 1, instances: 1 })).toBeCloseTo(
      expected,
      9,
    );
  });

  it('scales with instances and is the saturation limit of the simulation', () => {
    const input = { maxBatchSize: 8, fixedLatencyMs: 5, perItemLatencyMs: 1, instances: 2 };
    const capacity = batchingCapacityPerSec(input);
    expect(capacity).toBeCloseTo((2 * 8 * 1000) / 13, 9);
    const saturated = simulateDynamicBatching({
      ...input,
      arrivalRatePerSec: 1e6,
      maxQueueDelayMs: 10,
      requests: 50_000,
      seed: 3,
    });
    expect(Math.abs(saturated.throughputPerSec / capacity - 1)).toBeLessThan(0.001);
  });

  it('handles a zero fixed or zero per-item cost', () => {
    expect(batchingCapacityPerSec({ maxBatchSize: 4, fixedLatencyMs: 0, perItemLatencyMs: 2, instances: 1 })).toBe(500);
    expect(batchingCapacityPerSec({ maxBatchSize: 4, fixedLatencyMs: 10, perItemLatencyMs: 0, instances: 1 })).toBe(
      400,
    );
  });

  it.each([
    [{ maxBatchSize: 0, fixedLatencyMs: 8, perItemLatencyMs: 1, instances: 1 }, /maxBatchSize is 0/],
    [{ maxBatchSize: 2.5, fixedLatencyMs: 8, perItemLatencyMs: 1, instances: 1 }, /maxBatchSize is 2.5/],
    [{ maxBatchSize: 8, fixedLatencyMs: -1, perItemLatencyMs: 1, instances: 1 }, /fixedLatencyMs is -1/],
    [{ maxBatchSize: 8, fixedLatencyMs: 8, perItemLatencyMs: NaN, instances: 1 }, /perItemLatencyMs is NaN/],
    [{ maxBatchSize: 8, fixedLatencyMs: 0, perItemLatencyMs: 0, instances: 1 }, /both 0/],
    [{ maxBatchSize: 8, fixedLatencyMs: 8, perItemLatencyMs: 1, instances: 0 }, /instances is 0/],
    [{ maxBatchSize: 1, fixedLatencyMs: 1e-320, perItemLatencyMs: 0, instances: 1 }, /overflows/],
  ])('rejects %o', (input, message) => {
    expect(() => batchingCapacityPerSec(input)).toThrow(message);
    expect(() => batchingCapacityPerSec(input)).toThrow(MetricInputError);
  });
});

describe('requestsPerSecondPerCore and busyCores', () => {
  it('turns compute per request into requests per core and cores at a traffic', () => {
    expect(requestsPerSecondPerCore(21)).toBeCloseTo(47.61904761904762, 12);
    expect(requestsPerSecondPerCore(0.5)).toBe(2000);
    // The funnel chapter: 2,000 requests/s × 300 items × 40 µs = 24 GPU-seconds per second.
    expect(busyCores(2000, 300 * 0.04)).toBeCloseTo(24, 12);
    expect(busyCores(0, 12)).toBe(0);
  });

  it('rejects zero, negative, non-finite and overflowing input', () => {
    expect(() => requestsPerSecondPerCore(0)).toThrow(/computeMsPerRequest is 0; it must be greater than 0/);
    expect(() => requestsPerSecondPerCore(-3)).toThrow(MetricInputError);
    expect(() => requestsPerSecondPerCore(1e-320)).toThrow(/overflows/);
    expect(() => busyCores(-1, 5)).toThrow(/requestsPerSec is -1/);
    expect(() => busyCores(5, Infinity)).toThrow(/computeMsPerRequest is Infinity/);
    expect(() => busyCores(1e300, 1e300)).toThrow(/overflows/);
  });
});
