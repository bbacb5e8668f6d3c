// The latency-percentile widget's pure view: readouts equal the library's summary of the same
// seeded samples, the numpy-documented example, the tail sentence, the fan-out and bad input.
import { describe, expect, it } from 'vitest';
import { loadLatencies, parseLatencies, view } from '../../src/widgets/latency/view.ts';
import { schema } from '../../src/widgets/latency/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { latencySummary } from '../../src/lib/systems/latency.ts';
import {
  bimodalLatencies,
  fanOutSlowShare,
  logNormalLatencies,
  shareAbove,
} from '../../src/lib/systems/latency-samples.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);

const ms = (v: number) => (v >= 1000 ? `${Math.round(v).toLocaleString('en-US')} ms` : `${v.toFixed(1)} ms`);

describe('latency view: the default log-normal (median 40 ms, σ 0.8, 10,000 requests, seed 1)', () => {
  const values = logNormalLatencies({ n: 10_000, medianMs: 40, sigma: 0.8, seed: 1 });
  const s = latencySummary(values);
  const markup = html({});

  it('shows the library summary of the same seeded samples', () => {
    expect(readout(markup, 'p50')).toBe(ms(s.p50));
    expect(readout(markup, 'p95')).toBe(ms(s.p95));
    expect(readout(markup, 'p99')).toBe(ms(s.p99));
    expect(readout(markup, 'Mean')).toBe(ms(s.mean));
    expect(readout(markup, 'Max')).toBe(ms(s.max));
    expect(readout(markup, 'Requests')).toBe('10,000');
    expect(readout(markup, 'Slower than SLO')).toBe(`${(shareAbove(values, 200) * 100).toFixed(2)}%`);
    expect(readout(markup, 'Pages slower (fan-out 10)')).toBe(
      `${(fanOutSlowShare(shareAbove(values, 200), 10) * 100).toFixed(1)}%`,
    );
  });

  it('pins the seeded numbers and says how the mean hides the tail', () => {
    expect([readout(markup, 'p50'), readout(markup, 'p99'), readout(markup, 'Mean')]).toEqual([
      '40.2 ms',
      '256.7 ms',
      '55.3 ms',
    ]);
    expect(markup).toContain(
      'The mean is 55.3 ms, yet 1 request in 100 takes over 256.7 ms: 4.6 times the mean, and the slowest took 1,143 ms.',
    );
    expect(markup).toContain(
      '<strong>p99 256.7 ms misses the 200 ms SLO</strong>; 2.12% of requests are slower than the SLO.',
    );
  });

  it('draws the histogram with p50, p95, p99, mean and SLO lines, and counts what is off the chart', () => {
    expect(markup).toContain('aria-label="Histogram of 10,000 latencies with p50, p95, p99, the mean and the SLO"');
    expect(markup.match(/<line class="rule tone-/g)).toHaveLength(5);
    expect(markup).toContain('Off the chart: 20 slower requests (up to 1,143 ms) lie beyond the right edge.');
  });

  it('summarises for screen readers', () => {
    const result = view(state({}));
    expect(result.ok && result.summary).toBe(
      'p50 40.2 ms, p95 147.5 ms, p99 256.7 ms, mean 55.3 ms, max 1,143 ms over 10,000 requests; p99 misses the 200 ms SLO.',
    );
  });
});

describe('latency view: pasted latencies', () => {
  it("reproduces the library's documented example [12, 15, 11, 80, 14] (numpy's linear percentiles)", () => {
    const markup = html({ source: 'pasted', data: '12, 15, 11, 80, 14', slo: 50 });
    expect(readout(markup, 'p50')).toBe('14.0 ms');
    expect(readout(markup, 'p95')).toBe('67.0 ms');
    expect(readout(markup, 'p99')).toBe('77.4 ms');
    expect(readout(markup, 'Mean')).toBe('26.4 ms');
    expect(readout(markup, 'Max')).toBe('80.0 ms');
    // 1 of 5 calls is over 50 ms; a page of 10 calls: 1 − 0.8^10 = 0.8926.
    expect(readout(markup, 'Slower than SLO')).toBe('20.00%');
    expect(readout(markup, 'Pages slower (fan-out 10)')).toBe('89.3%');
    expect(markup).toContain('yet p99 is 77.4 ms (with only 5 requests, p99 interpolates between the slowest two)');
  });

  it('reads new lines, commas, semicolons and spaces', () => {
    expect(parseLatencies('1\n2,3; 4  5\t6')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('handles a single value and all-zero latencies without NaN', () => {
    expect(readout(html({ source: 'pasted', data: '5' }), 'p99')).toBe('5.0 ms');
    const zeros = html({ source: 'pasted', data: '0,0,0' });
    expect(readout(zeros, 'Mean')).toBe('0.0 ms');
    expect(zeros).toContain('Here the tail is short');
  });
});

describe('latency view: schema.presets', () => {
  const [healthy, cache, slowDependency] = schema.presets.map((p) => state(p.state));

  it('healthy service: p99 within the SLO and a short tail', () => {
    const markup = html(healthy!);
    expect(readout(markup, 'p99')).toBe('80.3 ms');
    expect(markup).toContain('meets the 100 ms SLO');
    expect(markup).toContain('Here the tail is short: p99 (80.3 ms) is only 1.92 times the mean (41.9 ms)');
  });

  it('cache misses: the monitoring chapter (2% of calls at 1.5 s), 18% of pages of 10 calls are slow', () => {
    const values = bimodalLatencies({ n: 10_000, hitMs: 40, missMs: 1500, missShare: 0.02, seed: 1 });
    const slow = shareAbove(values, 100);
    const markup = html(cache!);
    expect(readout(markup, 'Slower than SLO')).toBe(`${(slow * 100).toFixed(2)}%`);
    expect(readout(markup, 'Pages slower (fan-out 10)')).toBe('18.0%');
    expect(readout(markup, 'p95')).toBe('52.7 ms');
    expect(markup).toContain('The mean is 69.5 ms, yet 1 request in 100 takes over 1,490 ms');
    // Raising the fan-out to 30: 1 − (1 − 0.0197)^30 = 45%.
    expect(readout(html({ ...cache!, fanOut: 30 }), 'Pages slower (fan-out 30)')).toBe(
      `${(fanOutSlowShare(slow, 30) * 100).toFixed(1)}%`,
    );
    expect(fanOutSlowShare(slow, 30)).toBeGreaterThan(0.4);
  });

  it('a slow dependency: a heavy log-normal tail misses a 300 ms SLO', () => {
    const markup = html(slowDependency!);
    expect(readout(markup, 'p99')).toBe('731.5 ms');
    expect(markup).toContain('misses the 300 ms SLO');
  });

  it('uniform latencies have no tail to hide', () => {
    const markup = html({ source: 'uniform', min: 20, max: 80 });
    expect(markup).toContain('Here the tail is short');
    expect(markup).toContain('Off the chart: the SLO (200 ms) is beyond the right edge.');
    expect(markup.match(/<line class="rule tone-/g)).toHaveLength(4);
  });
});

describe('latency view: bad input', () => {
  it('names the bad pasted value', () => {
    expect(error({ source: 'pasted', data: '' })).toBe('Paste at least one latency in milliseconds.');
    expect(error({ source: 'pasted', data: ' \n, ' })).toBe('Paste at least one latency in milliseconds.');
    expect(error({ source: 'pasted', data: '12\nfast\n14' })).toBe('Value 2 (&#34;fast&#34;) is not a number.');
    expect(error({ source: 'pasted', data: '12,-3' })).toBe('Value 2 is -3 ms; a latency cannot be negative.');
    expect(error({ source: 'pasted', data: '12,1e400' })).toBe('Value 2 (&#34;1e400&#34;) is not a number.');
    expect(error({ source: 'pasted', data: '1e12' })).toBe(
      'Value 1 is 1e12 ms, more than 1,000,000,000 ms (11.6 days); check the unit (the box expects milliseconds).',
    );
    expect(error({ source: 'pasted', data: '<b>1</b>' })).toBe(
      'Value 1 (&#34;&#60;b&#62;1&#60;/b&#62;&#34;) is not a number.',
    );
  });

  it('refuses a uniform range upside down', () => {
    expect(error({ source: 'uniform', min: 80, max: 20 })).toBe(
      'The slowest request (20.0 ms) is faster than the fastest (80.0 ms); make the slowest at least the fastest.',
    );
  });

  it('passes the library message for values beyond the boxes (a link edited by hand)', () => {
    expect(error({ n: 0 })).toBe('Log-normal latencies: n is 0; it must be a whole number of at least 1.');
    expect(error({ n: 300_000 })).toBe(
      'Log-normal latencies: n is 300000; it must be a whole number from 1 to 200000.',
    );
    expect(error({ source: 'bimodal', missPct: 150 })).toBe(
      'Cache hit/miss latencies: missShare is 1.5; it must be between 0 and 1.',
    );
    expect(error({ fanOut: 0 })).toBe('Fan-out tail: fanOut is 0; it must be a whole number of at least 1.');
  });

  it('validates the number boxes', () => {
    expect(fieldProblem(schema.fields.n, '5')).toBe('Requests to generate must be between 10 and 100000.');
    expect(fieldProblem(schema.fields.n, '')).toBe('Requests to generate must be a number.');
    expect(fieldProblem(schema.fields.slo, '0')).toBe('Latency SLO (ms) must be between 5 and 100000.');
    expect(fieldProblem(schema.fields.sigma, '-1')).toBe(
      'Tail weight σ (spread of log latency) must be between 0 and 2.5.',
    );
    expect(fieldProblem(schema.fields.fanOut, '2.5')).toBe('Calls per page (fan-out) must be a whole number.');
    expect(fieldProblem(schema.fields.data, 'x'.repeat(100_001))).toBe(
      'Your latencies in ms (one per line or comma-separated) holds 100,001 characters; it takes at most 100,000.',
    );
  });

  it('the same seed gives the same samples; another seed, others', () => {
    expect(loadLatencies(state({}))).toEqual(loadLatencies(state({})));
    expect(loadLatencies(state({ seed: 2 }))).not.toEqual(loadLatencies(state({})));
  });
});
