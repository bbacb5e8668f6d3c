/**
 * Cost of a multi-stage ranking funnel (retrieval -> pre-ranking -> ranking -> re-ranking):
 * cheap models prune many candidates so the expensive model only scores a few.
 */
import { MetricInputError } from '../errors.ts';
import { requireFiniteResult, requireInteger, requireNonNegative } from '../validate.ts';

/** One stage of the funnel: it scores every item the previous stage kept and keeps the best `keep`. */
export interface FunnelStage {
  /** Label shown in the read-out, e.g. "two-tower retrieval". */
  name: string;
  /** Items passed on to the next stage, a whole number from 1 to the items this stage scores. */
  keep: number;
  /** Compute to score one item, ms, >= 0. */
  costPerItemMs: number;
  /** Time added once per request regardless of item count (network hop, feature fetch), ms, >= 0; default 0. */
  fixedLatencyMs?: number;
  /** Workers scoring items at the same time (shards, cores, a GPU batch), a whole number >= 1; default 1. */
  parallelism?: number;
}

export interface FunnelInput {
  /** Items entering the first stage (the corpus or candidate pool), a whole number >= 1. */
  candidates: number;
  /** Stages in order, at least one. */
  stages: readonly FunnelStage[];
}

export interface FunnelStageCost {
  name: string;
  /** Items this stage scores. */
  itemsIn: number;
  /** Items it keeps (its `keep`). */
  itemsOut: number;
  /** itemsIn × costPerItemMs. */
  computeMs: number;
  /** computeMs / parallelism + fixedLatencyMs. */
  latencyMs: number;
  /** This stage's share of the funnel's total compute, in [0, 1]. */
  shareOfCompute: number;
}

export interface FunnelCost {
  perStage: FunnelStageCost[];
  /** Sum of the stages' compute, ms. */
  totalComputeMs: number;
  /** Sum of the stages' latencies (stages run one after another), ms. */
  latencyMs: number;
  /** Compute if the last (most expensive) stage scored every candidate, ms. */
  bruteForceComputeMs: number;
  /** bruteForceComputeMs / totalComputeMs: how many times cheaper the funnel is. */
  savingsFactor: number;
}

/**
 * Ranking funnel cost: compute and latency of a cascade of scoring stages, compared with scoring
 * every candidate with the final model.
 *
 * Model: stage 1 scores N = candidates items and keeps k₁, stage 2 scores k₁ and keeps k₂, and so on.
 * For each stage: compute = itemsIn × costPerItemMs; latency = compute / parallelism + fixedLatencyMs
 * (perfectly divisible work: a lower bound when items are few compared with workers). The funnel's
 * latency is the sum over stages (they run in sequence); brute force = N × last stage's costPerItemMs;
 * savingsFactor = brute force / total compute.
 * Reference: Covington, Adams & Sargin, "Deep Neural Networks for YouTube Recommendations",
 * RecSys 2016 (candidate generation then ranking): https://research.google/pubs/pub45530/ ;
 * Wang et al., "Cascade Ranking for Operational E-commerce Search", KDD 2017: https://arxiv.org/abs/1706.02093
 *
 * @throws MetricInputError if candidates or a keep/parallelism is not a whole number >= 1, a stage
 *   keeps more items than it scores, a cost or fixed latency is negative or not finite, there are
 *   no stages, or every stage costs 0 (so the savings factor would be 0/0).
 * @example
 * funnelCost({ candidates: 1_000_000, stages: [
 *   { name: 'retrieval', keep: 1000, costPerItemMs: 0.0001, parallelism: 100 },
 *   { name: 'ranking', keep: 10, costPerItemMs: 0.5, fixedLatencyMs: 5, parallelism: 50 },
 * ] });
 * // totalComputeMs 600, latencyMs 16, bruteForceComputeMs 500000, savingsFactor ≈ 833
 */
export function funnelCost({ candidates, stages }: FunnelInput): FunnelCost {
  const metric = 'Funnel cost';
  requireInteger(candidates, 'candidates', metric, 1);
  if (!Array.isArray(stages) || stages.length === 0) {
    throw new MetricInputError(`${metric}: there are no stages; add at least one scoring stage.`, 'empty');
  }

  let itemsIn = candidates;
  const rows: Omit<FunnelStageCost, 'shareOfCompute'>[] = stages.map((stage, i) => {
    const label = `stage ${i + 1} (${stage.name})`;
    const parallelism = stage.parallelism ?? 1;
    const fixedLatencyMs = stage.fixedLatencyMs ?? 0;
    requireInteger(stage.keep, `${label} keep`, metric, 1);
    if (stage.keep > itemsIn) {
      throw new MetricInputError(
        `${metric}: ${label} keeps ${stage.keep} items but only scores ${itemsIn}; keep must not exceed the items coming in.`,
        'out-of-range',
      );
    }
    requireNonNegative(stage.costPerItemMs, `${label} costPerItemMs`, metric);
    requireNonNegative(fixedLatencyMs, `${label} fixedLatencyMs`, metric);
    requireInteger(parallelism, `${label} parallelism`, metric, 1);
    const computeMs = itemsIn * stage.costPerItemMs;
    const row = {
      name: stage.name,
      itemsIn,
      itemsOut: stage.keep,
      computeMs,
      latencyMs: computeMs / parallelism + fixedLatencyMs,
    };
    itemsIn = stage.keep;
    return row;
  });

  const totalComputeMs = rows.reduce((total, row) => total + row.computeMs, 0);
  const latencyMs = rows.reduce((total, row) => total + row.latencyMs, 0);
  const lastStage = stages[stages.length - 1] as FunnelStage;
  const bruteForceComputeMs = candidates * lastStage.costPerItemMs;
  requireFiniteResult(totalComputeMs, 'total compute', metric);
  requireFiniteResult(latencyMs, 'latency', metric);
  requireFiniteResult(bruteForceComputeMs, 'brute-force compute', metric);
  if (totalComputeMs === 0) {
    throw new MetricInputError(
      `${metric}: every stage costs 0 ms per item, so there is no compute to compare; give a stage a positive costPerItemMs.`,
      'undefined',
    );
  }
  const savingsFactor = bruteForceComputeMs / totalComputeMs;
  requireFiniteResult(savingsFactor, 'savings factor', metric);
  return {
    perStage: rows.map((row) => ({ ...row, shareOfCompute: row.computeMs / totalComputeMs })),
    totalComputeMs,
    latencyMs,
    bruteForceComputeMs,
    savingsFactor,
  };
}
