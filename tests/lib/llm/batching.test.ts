import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectMetricError } from '../expect-error.ts';
import {
  MAX_LLM_SIM_REQUESTS,
  simulateLlmBatching,
  type LlmBatchingInput,
  type LlmBatchingResult,
} from '../../../src/lib/llm/index.ts';

// A 7-8B model on one GPU, roughly: a decode step of 20 ms plus 0.5 ms per sequence, and a
// prefill of 20 microseconds a prompt token (512-token prompts: 10.24 ms each).
const base: LlmBatchingInput = {
  policy: 'continuous',
  arrivalRatePerSec: 3,
  maxBatch: 32,
  promptTokens: 512,
  meanOutputTokens: 200,
  prefillSecondsPerToken: 2e-5,
  decodeStepSeconds: (batch) => 0.02 + 0.0005 * batch,
  requests: 2000,
  seed: 1,
};

function allFinite(result: LlmBatchingResult): boolean {
  return [
    result.outputTokensPerSecond,
    result.ttft.p50,
    result.ttft.p95,
    result.e2e.p50,
    result.e2e.p95,
    result.meanBatch,
  ].every(Number.isFinite);
}

describe('simulateLlmBatching', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    for (const policy of ['static', 'continuous'] as const) {
      const first = simulateLlmBatching({ ...base, policy });
      expect(simulateLlmBatching({ ...base, policy })).toEqual(first);
      expect(simulateLlmBatching({ ...base, policy, seed: 2 })).not.toEqual(first);
    }
  });

  // Offered load: 3 requests/s x 200 tokens = 600 tokens/s. Continuous batching can serve up to
  // 32 / (0.02 + 0.016) = 889 tokens/s. A static batch of 32 geometric lengths runs for the
  // longest one, about 200 x H(32) = 812 steps of 36 ms, for 6,400 tokens: about 219 tokens/s,
  // so static batching falls behind and its queue grows while continuous keeps up.
  it('at a moderate load continuous batching beats static on throughput and on TTFT p50 and p95', () => {
    const continuous = simulateLlmBatching(base);
    const staticBatching = simulateLlmBatching({ ...base, policy: 'static' });
    expect(continuous.outputTokensPerSecond).toBeGreaterThan(1.5 * staticBatching.outputTokensPerSecond);
    expect(continuous.outputTokensPerSecond / 600).toBeGreaterThan(0.9);
    expect(staticBatching.outputTokensPerSecond).toBeLessThan(300);
    expect(continuous.ttft.p50).toBeLessThan(staticBatching.ttft.p50 / 10);
    expect(continuous.ttft.p95).toBeLessThan(staticBatching.ttft.p95 / 10);
    expect(continuous.e2e.p50).toBeLessThan(staticBatching.e2e.p50);
  });

  it('with one sequence at a time the two policies are the same schedule', () => {
    for (const seed of [1, 2, 3]) {
      const one = { ...base, maxBatch: 1, arrivalRatePerSec: 0.2, requests: 500, seed };
      expect(simulateLlmBatching({ ...one, policy: 'static' })).toEqual(simulateLlmBatching(one));
    }
  });

  it('at light load nobody waits long: TTFT is the 10.24 ms prefill plus at most one decode step', () => {
    const result = simulateLlmBatching({ ...base, arrivalRatePerSec: 0.05, requests: 300 });
    const prefill = 512 * 2e-5;
    expect(result.ttft.p50).toBeGreaterThanOrEqual(prefill - 1e-12);
    expect(result.ttft.p95).toBeLessThanOrEqual(prefill + 0.02 + 0.0005 * 32 + 1e-12);
  });

  it('when the server keeps up, throughput is the offered load: rate x mean output length', () => {
    // 20,000 geometric lengths with mean 50: the sample mean is within 2% (standard error 0.35%).
    const result = simulateLlmBatching({ ...base, meanOutputTokens: 50, arrivalRatePerSec: 2, requests: 20_000 });
    expect(result.outputTokensPerSecond / (2 * 50)).toBeGreaterThan(0.98);
    expect(result.outputTokensPerSecond / (2 * 50)).toBeLessThan(1.02);
  });

  it('one-token answers need no decode step: meanBatch 0 and e2e equal to TTFT', () => {
    for (const policy of ['static', 'continuous'] as const) {
      const result = simulateLlmBatching({ ...base, policy, meanOutputTokens: 1 });
      expect(result.meanBatch).toBe(0);
      expect(result.e2e).toEqual(result.ttft);
    }
  });

  it('continuous batching keeps its batch full under overload; static batching pads it', () => {
    const overload = { ...base, arrivalRatePerSec: 50, requests: 3000 };
    // Continuous: every freed slot refills at the next step, except while the queue drains at the end.
    expect(simulateLlmBatching(overload).meanBatch).toBeGreaterThan(0.9 * 32);
    // Static: 32 x 199 useful rows over about 812 steps of the longest sequence, about 8.
    expect(simulateLlmBatching({ ...overload, policy: 'static' }).meanBatch).toBeLessThan(16);
  });

  it('never returns NaN or Infinity (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'static' | 'continuous'>('static', 'continuous'),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1e-3, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.nat(1000),
        (policy, arrivalRatePerSec, maxBatch, meanOutputTokens, prefillSecondsPerToken, requests, seed) => {
          const result = simulateLlmBatching({
            ...base,
            policy,
            arrivalRatePerSec,
            maxBatch,
            meanOutputTokens,
            prefillSecondsPerToken,
            requests,
            seed,
          });
          expect(allFinite(result)).toBe(true);
          expect(result.ttft.p50).toBeLessThanOrEqual(result.e2e.p50);
          expect(result.meanBatch).toBeLessThanOrEqual(maxBatch);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('names the batch size at which decodeStepSeconds misbehaves', () => {
    expectMetricError(
      () => simulateLlmBatching({ ...base, decodeStepSeconds: (batch) => (batch > 3 ? NaN : 0.01) }),
      'out-of-range',
      /decodeStepSeconds\(4\) is NaN/,
    );
    expectMetricError(
      () => simulateLlmBatching({ ...base, decodeStepSeconds: () => 0 }),
      'out-of-range',
      /decodeStepSeconds\(1\) is 0; a decode step must take a positive, finite time/,
    );
  });

  it.each([
    [{ policy: 'dynamic' }, /policy is "dynamic"; choose one of 'static', 'continuous'/],
    [{ arrivalRatePerSec: 0 }, /arrivalRatePerSec is 0/],
    [{ maxBatch: 0 }, /maxBatch is 0/],
    [{ maxBatch: 2048 }, /maxBatch is 2048; it must be a whole number from 1 to 1024/],
    [{ promptTokens: 0 }, /promptTokens is 0/],
    [{ meanOutputTokens: 0.5 }, /meanOutputTokens is 0.5; it must be between 1 and 4096/],
    [{ meanOutputTokens: 5000 }, /meanOutputTokens is 5000/],
    [{ prefillSecondsPerToken: -1 }, /prefillSecondsPerToken is -1/],
    [{ requests: 0 }, /requests is 0/],
    [{ requests: MAX_LLM_SIM_REQUESTS + 1 }, /requests is 20001/],
    [{ seed: -1 }, /seed is -1/],
    [{ seed: 1.5 }, /seed is 1.5/],
    [{ decodeStepSeconds: 0.02 }, /decodeStepSeconds must be a function/],
  ])('rejects %o', (override, message) => {
    expectMetricError(
      () => simulateLlmBatching({ ...base, ...(override as Partial<LlmBatchingInput>) }),
      'out-of-range',
      message,
    );
  });
});
