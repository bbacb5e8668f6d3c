import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectMetricError } from '../expect-error.ts';
import {
  bestDraftTokens,
  expectedTokensLimit,
  MAX_DRAFT_TOKENS,
  speculativeDecoding,
} from '../../../src/lib/llm/index.ts';

// Leviathan et al. 2023: E = (1 - a^(g+1)) / (1 - a) tokens per target step, speedup E / (g c + 1).
describe('speculativeDecoding', () => {
  it('a = 0.8, g = 4, c = 0.05: E = (1 - 0.8^5) / 0.2 = 3.3616, speedup 3.3616 / 1.2 = 2.8013', () => {
    const result = speculativeDecoding({ acceptanceRate: 0.8, draftTokens: 4, draftCostRatio: 0.05 });
    expect(result.expectedTokensPerStep).toBeCloseTo(3.3616, 14);
    expect(result.speedup).toBeCloseTo(3.3616 / 1.2, 14);
  });

  it('acceptance rate 1: every draft is kept, E = g + 1 (the formula is 0/0 there)', () => {
    expect(speculativeDecoding({ acceptanceRate: 1, draftTokens: 5, draftCostRatio: 0.1 })).toEqual({
      expectedTokensPerStep: 6,
      speedup: 6 / 1.5,
      verifyCost: 1,
    });
  });

  it('acceptance rate 0: one token a step and a slowdown of 1 / (g c + 1)', () => {
    expect(speculativeDecoding({ acceptanceRate: 0, draftTokens: 4, draftCostRatio: 0.25 })).toEqual({
      expectedTokensPerStep: 1,
      speedup: 0.5,
      verifyCost: 1,
    });
  });

  it('a free draft model (c = 0) never slows decoding down', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: MAX_DRAFT_TOKENS }), (a, g) => {
        expect(
          speculativeDecoding({ acceptanceRate: a, draftTokens: g, draftCostRatio: 0 }).speedup,
        ).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('matches the closed form for a < 1 and stays within [1, g + 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 1, max: MAX_DRAFT_TOKENS }),
        (a, g) => {
          const { expectedTokensPerStep } = speculativeDecoding({
            acceptanceRate: a,
            draftTokens: g,
            draftCostRatio: 0.1,
          });
          expect(expectedTokensPerStep).toBeCloseTo((1 - a ** (g + 1)) / (1 - a), 9);
          expect(expectedTokensPerStep).toBeGreaterThanOrEqual(1);
          expect(expectedTokensPerStep).toBeLessThanOrEqual(g + 1);
        },
      ),
    );
  });

  it.each([
    [{ acceptanceRate: 1.1 }, 'out-of-range', /acceptanceRate is 1.1; it must be between 0 and 1/],
    [{ acceptanceRate: NaN }, 'not-finite', /acceptanceRate is NaN/],
    [{ draftTokens: 0 }, 'out-of-range', /draftTokens is 0/],
    [
      { draftTokens: MAX_DRAFT_TOKENS + 1 },
      'out-of-range',
      /draftTokens is 65; it must be a whole number from 1 to 64/,
    ],
    [{ draftCostRatio: -0.1 }, 'out-of-range', /draftCostRatio is -0.1; it must not be negative/],
  ] as const)('rejects %o', (override, code, message) => {
    const input = { acceptanceRate: 0.8, draftTokens: 4, draftCostRatio: 0.05, ...override };
    expectMetricError(() => speculativeDecoding(input), code, message);
  });
});

describe('bestDraftTokens', () => {
  // Speedups for a = 0.8, c = 0.05 by hand: g = 7: 4.16114 / 1.35 = 3.0823; g = 8: 4.32891 / 1.4 = 3.0921;
  // g = 9: 4.46313 / 1.45 = 3.0780.
  it('a = 0.8, c = 0.05: 8 draft tokens', () => {
    expect(bestDraftTokens(0.8, 0.05)).toBe(8);
  });

  it('is the argmax of speculativeDecoding over 1..maxDraft', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 32 }),
        (a, c, maxDraft) => {
          const best = bestDraftTokens(a, c, maxDraft);
          const speedupAt = (g: number) =>
            speculativeDecoding({ acceptanceRate: a, draftTokens: g, draftCostRatio: c }).speedup;
          for (let g = 1; g <= maxDraft; g++) expect(speedupAt(best)).toBeGreaterThanOrEqual(speedupAt(g));
        },
      ),
    );
  });

  it('with a perfect free draft, longer is always better: the cap', () => {
    expect(bestDraftTokens(1, 0)).toBe(16);
    expect(bestDraftTokens(1, 0, 40)).toBe(40);
  });

  it('with a useless draft, 1 token, and the speedup stays below 1 (do not speculate)', () => {
    expect(bestDraftTokens(0, 0.1)).toBe(1);
    expect(speculativeDecoding({ acceptanceRate: 0, draftTokens: 1, draftCostRatio: 0.1 }).speedup).toBeLessThan(1);
  });

  it('rejects a maxDraft of 0 or above the limit', () => {
    expectMetricError(() => bestDraftTokens(0.5, 0.1, 0), 'out-of-range', /maxDraft is 0/);
    expectMetricError(() => bestDraftTokens(0.5, 0.1, 100), 'out-of-range', /maxDraft is 100/);
  });
});

// The serving chapter's table: Llama-3.1-70B in FP8 on an H200 stays memory-bound up to
// 1979e12 / 4.8e12 / 2 = 206 token rows a step; g = 4 puts 5 rows per sequence in a verify pass.
describe('speculative decoding at a batch (verification turns compute-bound)', () => {
  const at = (acceptanceRate: number, batch: number) =>
    speculativeDecoding({ acceptanceRate, draftTokens: 4, draftCostRatio: 0.05, batch, memoryBoundRows: 206 });

  it.each([
    [16, 1, 2.801, 1.615],
    [32, 1, 2.801, 1.615],
    [64, 320 / 206, 1.917, 1.105], // the chapter rounds the verify cost to 1.55 first and prints 1.11
    [128, 640 / 206, 1.017, 0.586],
  ])('batch %d: verify cost %d steps, speedup %d at a = 0.8 and %d at a = 0.5', (batch, cost, fast, slow) => {
    expect(at(0.8, batch).verifyCost).toBeCloseTo(cost, 12);
    expect(at(0.8, batch).speedup).toBeCloseTo(fast, 3);
    expect(at(0.5, batch).speedup).toBeCloseTo(slow, 3);
  });

  it('counts only the extra rows when the plain step is itself compute-bound (batch 412 = 2 x 206)', () => {
    // Plain step: 412 rows = 2 ridge units; verify: 2,060 rows = 10 units; 5 plain steps.
    const result = speculativeDecoding({
      acceptanceRate: 0.8,
      draftTokens: 4,
      draftCostRatio: 0,
      batch: 412,
      memoryBoundRows: 206,
    });
    expect(result.verifyCost).toBeCloseTo(5, 12);
    expect(result.speedup).toBeCloseTo(3.3616 / 5, 12);
  });

  it('prefers shorter drafts at large batch', () => {
    expect(bestDraftTokens(0.8, 0.05)).toBe(8);
    expect(bestDraftTokens(0.8, 0.05, 16, { batch: 64, memoryBoundRows: 206 })).toBe(2);
  });

  it('refuses a batch that is not a whole number and a ridge that is not positive', () => {
    expectMetricError(() => at(0.8, 1.5), 'out-of-range', /batch/);
    expectMetricError(
      () => speculativeDecoding({ acceptanceRate: 0.8, draftTokens: 4, draftCostRatio: 0.05, memoryBoundRows: 0 }),
      'out-of-range',
      /memoryBoundRows/,
    );
  });
});

describe('expectedTokensLimit', () => {
  it('is 1 / (1 - a): 2 tokens at a = 0.5, 5 at 0.8, none at a = 1', () => {
    expect(expectedTokensLimit(0.5)).toBe(2);
    expect(expectedTokensLimit(0.8)).toBeCloseTo(5, 12);
    expect(expectedTokensLimit(1)).toBeNull();
    expect(
      speculativeDecoding({ acceptanceRate: 0.5, draftTokens: 64, draftCostRatio: 0 }).expectedTokensPerStep,
    ).toBeCloseTo(2, 12);
  });
});
