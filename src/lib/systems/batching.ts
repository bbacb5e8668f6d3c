/**
 * A seeded discrete-event simulation of a model server with a dynamic batcher, to show the
 * trade-off between batch size (throughput) and queueing delay (latency).
 */
import { MetricInputError } from '../errors.ts';
import {
  requireFiniteResult,
  requireInteger,
  requireIntegerInRange,
  requireNonNegative,
  requirePositive,
  requireSeed,
} from '../validate.ts';
import { exponentialSample, mulberry32 } from '../random.ts';
import { summarizeInPlace } from './latency.ts';

/** Most requests one simulation may run: enough for stable p99s, small enough for a browser. */
export const MAX_SIMULATED_REQUESTS = 1_000_000;

export interface DynamicBatchingInput {
  /** Mean request arrival rate (Poisson process), requests per second, > 0. */
  arrivalRatePerSec: number;
  /** Largest batch an instance runs, a whole number >= 1. */
  maxBatchSize: number;
  /** Longest the oldest queued request waits for the batch to fill, ms, >= 0. */
  maxQueueDelayMs: number;
  /** Per-batch service time that does not depend on its size (kernel launch, overhead), ms, >= 0. */
  fixedLatencyMs: number;
  /** Extra service time per request in the batch, ms, >= 0; fixed + perItem must be > 0. */
  perItemLatencyMs: number;
  /** Model instances (replicas or GPUs) serving batches in parallel, a whole number >= 1. */
  instances: number;
  /** Requests to simulate, a whole number from 1 to MAX_SIMULATED_REQUESTS. */
  requests: number;
  /** Seed of the arrival times; the same seed gives the same result everywhere. */
  seed: number;
}

export interface DynamicBatchingResult {
  /** Completed requests per second, over the span from time 0 to the last completion. */
  throughputPerSec: number;
  /** Latency percentiles (numpy's linear method), ms: completion − arrival. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Mean latency, ms. */
  meanMs: number;
  /** Mean requests per dispatched batch. */
  meanBatchSize: number;
  /** Share of instance time spent serving batches, in [0, 1]. */
  utilization: number;
  /** Number of batches dispatched. */
  batches: number;
}

/** A binary min-heap of instance free times; small and allocation-free. */
class FreeTimes {
  private readonly heap: Float64Array;

  constructor(size: number) {
    this.heap = new Float64Array(size);
  }

  get earliest(): number {
    return this.heap[0] as number;
  }

  /** Replaces the earliest free time by `time` (>= it) and restores the heap order. */
  replaceEarliest(time: number): void {
    const heap = this.heap;
    const n = heap.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && (heap[right] as number) < (heap[left] as number) ? right : left;
      if ((heap[child] as number) >= time) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = time;
  }
}

/**
 * Dynamic batching simulation: latency percentiles, throughput, batch size and utilization of
 * a model server that groups queued requests into batches.
 *
 * Model (times in ms; Triton-like dynamic batcher with one FIFO queue):
 * - arrivals form a Poisson process: inter-arrival times are exponential with mean
 *   1000 / arrivalRatePerSec, drawn from mulberry32(seed), the first at one gap after time 0;
 * - the batch at the head of the queue is ready when it holds maxBatchSize requests or when its
 *   oldest request has waited maxQueueDelayMs, whichever is first; it is dispatched at
 *   max(ready time, time the earliest instance is free) and takes every request that has arrived
 *   by then, up to maxBatchSize (so under load, batches fill while instances are busy);
 * - a batch of k takes fixedLatencyMs + perItemLatencyMs × k on one instance;
 * - a request's latency is its batch's completion time − its arrival time.
 * Throughput = requests / last completion time; utilization = busy instance-time /
 * (instances × last completion time). Limits: far above capacity, throughput tends to
 * instances × maxBatchSize / (fixed + perItem × maxBatchSize) per ms; at light load with
 * maxQueueDelayMs = 0, latency tends to fixed + perItem and the mean batch to 1. With
 * maxBatchSize = 1 it is an M/D/c queue. Cost O(n log instances), plus O(n) on average for the
 * percentiles (by selection). simulateDelaySweep runs it at several delays over the same arrivals.
 * Reference: NVIDIA Triton dynamic batcher,
 * https://docs.nvidia.com/deeplearning/triton-inference-server/user-guide/docs/user_guide/model_configuration.html#dynamic-batcher ;
 * M/D/1 check via the Pollaczek–Khinchine formula: https://en.wikipedia.org/wiki/M/D/1_queue
 *
 * @throws MetricInputError if a rate or latency is negative or not finite, the arrival rate is 0,
 *   fixed + perItem is 0, a count is not a whole number in range, the seed is not a whole number,
 *   or the inputs are so extreme that times overflow.
 * @example
 * simulateDynamicBatching({ arrivalRatePerSec: 2000, maxBatchSize: 16, maxQueueDelayMs: 2,
 *   fixedLatencyMs: 5, perItemLatencyMs: 0.5, instances: 2, requests: 100_000, seed: 1 });
 * // { throughputPerSec: 2008.3, p50Ms: 14.95, p99Ms: 22.78, meanBatchSize: 10.55, utilization: 0.978, ... }
 */
export function simulateDynamicBatching(input: DynamicBatchingInput): DynamicBatchingResult {
  return simulateDelaySweep(input, [input.maxQueueDelayMs])[0] as DynamicBatchingResult;
}

/**
 * The dynamic batching simulation at each of several max queue delays, over one draw of arrivals
 * (the same seed): what simulateDynamicBatching gives at each delay, with the arrivals drawn once.
 * A chart of p99 against the delay runs a dozen of them.
 *
 * Formula: as simulateDynamicBatching, once per delay.
 * Reference: as simulateDynamicBatching.
 *
 * @param input the simulation's settings but the delay.
 * @param delaysMs max queue delays, ms, each >= 0.
 * @throws MetricInputError as simulateDynamicBatching, for any of the delays.
 * @example
 * simulateDelaySweep({ arrivalRatePerSec: 2000, maxBatchSize: 16, fixedLatencyMs: 5, perItemLatencyMs: 0.5,
 *   instances: 2, requests: 100_000, seed: 1 }, [0, 2]); // [ ...at 0 ms, { p99Ms: 22.78, ... } ]
 */
export function simulateDelaySweep(
  input: Omit<DynamicBatchingInput, 'maxQueueDelayMs'>,
  delaysMs: readonly number[],
): DynamicBatchingResult[] {
  const metric = 'Dynamic batching';
  const { arrivalRatePerSec, maxBatchSize, fixedLatencyMs, perItemLatencyMs } = input;
  const { instances, requests, seed } = input;
  requirePositive(arrivalRatePerSec, 'arrivalRatePerSec', metric);
  requireInteger(maxBatchSize, 'maxBatchSize', metric, 1);
  for (const delay of delaysMs) requireNonNegative(delay, 'maxQueueDelayMs', metric);
  requireNonNegative(fixedLatencyMs, 'fixedLatencyMs', metric);
  requireNonNegative(perItemLatencyMs, 'perItemLatencyMs', metric);
  if (fixedLatencyMs + perItemLatencyMs <= 0) {
    throw new MetricInputError(
      `${metric}: fixedLatencyMs and perItemLatencyMs are both 0, so a batch would take no time; ` +
        'give at least one a positive value.',
      'out-of-range',
    );
  }
  requireInteger(instances, 'instances', metric, 1);
  requireIntegerInRange(requests, 'requests', metric, 1, MAX_SIMULATED_REQUESTS);
  requireSeed(seed, metric);

  const n = requests;
  const random = mulberry32(seed);
  const ratePerMs = arrivalRatePerSec / 1000;
  const arrivals = new Float64Array(n);
  let clock = 0;
  for (let i = 0; i < n; i++) {
    clock += exponentialSample(random, ratePerMs);
    arrivals[i] = clock;
  }
  requireFiniteResult(clock, 'arrival time', metric);
  return delaysMs.map((maxQueueDelayMs) => serve(arrivals, { ...input, maxQueueDelayMs }));
}

/** The batcher and instances of simulateDynamicBatching over given arrival times. */
function serve(arrivals: Float64Array, input: Omit<DynamicBatchingInput, 'arrivalRatePerSec' | 'requests' | 'seed'>) {
  const metric = 'Dynamic batching';
  const { maxBatchSize, maxQueueDelayMs, fixedLatencyMs, perItemLatencyMs, instances } = input;
  const n = arrivals.length;
  const freeTimes = new FreeTimes(instances);
  const latencies = new Float64Array(n);
  let head = 0;
  let batches = 0;
  let busyTime = 0;
  let lastCompletion = 0;
  while (head < n) {
    const fullAt = head + maxBatchSize - 1 < n ? (arrivals[head + maxBatchSize - 1] as number) : Infinity;
    const readyAt = Math.min((arrivals[head] as number) + maxQueueDelayMs, fullAt);
    const dispatchAt = Math.max(readyAt, freeTimes.earliest);
    const limit = Math.min(n, head + maxBatchSize);
    let end = head + 1;
    while (end < limit && (arrivals[end] as number) <= dispatchAt) end++;
    const serviceTime = fixedLatencyMs + perItemLatencyMs * (end - head);
    const completion = dispatchAt + serviceTime;
    freeTimes.replaceEarliest(completion);
    for (let i = head; i < end; i++) latencies[i] = completion - (arrivals[i] as number);
    busyTime += serviceTime;
    batches++;
    if (completion > lastCompletion) lastCompletion = completion;
    head = end;
  }
  requireFiniteResult(lastCompletion, 'completion time', metric);
  requireFiniteResult(busyTime, 'busy time', metric);

  const summary = summarizeInPlace(latencies);
  const result: DynamicBatchingResult = {
    throughputPerSec: (n / lastCompletion) * 1000,
    p50Ms: summary.p50,
    p95Ms: summary.p95,
    p99Ms: summary.p99,
    meanMs: summary.mean,
    meanBatchSize: n / batches,
    utilization: Math.min(1, busyTime / (instances * lastCompletion)),
    batches,
  };
  for (const [name, value] of Object.entries(result)) requireFiniteResult(value, name, metric);
  return result;
}
