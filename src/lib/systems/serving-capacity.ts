/**
 * Capacity arithmetic for the serving widgets: how many requests a batching server or a CPU core can
 * take per second, and how many cores a given traffic keeps busy. One line each, kept here so the
 * widgets never compute a quantity themselves and the formulas carry their assumptions.
 */
import { MetricInputError } from '../errors.ts';
import { requireFiniteResult, requireInteger, requireNonNegative, requirePositive } from '../validate.ts';

export interface BatchingCapacityInput {
  /** Largest batch an instance runs, a whole number >= 1. */
  maxBatchSize: number;
  /** Per-batch service time that does not depend on its size, ms, >= 0. */
  fixedLatencyMs: number;
  /** Extra service time per request in the batch, ms, >= 0; fixed + perItem must be > 0. */
  perItemLatencyMs: number;
  /** Model instances serving in parallel, a whole number >= 1. */
  instances: number;
}

/**
 * Batching capacity: the most requests per second a server can sustain when every instance is always
 * busy running full batches (the saturation limit of `simulateDynamicBatching`).
 *
 * Formula: X = instances × B / (t_fixed + t_item × B) requests per ms, × 1000 per second, with B the
 * maximum batch size. Arrivals above X make the queue grow without bound.
 * Reference: NVIDIA Triton dynamic batcher,
 * https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/user_guide/model_configuration.html#dynamic-batcher
 *
 * @throws MetricInputError if a latency is negative or not finite, both latencies are 0, or a count
 *   is not a whole number >= 1.
 * @example
 * batchingCapacityPerSec({ maxBatchSize: 32, fixedLatencyMs: 8, perItemLatencyMs: 1, instances: 1 }); // 800
 */
export function batchingCapacityPerSec(input: BatchingCapacityInput): number {
  const metric = 'Batching capacity';
  const { maxBatchSize, fixedLatencyMs, perItemLatencyMs, instances } = input;
  requireInteger(maxBatchSize, 'maxBatchSize', metric, 1);
  requireNonNegative(fixedLatencyMs, 'fixedLatencyMs', metric);
  requireNonNegative(perItemLatencyMs, 'perItemLatencyMs', metric);
  requireInteger(instances, 'instances', metric, 1);
  const batchMs = fixedLatencyMs + perItemLatencyMs * maxBatchSize;
  if (batchMs <= 0) {
    throw new MetricInputError(
      `${metric}: fixedLatencyMs and perItemLatencyMs are both 0, so a batch would take no time and capacity would be infinite; give at least one a positive value.`,
      'out-of-range',
    );
  }
  const capacity = ((instances * maxBatchSize) / batchMs) * 1000;
  requireFiniteResult(capacity, 'capacity', metric);
  return capacity;
}

/**
 * Requests per second per core: how many requests one core serves when a request needs
 * `computeMsPerRequest` of its time and the core is never idle (no batching gains, no overhead).
 *
 * Formula: 1000 / computeMsPerRequest (a core supplies 1,000 ms of compute each second).
 *
 * @throws MetricInputError if computeMsPerRequest is not a finite number > 0.
 * @example
 * requestsPerSecondPerCore(21); // 47.6...
 */
export function requestsPerSecondPerCore(computeMsPerRequest: number): number {
  const metric = 'Requests per core';
  requirePositive(computeMsPerRequest, 'computeMsPerRequest', metric);
  const rate = 1000 / computeMsPerRequest;
  requireFiniteResult(rate, 'rate', metric);
  return rate;
}

/**
 * Busy cores: how many cores a traffic keeps fully busy, the lower bound of a fleet (divide by a
 * target utilisation such as 0.6 to leave headroom).
 *
 * Formula: requestsPerSec × computeMsPerRequest / 1000 (compute-seconds needed per second).
 * This is Little's law applied to compute: cores in use = arrival rate × compute time per request.
 * Reference: https://en.wikipedia.org/wiki/Little%27s_law
 *
 * @throws MetricInputError if either input is negative or not finite, or the product overflows.
 * @example
 * busyCores(2000, 12); // 24 (the funnel chapter's heavy ranker: 2,000 requests/s × 300 items × 40 µs)
 */
export function busyCores(requestsPerSec: number, computeMsPerRequest: number): number {
  const metric = 'Busy cores';
  requireNonNegative(requestsPerSec, 'requestsPerSec', metric);
  requireNonNegative(computeMsPerRequest, 'computeMsPerRequest', metric);
  const cores = (requestsPerSec * computeMsPerRequest) / 1000;
  requireFiniteResult(cores, 'core count', metric);
  return cores;
}
