import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { funnelCost, type FunnelStage } from '../../../src/lib/systems/index.ts';

// Hand-computed from the documented model: compute = itemsIn × costPerItemMs,
// latency = compute / parallelism + fixedLatencyMs, brute force = candidates × last stage's cost.
describe('funnelCost', () => {
  const stages: FunnelStage[] = [
    { name: 'retrieval', keep: 1000, costPerItemMs: 0.0001, parallelism: 100 },
    { name: 'ranking', keep: 10, costPerItemMs: 0.5, fixedLatencyMs: 5, parallelism: 50 },
  ];

  it('prices each stage on the items the previous stage kept', () => {
    const cost = funnelCost({ candidates: 1_000_000, stages });
    expect(cost.perStage.map(({ name, itemsIn, itemsOut }) => [name, itemsIn, itemsOut])).toEqual([
      ['retrieval', 1_000_000, 1000],
      ['ranking', 1000, 10],
    ]);
    expect(cost.perStage[0]?.computeMs).toBeCloseTo(100, 9);
    expect(cost.perStage[0]?.latencyMs).toBeCloseTo(1, 9);
    expect(cost.perStage[1]?.computeMs).toBe(500);
    expect(cost.perStage[1]?.latencyMs).toBe(15);
    expect(cost.totalComputeMs).toBeCloseTo(600, 9);
    expect(cost.latencyMs).toBeCloseTo(16, 9);
    expect(cost.bruteForceComputeMs).toBe(500_000);
    expect(cost.savingsFactor).toBeCloseTo(500_000 / 600, 6);
    expect(cost.perStage[0]!.shareOfCompute + cost.perStage[1]!.shareOfCompute).toBeCloseTo(1, 12);
  });

  it('has a savings factor of 1 for a single stage with no pruning before it', () => {
    const cost = funnelCost({ candidates: 500, stages: [{ name: 'ranker', keep: 10, costPerItemMs: 2 }] });
    expect(cost).toMatchObject({ totalComputeMs: 1000, latencyMs: 1000, bruteForceComputeMs: 1000, savingsFactor: 1 });
  });

  it('allows a free stage as long as some stage costs something', () => {
    const cost = funnelCost({
      candidates: 100,
      stages: [
        { name: 'cache', keep: 50, costPerItemMs: 0 },
        { name: 'ranker', keep: 5, costPerItemMs: 1 },
      ],
    });
    expect(cost.savingsFactor).toBe(2);
  });

  it.each([
    [{ candidates: 0, stages }, /candidates is 0/],
    [{ candidates: 1.5, stages }, /candidates/],
    [{ candidates: 100, stages: [] }, /no stages/],
    [{ candidates: 100, stages }, /stage 1 \(retrieval\) keeps 1000 items but only scores 100/],
    [{ candidates: 1e6, stages: [{ ...stages[0]!, keep: 0 }] }, /keep is 0/],
    [{ candidates: 1e6, stages: [{ ...stages[0]!, costPerItemMs: -1 }] }, /costPerItemMs is -1/],
    [{ candidates: 1e6, stages: [{ ...stages[0]!, parallelism: 0 }] }, /parallelism/],
    [{ candidates: 1e6, stages: [{ ...stages[0]!, fixedLatencyMs: NaN }] }, /fixedLatencyMs is NaN/],
    [{ candidates: 1e6, stages: [{ name: 'free', keep: 1, costPerItemMs: 0 }] }, /every stage costs 0/],
  ])('rejects %o', (input, message) => {
    expect(() => funnelCost(input)).toThrow(message);
    expect(() => funnelCost(input)).toThrow(MetricInputError);
  });
});
