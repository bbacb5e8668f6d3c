import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { latencySummary } from '../../../src/lib/systems/latency.ts';
import {
  bimodalLatencies,
  fanOutSlowShare,
  latencyHistogram,
  logNormalLatencies,
  shareAbove,
  uniformLatencies,
} from '../../../src/lib/systems/latency-samples.ts';

// Normal quantile z_0.99 = 2.3263478740408408 (scipy.stats.norm.ppf(0.99)).
const Z99 = 2.3263478740408408;

describe('logNormalLatencies', () => {
  it('has the log-normal median, mean and p99 (200,000 draws, within 1.5%)', () => {
    const values = logNormalLatencies({ n: 200_000, medianMs: 40, sigma: 0.8, seed: 1 });
    const s = latencySummary(values);
    expect(s.p50 / 40).toBeCloseTo(1, 1);
    expect(Math.abs(s.mean / (40 * Math.exp(0.32)) - 1)).toBeLessThan(0.015);
    expect(Math.abs(s.p99 / (40 * Math.exp(0.8 * Z99)) - 1)).toBeLessThan(0.015);
  });

  it('is reproducible for a seed and constant when sigma is 0', () => {
    expect(logNormalLatencies({ n: 5, medianMs: 10, sigma: 0.5, seed: 9 })).toEqual(
      logNormalLatencies({ n: 5, medianMs: 10, sigma: 0.5, seed: 9 }),
    );
    expect(logNormalLatencies({ n: 5, medianMs: 10, sigma: 0.5, seed: 10 })).not.toEqual(
      logNormalLatencies({ n: 5, medianMs: 10, sigma: 0.5, seed: 9 }),
    );
    expect(logNormalLatencies({ n: 3, medianMs: 12, sigma: 0, seed: 1 })).toEqual([12, 12, 12]);
  });

  it.each([
    [{ n: 0, medianMs: 40, sigma: 0.5, seed: 1 }, /n is 0/],
    [{ n: 200_001, medianMs: 40, sigma: 0.5, seed: 1 }, /from 1 to 200000/],
    [{ n: 10, medianMs: 0, sigma: 0.5, seed: 1 }, /medianMs is 0/],
    [{ n: 10, medianMs: 40, sigma: -1, seed: 1 }, /sigma is -1/],
    [{ n: 10, medianMs: 40, sigma: 0.5, seed: 1.5 }, /seed is 1.5/],
    [{ n: 10, medianMs: 1e308, sigma: 5, seed: 1 }, /finite/],
  ])('rejects %o', (input, message) => {
    expect(() => logNormalLatencies(input)).toThrow(message);
    expect(() => logNormalLatencies(input)).toThrow(MetricInputError);
  });
});

describe('bimodalLatencies', () => {
  it('puts about missShare of the draws near the miss latency', () => {
    const values = bimodalLatencies({ n: 100_000, hitMs: 40, missMs: 1500, missShare: 0.02, seed: 4 });
    expect(Math.abs(shareAbove(values, 400) - 0.02)).toBeLessThan(0.002);
    // The chapter's mean, 0.98 × 40 + 0.02 × 1500 = 69.2 ms, up to the ±15% jitter's mean factor exp(0.15²/2).
    expect(Math.abs(latencySummary(values).mean / (69.2 * Math.exp(0.01125)) - 1)).toBeLessThan(0.03);
  });

  it('has only hits at missShare 0 and only misses at 1', () => {
    expect(shareAbove(bimodalLatencies({ n: 1000, hitMs: 10, missMs: 1000, missShare: 0, seed: 1 }), 100)).toBe(0);
    expect(shareAbove(bimodalLatencies({ n: 1000, hitMs: 10, missMs: 1000, missShare: 1, seed: 1 }), 100)).toBe(1);
  });

  it('rejects a share outside [0, 1] and a zero latency', () => {
    expect(() => bimodalLatencies({ n: 10, hitMs: 10, missMs: 100, missShare: 1.5, seed: 1 })).toThrow(
      /missShare is 1.5/,
    );
    expect(() => bimodalLatencies({ n: 10, hitMs: 0, missMs: 100, missShare: 0.5, seed: 1 })).toThrow(/hitMs is 0/);
  });
});

describe('uniformLatencies', () => {
  it('stays in [min, max) with the uniform percentiles', () => {
    const values = uniformLatencies({ n: 100_000, minMs: 20, maxMs: 80, seed: 2 });
    expect(Math.min(...values)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...values)).toBeLessThan(80);
    const s = latencySummary(values);
    expect(s.p50).toBeCloseTo(50, 0);
    expect(s.p99).toBeCloseTo(79.4, 0);
  });

  it('rejects a maximum below the minimum', () => {
    expect(() => uniformLatencies({ n: 10, minMs: 80, maxMs: 20, seed: 1 })).toThrow(
      'Uniform latencies: the maximum (20 ms) is below the minimum (80 ms); make the maximum at least the minimum.',
    );
  });
});

describe('shareAbove and fanOutSlowShare', () => {
  it('counts values strictly above the limit', () => {
    expect(shareAbove([10, 20, 30, 40], 25)).toBe(0.5);
    expect(shareAbove([10, 20, 30, 40], 40)).toBe(0);
    expect(() => shareAbove([], 1)).toThrow(/empty/);
    expect(() => shareAbove([1, NaN], 1)).toThrow(MetricInputError);
  });

  it('reproduces the monitoring chapter: 2% slow calls and a fan-out of 10 give 18.3% slow pages', () => {
    expect(fanOutSlowShare(0.02, 10)).toBeCloseTo(1 - 0.98 ** 10, 15);
    expect(fanOutSlowShare(0.02, 10)).toBeCloseTo(0.18292719, 8);
    expect(fanOutSlowShare(0.01, 100)).toBeCloseTo(0.6339676587267709, 12);
    expect(fanOutSlowShare(0, 50)).toBe(0);
    expect(fanOutSlowShare(1, 3)).toBe(1);
    expect(fanOutSlowShare(0.3, 1)).toBeCloseTo(0.3, 15);
  });

  it('rejects a share outside [0, 1] and a fan-out below 1', () => {
    expect(() => fanOutSlowShare(-0.1, 2)).toThrow(/perCallShare is -0.1/);
    expect(() => fanOutSlowShare(0.1, 0)).toThrow(/fanOut is 0/);
  });
});

describe('latencyHistogram', () => {
  it('bins values over [0, upper] and counts the rest as above', () => {
    expect(latencyHistogram([1, 2, 3, 9], 4, 2)).toEqual({ edges: [0, 2, 4], counts: [1, 2], above: 1 });
    expect(latencyHistogram([0, 4], 4, 4)).toEqual({ edges: [0, 1, 2, 3, 4], counts: [1, 0, 0, 1], above: 0 });
  });

  it('rejects negative values, empty input and a bad range', () => {
    expect(() => latencyHistogram([1, -2], 4, 2)).toThrow(
      'Latency histogram: values[1] is -2; latencies must not be negative.',
    );
    expect(() => latencyHistogram([], 4, 2)).toThrow(/empty/);
    expect(() => latencyHistogram([1], 0, 2)).toThrow(/upper is 0/);
    expect(() => latencyHistogram([1], 4, 0)).toThrow(/bins is 0/);
  });
});
