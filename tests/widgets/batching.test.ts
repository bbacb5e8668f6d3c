// The dynamic batching simulator's pure view: readouts equal the library's simulation, the sweep,
// the SLO verdict, the schema.presets and bad input.
import { describe, expect, it } from 'vitest';
import { SIM_REQUESTS, sweepDelays, view } from '../../src/widgets/batching/view.ts';
import { schema } from '../../src/widgets/batching/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { simulateDynamicBatching } from '../../src/lib/systems/batching.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);
type State = ReturnType<typeof state>;
/** The library's run for a state at one delay, as the widget runs it. */
function simulate(s: State, delay = s.delay) {
  return simulateDynamicBatching({
    arrivalRatePerSec: s.rate,
    maxBatchSize: s.maxBatch,
    maxQueueDelayMs: delay,
    fixedLatencyMs: s.fixed,
    perItemLatencyMs: s.perItem,
    instances: s.instances,
    requests: SIM_REQUESTS,
    seed: s.seed,
  });
}
const ms = (v: number) => (v >= 1000 ? `${Math.round(v).toLocaleString('en-US')} ms` : `${v.toFixed(1)} ms`);

describe('batching view: the chapter example (600/s, 8 ms + 1 ms per item, batches of 32)', () => {
  const s = state({});
  const r = simulate(s);
  const markup = html({});

  it('shows the simulation of 10,000 requests at the current delay', () => {
    expect(SIM_REQUESTS).toBe(10_000);
    expect(readout(markup, 'Throughput')).toBe(`${Math.round(r.throughputPerSec).toLocaleString('en-US')}/s`);
    expect(readout(markup, 'p50 latency')).toBe(ms(r.p50Ms));
    expect(readout(markup, 'p95 latency')).toBe(ms(r.p95Ms));
    expect(readout(markup, 'p99 latency')).toBe(ms(r.p99Ms));
    expect(readout(markup, 'Mean latency')).toBe(ms(r.meanMs));
    expect(readout(markup, 'Mean batch size')).toBe(r.meanBatchSize.toFixed(1));
    expect(readout(markup, 'Time busy')).toBe(`${(r.utilization * 100).toFixed(1)}%`);
    // 32 / (8 + 32 × 1) requests per ms = 800 per second, the chapter's ceiling.
    expect(readout(markup, 'Capacity')).toBe('800/s');
  });

  it('pins the seeded numbers (seed 1)', () => {
    expect(readout(markup, 'Throughput')).toBe('603/s');
    expect(readout(markup, 'p99 latency')).toBe('54.1 ms');
    expect(readout(markup, 'Mean batch size')).toBe('12.2');
  });

  it('says whether p99 meets the SLO, and how much capacity is in use', () => {
    expect(markup).toContain('<strong>p99 54.1 ms: meets the 100 ms SLO.</strong>');
    expect(markup).toContain('Capacity with full batches is 800 requests/s, 75% of it in use at this arrival rate.');
    // Batches of 12.2 at 600/s: 600 / 12.2 = 49 batches a second of 8 + 12.2 ms each, 99% of every second.
    expect(r.utilization).toBeGreaterThan(0.98);
    expect(markup).toContain(
      'The instances are busy 100% of the time all the same: batches average 12.2 requests, not 32, so the 8.0 ms fixed cost is paid more often.',
    );
    // At 100/s: 100 / 1.5 = 67 batches a second of 8 + 1.5 ms, 63% busy for 13% of capacity.
    expect(html({ rate: 100 })).toContain(
      'The instances are busy 63% of the time all the same: batches average 1.5 requests, not 32,',
    );
    // At 780/s, 98% of capacity, batches are nearly full and busy time says nothing new.
    expect(html({ rate: 780 })).not.toContain('The instances are busy');
    expect(html({ slo: 50 })).toContain('<strong>p99 54.1 ms: misses the 50 ms SLO.</strong>');
  });

  it('charts p99 and throughput over the swept delays, with the SLO line', () => {
    expect(markup).toContain('aria-label="p99 latency as the max queue delay varies"');
    expect(markup).toContain('aria-label="Throughput as the max queue delay varies"');
    expect(markup).toContain('>SLO 100 ms</text>');
    expect(markup.match(/class="marker tone-2"/g)).toHaveLength(2);
  });

  it('summarises for screen readers', () => {
    const result = view(s);
    expect(result.ok && result.summary).toBe(
      `Max queue delay 4.0 ms: throughput 603 requests/s, p99 54.1 ms (meets the 100 ms SLO), mean batch 12.2, utilization ${(r.utilization * 100).toFixed(1)}%.`,
    );
  });
});

describe('batching view: the delay sweep', () => {
  it('sweeps 0 to max(10 ms, twice the delay) in 10 steps and always includes the current delay', () => {
    expect(sweepDelays(4)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sweepDelays(20)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40]);
    expect(sweepDelays(3.3)).toEqual([0, 1, 2, 3, 3.3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sweepDelays(0)).toHaveLength(11);
  });

  it('names the delay with the lowest p99 among the swept ones', () => {
    const s = state({});
    const best = sweepDelays(s.delay)
      .map((d) => ({ d, p99: simulate(s, d).p99Ms }))
      .reduce((a, b) => (b.p99 < a.p99 ? b : a));
    expect(html({})).toContain(`p99 is lowest (${ms(best.p99)}) at a max queue delay of ${best.d.toFixed(1)} ms`);
  });
});

describe('batching view: schema.presets', () => {
  const [light, saturated, tight] = schema.presets.map((p) => state(p.state));

  it('light traffic: small batches, low utilization, meets the SLO', () => {
    const r = simulate(light!);
    const markup = html(light!);
    expect(readout(markup, 'p99 latency')).toBe(ms(r.p99Ms));
    expect(r.meanBatchSize).toBeLessThan(2);
    expect(r.utilization).toBeLessThan(0.7);
    expect(markup).toContain('meets the 100 ms SLO');
  });

  it('near saturation (780 of 800/s): batches near 32 and a p99 past the SLO', () => {
    const r = simulate(saturated!);
    const markup = html(saturated!);
    expect(readout(markup, 'p99 latency')).toBe(ms(r.p99Ms));
    expect(r.p99Ms).toBeGreaterThan(100);
    expect(r.meanBatchSize).toBeGreaterThan(28);
    expect(markup).toContain('misses the 100 ms SLO');
    expect(markup).toContain('98% of it in use');
  });

  it('a tight SLO (30 ms, 4 GPUs): a 4 ms delay meets it where 0 ms and 10 ms miss', () => {
    expect(simulate(tight!, 4).p99Ms).toBeLessThanOrEqual(30);
    expect(simulate(tight!, 0).p99Ms).toBeGreaterThan(30);
    expect(simulate(tight!, 10).p99Ms).toBeGreaterThan(30);
    expect(html(tight!)).toContain('<strong>p99 25.0 ms: meets the 30 ms SLO.</strong>');
    expect(html({ ...tight!, delay: 0 })).toContain('<strong>p99 31.0 ms: misses the 30 ms SLO.</strong>');
  });

  it('above capacity, says the queue grows without bound', () => {
    expect(html({ rate: 900 })).toContain(
      'Requests arrive at 900/s but full batches serve at most 800/s, so the queue grows for as long as this traffic lasts',
    );
  });
});

describe('batching view: bad input', () => {
  it('refuses a batch that takes no time', () => {
    expect(error({ fixed: 0, perItem: 0 })).toBe(
      'The fixed and per-item latencies are both 0, so a batch would take no time. Give at least one of them a positive value.',
    );
  });

  it('validates each box: empty, non-numeric, negative, zero, fractional and huge values', () => {
    expect(fieldProblem(schema.fields.rate, '')).toBe('Arrival rate (requests/s) must be a number.');
    expect(fieldProblem(schema.fields.rate, 'abc')).toBe('Arrival rate (requests/s) must be a number.');
    expect(fieldProblem(schema.fields.rate, '0')).toBe('Arrival rate (requests/s) must be between 10 and 20000.');
    expect(fieldProblem(schema.fields.rate, '1e9')).toBe('Arrival rate (requests/s) must be between 10 and 20000.');
    expect(fieldProblem(schema.fields.delay, '-1')).toBe('Max queue delay (ms) must be between 0 and 100.');
    expect(fieldProblem(schema.fields.maxBatch, '2.5')).toBe('Max batch size must be a whole number.');
    expect(fieldProblem(schema.fields.instances, '0')).toBe('Instances (GPUs) must be between 1 and 64.');
    expect(fieldProblem(schema.fields.seed, '1.5')).toBe('Random seed of the arrivals must be a whole number.');
  });

  it('passes the library message through for values beyond the boxes (a link edited by hand)', () => {
    expect(error({ rate: 0 })).toBe('Dynamic batching: arrivalRatePerSec is 0; it must be greater than 0.');
    expect(error({ maxBatch: 0 })).toBe(
      'Batching capacity: maxBatchSize is 0; it must be a whole number of at least 1.',
    );
    expect(error({ perItem: -1 })).toBe('Batching capacity: perItemLatencyMs is -1; it must not be negative.');
    expect(error({ perItem: 1e308 })).toMatch(
      /^Dynamic batching: the .* overflows \(Infinity\); the inputs are too extreme to compute with\. Use smaller values\.$/,
    );
  });
});

describe('batching view: long tails', () => {
  it('prints latencies of a second or more as whole, thousands-separated ms', () => {
    const markup = html({ rate: 900 });
    const r = simulate(state({ rate: 900 }));
    expect(r.p99Ms).toBeGreaterThan(1000);
    expect(readout(markup, 'p99 latency')).toBe(`${Math.round(r.p99Ms).toLocaleString('en-US')} ms`);
  });
});
