/**
 * Serving cost: dollars per million generated tokens on rented GPUs, and the traffic at which
 * running your own GPUs becomes cheaper than paying an API per token.
 */
import { requireFiniteResult, requireInRange, requireInteger, requirePositive } from '../validate.ts';

const SECONDS_PER_HOUR = 3600;
const HOURS_PER_DAY = 24;

export interface CostPerMillionInput {
  /** Rental price of one GPU, US dollars per hour, > 0. */
  gpuHourlyUsd: number;
  /** GPUs in the serving replica, a whole number >= 1. */
  gpus: number;
  /** Output tokens per second the replica produces when busy (e.g. llmLatency's outputTokensPerSecond), > 0. */
  tokensPerSecond: number;
  /** Share of paid hours spent serving at that rate, in (0, 1]. */
  utilization: number;
}

/**
 * Cost per million tokens of a self-hosted replica.
 *
 * Formula: gpuHourlyUsd × gpus / (tokensPerSecond × 3600 × utilization) × 10^6. The GPUs are paid
 * by the hour whether busy or idle, so halving utilization doubles the cost; quoting the cost at
 * utilization 1 (a GPU that never waits for traffic) is the usual optimistic mistake.
 * Reference: Databricks, "LLM Inference Performance Engineering: Best Practices", 2023,
 * https://www.databricks.com/blog/llm-inference-performance-engineering-best-practices
 *
 * @throws MetricInputError if a price or rate is not a positive finite number, gpus is not a
 *   whole number >= 1, utilization is outside (0, 1], or the cost overflows.
 * @example
 * costPerMillionTokens({ gpuHourlyUsd: 2.5, gpus: 1, tokensPerSecond: 2000, utilization: 0.5 }); // 0.6944444444444444
 */
export function costPerMillionTokens({
  gpuHourlyUsd,
  gpus,
  tokensPerSecond,
  utilization,
}: CostPerMillionInput): number {
  const metric = 'Cost per million tokens';
  requirePositive(gpuHourlyUsd, 'gpuHourlyUsd', metric);
  requireInteger(gpus, 'gpus', metric, 1);
  requirePositive(tokensPerSecond, 'tokensPerSecond', metric);
  requirePositive(utilization, 'utilization', metric);
  requireInRange(utilization, 'utilization', metric, 0, 1);
  const cost = ((gpuHourlyUsd * gpus) / (tokensPerSecond * SECONDS_PER_HOUR * utilization)) * 1e6;
  requireFiniteResult(cost, 'cost', metric);
  return cost;
}

export interface ApiBreakEvenInput {
  /** API price, US dollars per million tokens, > 0. */
  apiUsdPerMillionTokens: number;
  /** Rental price of one GPU, US dollars per hour, > 0. */
  gpuHourlyUsd: number;
  /** GPUs in the replica, a whole number >= 1. */
  gpus: number;
  /** Tokens per second the replica produces when busy, > 0. */
  tokensPerSecond: number;
}

export interface ApiBreakEven {
  /** What the replica costs per day, busy or idle, US dollars. */
  selfHostUsdPerDay: number;
  /** Self-hosted cost per million tokens when the replica is always busy, US dollars. */
  selfHostUsdPerMillionAtFullLoad: number;
  /** Tokens per day at which the API bill equals the replica's daily cost. */
  breakEvenTokensPerDay: number;
  /** Daily capacity of the replica at full load, tokens. */
  capacityTokensPerDay: number;
  /** breakEvenTokensPerDay / capacity: the utilization at which self-hosting starts to pay; above 1 it never does. */
  breakEvenUtilization: number;
  /** Whether one replica can reach the break-even volume (breakEvenUtilization <= 1). */
  canBreakEven: boolean;
}

/**
 * API versus self-hosting break-even: the daily token volume above which renting GPUs is cheaper
 * than paying an API per token, for one replica paid around the clock.
 *
 * Formula: selfHostUsdPerDay = gpuHourlyUsd × gpus × 24; breakEvenTokensPerDay =
 * selfHostUsdPerDay / apiUsdPerMillionTokens × 10^6; capacity = tokensPerSecond × 86400;
 * breakEvenUtilization = breakEvenTokensPerDay / capacity = selfHostUsdPerMillionAtFullLoad /
 * apiUsdPerMillionTokens. Below the break-even volume the API is cheaper; above it (and up to the
 * replica's capacity) self-hosting is. Staff time, redundancy and autoscaling are not included.
 * Reference: costPerMillionTokens; the same break-even reasoning as any fixed-versus-variable
 * cost decision.
 *
 * @throws MetricInputError if a price or rate is not a positive finite number, gpus is not a
 *   whole number >= 1, or the amounts overflow.
 * @example
 * apiBreakEven({ apiUsdPerMillionTokens: 0.6, gpuHourlyUsd: 2.5, gpus: 1, tokensPerSecond: 2000 });
 * // { selfHostUsdPerDay: 60, breakEvenTokensPerDay: 100000000, capacityTokensPerDay: 172800000,
 * //   breakEvenUtilization: 0.5787..., canBreakEven: true, ... }
 */
export function apiBreakEven(input: ApiBreakEvenInput): ApiBreakEven {
  const metric = 'API break-even';
  const { apiUsdPerMillionTokens, gpuHourlyUsd, gpus, tokensPerSecond } = input;
  requirePositive(apiUsdPerMillionTokens, 'apiUsdPerMillionTokens', metric);
  requirePositive(gpuHourlyUsd, 'gpuHourlyUsd', metric);
  requireInteger(gpus, 'gpus', metric, 1);
  requirePositive(tokensPerSecond, 'tokensPerSecond', metric);
  const selfHostUsdPerDay = gpuHourlyUsd * gpus * HOURS_PER_DAY;
  const breakEvenTokensPerDay = (selfHostUsdPerDay / apiUsdPerMillionTokens) * 1e6;
  const capacityTokensPerDay = tokensPerSecond * SECONDS_PER_HOUR * HOURS_PER_DAY;
  const result: ApiBreakEven = {
    selfHostUsdPerDay,
    selfHostUsdPerMillionAtFullLoad: (selfHostUsdPerDay / capacityTokensPerDay) * 1e6,
    breakEvenTokensPerDay,
    capacityTokensPerDay,
    breakEvenUtilization: breakEvenTokensPerDay / capacityTokensPerDay,
    canBreakEven: breakEvenTokensPerDay <= capacityTokensPerDay,
  };
  for (const [name, value] of Object.entries(result)) {
    if (typeof value === 'number') requireFiniteResult(value, name, metric);
  }
  return result;
}
