// The funnel-cost calculator's pure view: the funnel chapter's worked example, the schema.presets, the
// brute-force comparison and bad input. Expected numbers are worked by hand from
// compute = items × cost per item and latency = compute / workers + fixed.
import { describe, expect, it } from 'vitest';
import { duration, parseStages, view } from '../../src/widgets/funnel-cost/view.ts';
import { schema } from '../../src/widgets/funnel-cost/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { funnelCost } from '../../src/lib/systems/funnel.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);

describe('funnel view: the chapter example (10 million videos, 2,000 requests/s)', () => {
  const markup = html({});

  it('reproduces the chapter: about 33 ms per request, 400 s of brute force', () => {
    // Compute 10^7 × 5e-7 + 0 + 2,000 × 0.002 + 300 × 0.04 = 5 + 4 + 12 = 21 ms;
    // latency 5 + 10 + 4 + (12 + 2) = 33 ms; brute force 10^7 × 0.04 = 400,000 ms = 6.7 min.
    expect(readout(markup, 'Compute per request')).toBe('21.0 ms');
    expect(readout(markup, 'Latency per request')).toBe('33.0 ms');
    expect(readout(markup, 'Brute-force compute')).toBe('6.7 min');
    expect(readout(markup, 'Brute-force latency')).toBe('6.7 min');
    // 400,000 / 21 = 19,047.6
    expect(readout(markup, 'Savings factor')).toBe('19,048×');
    // 1000 / 21 = 47.6 requests per second per core; 2,000 × 21 / 1000 = 42 busy cores.
    expect(readout(markup, 'Requests/s per core')).toBe('47.6');
    expect(readout(markup, 'Busy cores at 2,000/s')).toBe('42');
  });

  it('tabulates each stage: the heavy ranker scores 300 items, 57% of the compute, 24 busy GPUs', () => {
    expect(markup).toContain(
      '<tr><th scope="row">heavy ranker (GPU)</th><td>300</td><td>20</td><td>12.0 ms</td><td>57.1%</td><td>14.0 ms</td><td>24</td></tr>',
    );
    expect(markup).toContain(
      '<tr><th scope="row">feature fetch</th><td>2,000</td><td>2,000</td><td>0 ms</td><td>0.0%</td><td>10.0 ms</td><td>0</td></tr>',
    );
    // The chapter's 800,000 GPU-seconds per second without the funnel.
    expect(markup).toContain('<td>6.7 min</td><td></td><td>6.7 min</td><td>800,000</td>');
  });

  it('agrees with funnelCost and says the funnel is cheaper and within budget', () => {
    const cost = funnelCost({ candidates: 10_000_000, stages: parseStages(state({}).stages) });
    expect(cost.savingsFactor).toBeCloseTo(400_000 / 21, 6);
    expect(markup).toContain(
      '<strong>The funnel is 19,048× cheaper than brute force.</strong> It answers in 33.0 ms of the 100 ms budget',
    );
  });

  it('changing the light scorer to keep 1,000 more than triples the heavy compute', () => {
    const stages = state({}).stages.replace('light scorer (trees),300', 'light scorer (trees),1000');
    const more = html({ stages });
    // 1,000 × 0.04 = 40 ms (was 12 ms); 40 busy GPUs at 2,000 requests/s → 80.
    expect(more).toContain('<tr><th scope="row">heavy ranker (GPU)</th><td>1,000</td><td>20</td><td>40.0 ms</td>');
    expect(readout(more, 'Compute per request')).toBe('49.0 ms');
  });

  it('summarises for screen readers', () => {
    const result = view(state({}));
    expect(result.ok && result.summary).toBe(
      '10,000,000 candidates through 4 stages: 21.0 ms of compute and 33.0 ms per request, 19,048× less compute than brute force (6.7 min); 47.6 requests/s per core.',
    );
  });
});

describe('funnel view: schema.presets', () => {
  it('search engine: 1 billion pages, parallel workers, 877,193× savings', () => {
    const markup = html(schema.presets[1]!.state);
    // Compute 10^9 × 2e-8 + 10,000 × 0.005 + 1,000 × 0.5 = 20 + 50 + 500 = 570 ms.
    expect(readout(markup, 'Compute per request')).toBe('570.0 ms');
    // Latency 20/100 + 5 + 50/10 + 3 + 500/50 + 2 = 25.2 ms.
    expect(readout(markup, 'Latency per request')).toBe('25.2 ms');
    // Brute force 10^9 × 0.5 = 5 × 10^8 ms = 5.8 days of compute; / 50 workers + 2 ms = 2.8 h of waiting.
    expect(readout(markup, 'Brute-force compute')).toBe('6 days');
    expect(readout(markup, 'Brute-force latency')).toBe('2.8 h');
    expect(readout(markup, 'Savings factor')).toBe('877,193×');
    expect(readout(markup, 'Requests/s per core')).toBe('1.8');
    expect(readout(markup, 'Busy cores at 10,000/s')).toBe('5,700');
    expect(markup).toContain('<td>5.2 ms (100 workers)</td>');
  });

  it('small catalogue: brute force fits the budget and saves the funnel only 3.3×', () => {
    const markup = html(schema.presets[2]!.state);
    // Funnel 2,000 × 0.001 + 200 × 0.005 = 3 ms; brute force 2,000 × 0.005 = 10 ms.
    expect(readout(markup, 'Compute per request')).toBe('3.0 ms');
    expect(readout(markup, 'Brute-force compute')).toBe('10.0 ms');
    expect(readout(markup, 'Savings factor')).toBe('3.3×');
    expect(markup).toContain(
      '<strong>The funnel is not worth it here.</strong> Scoring all 2,000 items with ranker takes 10.0 ms, inside the 100 ms budget',
    );
  });

  it('says when the funnel itself is over budget', () => {
    expect(html({ budget: 20 })).toContain('<strong>The funnel takes 33.0 ms, over the 20 ms budget.</strong>');
  });
});

describe('funnel view: formatting and parsing', () => {
  it('formats durations from microseconds to days', () => {
    expect(duration(0)).toBe('0 ms');
    expect(duration(0.0005)).toBe('0.0005 ms');
    expect(duration(12)).toBe('12.0 ms');
    expect(duration(1500)).toBe('1.5 s');
    expect(duration(400_000)).toBe('6.7 min');
    expect(duration(10_000_000)).toBe('2.8 h');
    expect(duration(5e8)).toBe('6 days');
  });

  it('reads optional fixed latency and workers, skips a header row and escapes names', () => {
    expect(parseStages('name,keep,costPerItemMs\nretrieval,100,0.01')).toEqual([
      { name: 'retrieval', keep: 100, costPerItemMs: 0.01, fixedLatencyMs: 0, parallelism: 1 },
    ]);
    const markup = html({ stages: '<b>x</b>,10,1', n: 100 });
    expect(markup).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(markup).not.toContain('<b>x</b>');
  });
});

describe('funnel view: bad input', () => {
  it('asks for stages when the box is empty and names the bad value and line', () => {
    expect(error({ stages: '  ' })).toBe('Paste at least one row of name,keep,costPerItemMs.');
    expect(error({ stages: 'a,10,1\nb,many,1' })).toBe('Line 2: keep &#34;many&#34; is not a number.');
    expect(error({ stages: 'a,10,fast' })).toBe('Line 1: costPerItemMs &#34;fast&#34; is not a number.');
    expect(error({ stages: 'a,10,1,soon' })).toBe('Line 1: fixedLatencyMs &#34;soon&#34; is not a number.');
    expect(error({ stages: 'a,10' })).toBe('Line 1 needs 3 values (name,keep,costPerItemMs).');
    expect(error({ stages: ',10,1' })).toBe('Line 1: give the stage a name before the first comma.');
    expect(error({ stages: 'a,,1' })).toBe('Line 1: keep is empty.');
  });

  it('passes the library message for zero, negative, fractional and inconsistent stages', () => {
    expect(error({ stages: 'a,10,-1' })).toBe('Funnel cost: stage 1 (a) costPerItemMs is -1; it must not be negative.');
    expect(error({ stages: 'a,0,1' })).toBe(
      'Funnel cost: stage 1 (a) keep is 0; it must be a whole number of at least 1.',
    );
    expect(error({ stages: 'a,2.5,1' })).toBe(
      'Funnel cost: stage 1 (a) keep is 2.5; it must be a whole number of at least 1.',
    );
    expect(error({ stages: 'a,10,1,0,0' })).toBe(
      'Funnel cost: stage 1 (a) parallelism is 0; it must be a whole number of at least 1.',
    );
    expect(error({ stages: 'a,10,1\nb,20,1' })).toBe(
      'Funnel cost: stage 2 (b) keeps 20 items but only scores 10; keep must not exceed the items coming in.',
    );
    expect(error({ n: 1000 })).toBe(
      'Funnel cost: stage 1 (ANN retrieval) keeps 2000 items but only scores 1000; keep must not exceed the items coming in.',
    );
    expect(error({ stages: 'a,10,0\nb,5,0' })).toBe(
      'Funnel cost: every stage costs 0 ms per item, so there is no compute to compare; give a stage a positive costPerItemMs.',
    );
  });

  it('refuses more than 8 stages and costs so large they overflow', () => {
    expect(error({ stages: Array.from({ length: 9 }, (_, i) => `s${i},1,1`).join('\n'), n: 10 })).toBe(
      'Paste at most 8 rows.',
    );
    expect(error({ stages: 'a,10,1e306\nb,5,1e306', n: 1e12 })).toBe(
      'Funnel cost: the total compute overflows (Infinity); the inputs are too extreme to compute with. Use smaller values.',
    );
    expect(error({ stages: 'a,10,1e300\nb,5,1e300' })).toBe(
      'Busy cores: the core count overflows (Infinity); the inputs are too extreme to compute with. Use smaller values.',
    );
  });

  it('validates the number boxes', () => {
    expect(fieldProblem(schema.fields.n, '0')).toBe(
      'Candidates entering the funnel (N) must be between 1 and 1000000000000.',
    );
    expect(fieldProblem(schema.fields.n, '1.5')).toBe('Candidates entering the funnel (N) must be a whole number.');
    expect(fieldProblem(schema.fields.n, '1e13')).toBe(
      'Candidates entering the funnel (N) must be between 1 and 1000000000000.',
    );
    expect(fieldProblem(schema.fields.qps, '-1')).toBe('Traffic (requests/s) must be between 0 and 10000000.');
    expect(fieldProblem(schema.fields.budget, '')).toBe('Latency budget (ms) must be a number.');
  });
});
