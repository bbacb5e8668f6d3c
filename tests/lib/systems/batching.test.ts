import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError } from '../../../src/lib/errors.ts';
import {
  simulateDelaySweep,
  simulateDynamicBatching,
  type DynamicBatchingInput,
} from '../../../src/lib/systems/index.ts';

const base: DynamicBatchingInput = {
  arrivalRatePerSec: 2000,
  maxBatchSize: 16,
  maxQueueDelayMs: 2,
  fixedLatencyMs: 5,
  perItemLatencyMs: 0.5,
  instances: 2,
  requests: 50_000,
  seed: 1,
};

describe('simulateDelaySweep', () => {
  it('gives at each delay exactly what simulateDynamicBatching gives there', () => {
    const delays = [0, 0.5, 2, 10];
    expect(simulateDelaySweep(base, delays)).toEqual(
      delays.map((maxQueueDelayMs) => simulateDynamicBatching({ ...base, maxQueueDelayMs })),
    );
  });

  it('refuses a negative delay among them', () => {
    expect(() => simulateDelaySweep(base, [1, -1])).toThrow(MetricInputError);
  });
});

describe('simulateDynamicBatching', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    const first = simulateDynamicBatching(base);
    expect(simulateDynamicBatching({ ...base })).toEqual(first);
    expect(simulateDynamicBatching({ ...base, seed: 2 })).not.toEqual(first);
  });

  it('saturated: throughput tends to instances × maxBatch / (fixed + perItem × maxBatch)', () => {
    // 2 × 8 / (5 + 1 × 8) requests per ms = 1230.769... per second.
    const capacityPerSec = ((2 * 8) / (5 + 1 * 8)) * 1000;
    const result = simulateDynamicBatching({
      arrivalRatePerSec: 1e6,
      maxBatchSize: 8,
      maxQueueDelayMs: 10,
      fixedLatencyMs: 5,
      perItemLatencyMs: 1,
      instances: 2,
      requests: 100_000,
      seed: 7,
    });
    expect(Math.abs(result.throughputPerSec / capacityPerSec - 1)).toBeLessThan(0.001);
    expect(result.meanBatchSize).toBe(8);
    expect(result.utilization).toBeGreaterThan(0.999);
  });

  it('light load with maxQueueDelay 0: latency is fixed + perItem and batches hold one request', () => {
    const result = simulateDynamicBatching({
      arrivalRatePerSec: 1,
      maxBatchSize: 8,
      maxQueueDelayMs: 0,
      fixedLatencyMs: 5,
      perItemLatencyMs: 1,
      instances: 1,
      requests: 10_000,
      seed: 11,
    });
    expect(result.p50Ms).toBe(6);
    expect(result.p95Ms).toBe(6);
    expect(result.meanBatchSize).toBeLessThan(1.01);
    expect(Math.abs(result.throughputPerSec - 1)).toBeLessThan(0.05);
    expect(result.utilization).toBeCloseTo(0.006, 3);
  });

  it('light load with a queue delay: a lone request waits the full delay for company', () => {
    const result = simulateDynamicBatching({
      arrivalRatePerSec: 1,
      maxBatchSize: 8,
      maxQueueDelayMs: 4,
      fixedLatencyMs: 5,
      perItemLatencyMs: 1,
      instances: 1,
      requests: 10_000,
      seed: 11,
    });
    expect(result.p50Ms).toBeCloseTo(10, 9);
  });

  it('with maxBatchSize 1 it is an M/D/1 queue: mean latency S + ρS / (2(1 − ρ)) (Pollaczek–Khinchine)', () => {
    // S = 10 ms, λ = 50/s -> ρ = 0.5; mean latency = 10 + 0.5 × 10 / (2 × 0.5) = 15 ms; utilization ρ.
    const result = simulateDynamicBatching({
      arrivalRatePerSec: 50,
      maxBatchSize: 1,
      maxQueueDelayMs: 0,
      fixedLatencyMs: 10,
      perItemLatencyMs: 0,
      instances: 1,
      requests: 1_000_000,
      seed: 3,
    });
    expect(result.meanMs).toBeGreaterThan(15 * 0.98);
    expect(result.meanMs).toBeLessThan(15 * 1.02);
    expect(result.utilization).toBeCloseTo(0.5, 2);
    expect(result.p50Ms).toBe(10); // P(no wait) = 1 − ρ = 0.5
  });

  it('a longer queue delay buys bigger batches and costs latency at moderate load', () => {
    const moderate = { ...base, arrivalRatePerSec: 500, instances: 4 };
    const eager = simulateDynamicBatching({ ...moderate, maxQueueDelayMs: 0 });
    const patient = simulateDynamicBatching({ ...moderate, maxQueueDelayMs: 10 });
    expect(patient.meanBatchSize).toBeGreaterThan(eager.meanBatchSize * 2);
    expect(patient.p50Ms).toBeGreaterThan(eager.p50Ms);
  });

  it('adding instances to an overloaded server raises throughput and cuts tail latency', () => {
    const overloaded = { ...base, arrivalRatePerSec: 4000 };
    const one = simulateDynamicBatching({ ...overloaded, instances: 1 });
    const four = simulateDynamicBatching({ ...overloaded, instances: 4 });
    expect(four.throughputPerSec).toBeGreaterThan(one.throughputPerSec * 1.5);
    expect(four.p99Ms).toBeLessThan(one.p99Ms);
  });

  it('simulates 10^6 requests well under two seconds', () => {
    const start = performance.now();
    const result = simulateDynamicBatching({ ...base, requests: 1_000_000 });
    expect(performance.now() - start).toBeLessThan(2000);
    expect(result.meanBatchSize).toBeGreaterThan(1);
  });

  it('returns finite, ordered numbers for any valid input (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          arrivalRatePerSec: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
          maxBatchSize: fc.integer({ min: 1, max: 64 }),
          maxQueueDelayMs: fc.double({ min: 0, max: 100, noNaN: true }),
          fixedLatencyMs: fc.double({ min: 0.01, max: 100, noNaN: true }),
          perItemLatencyMs: fc.double({ min: 0, max: 10, noNaN: true }),
          instances: fc.integer({ min: 1, max: 16 }),
          requests: fc.integer({ min: 1, max: 2000 }),
          seed: fc.integer(),
        }),
        (input) => {
          const result = simulateDynamicBatching(input);
          for (const value of Object.values(result)) expect(Number.isFinite(value)).toBe(true);
          expect(result.p50Ms).toBeLessThanOrEqual(result.p95Ms);
          expect(result.p95Ms).toBeLessThanOrEqual(result.p99Ms);
          // Latency = completion − arrival loses a few ulps of the (large) clock, hence the 1e-6 ms slack.
          expect(result.p50Ms).toBeGreaterThanOrEqual(input.fixedLatencyMs + input.perItemLatencyMs - 1e-6);
          expect(result.meanBatchSize).toBeGreaterThanOrEqual(1);
          expect(result.meanBatchSize).toBeLessThanOrEqual(input.maxBatchSize);
          expect(result.utilization).toBeGreaterThan(0);
          expect(result.utilization).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    [{ arrivalRatePerSec: 0 }, /arrivalRatePerSec is 0/],
    [{ arrivalRatePerSec: NaN }, /arrivalRatePerSec is NaN/],
    [{ maxBatchSize: 0 }, /maxBatchSize/],
    [{ maxBatchSize: 2.5 }, /maxBatchSize/],
    [{ maxQueueDelayMs: -1 }, /maxQueueDelayMs is -1/],
    [{ fixedLatencyMs: -5 }, /fixedLatencyMs/],
    [{ perItemLatencyMs: Infinity }, /perItemLatencyMs is Infinity/],
    [{ fixedLatencyMs: 0, perItemLatencyMs: 0 }, /both 0/],
    [{ instances: 0 }, /instances/],
    [{ requests: 0 }, /requests/],
    [{ requests: 1_000_001 }, /requests is 1000001/],
    [{ seed: 0.5 }, /seed/],
    [{ arrivalRatePerSec: 1e-306 }, /overflows/],
  ])('rejects %o', (override, message) => {
    const call = () => simulateDynamicBatching({ ...base, requests: 1000, ...override });
    expect(call).toThrow(message);
    expect(call).toThrow(MetricInputError);
  });
});
