import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../expect-error.ts';
import { apiBreakEven, costPerMillionTokens } from '../../../src/lib/llm/index.ts';

// An H100 at the guide's assumed $2.50 an hour.
const h100 = { gpuHourlyUsd: 2.5, gpus: 1, tokensPerSecond: 2000 };

describe('costPerMillionTokens', () => {
  it('2,000 tokens/s busy all the time: $2.50 / 7.2M tokens = $0.347 per million', () => {
    expect(costPerMillionTokens({ ...h100, utilization: 1 })).toBeCloseTo(2.5 / 7.2, 15);
  });

  it('halving utilization doubles the cost: $0.694 at 50%', () => {
    expect(costPerMillionTokens({ ...h100, utilization: 0.5 })).toBeCloseTo(0.6944444444444444, 15);
  });

  it('scales with the number of GPUs paid for', () => {
    expect(costPerMillionTokens({ ...h100, gpus: 8, utilization: 1 })).toBeCloseTo((8 * 2.5) / 7.2, 14);
  });

  it.each([
    [{ gpuHourlyUsd: 0 }, 'out-of-range', /gpuHourlyUsd is 0/],
    [{ gpus: 1.5 }, 'out-of-range', /gpus is 1.5/],
    [{ tokensPerSecond: -1 }, 'out-of-range', /tokensPerSecond is -1/],
    [{ utilization: 0 }, 'out-of-range', /utilization is 0/],
    [{ utilization: 2 }, 'out-of-range', /utilization is 2; it must be between 0 and 1/],
    [{ tokensPerSecond: NaN }, 'not-finite', /tokensPerSecond is NaN/],
  ] as const)('rejects %o', (override, code, message) => {
    expectMetricError(() => costPerMillionTokens({ ...h100, utilization: 1, ...override }), code, message);
  });
});

describe('apiBreakEven', () => {
  it('$60 a day of H100 equals 100M API tokens at $0.60 per million: 58% of its 172.8M-token capacity', () => {
    const result = apiBreakEven({ ...h100, apiUsdPerMillionTokens: 0.6 });
    expect(result.selfHostUsdPerDay).toBe(60);
    expect(result.breakEvenTokensPerDay).toBeCloseTo(100e6, 6);
    expect(result.capacityTokensPerDay).toBe(172_800_000);
    expect(result.breakEvenUtilization).toBeCloseTo(100 / 172.8, 12);
    expect(result.canBreakEven).toBe(true);
  });

  it('the break-even utilization is where costPerMillionTokens equals the API price', () => {
    const { breakEvenUtilization } = apiBreakEven({ ...h100, apiUsdPerMillionTokens: 0.6 });
    expect(costPerMillionTokens({ ...h100, utilization: breakEvenUtilization })).toBeCloseTo(0.6, 12);
  });

  it('a cheap API can never be beaten by one replica: $0.20 per million needs 174% utilization', () => {
    const result = apiBreakEven({ ...h100, apiUsdPerMillionTokens: 0.2 });
    expect(result.breakEvenUtilization).toBeCloseTo(1.736, 3);
    expect(result.canBreakEven).toBe(false);
    expect(result.selfHostUsdPerMillionAtFullLoad).toBeCloseTo(2.5 / 7.2, 12);
  });

  it('rejects a zero API price', () => {
    expectMetricError(
      () => apiBreakEven({ ...h100, apiUsdPerMillionTokens: 0 }),
      'out-of-range',
      /apiUsdPerMillionTokens is 0/,
    );
  });
});
