// The LLM latency and cost calculator's pure view against the inference chapter's single request
// and throughput table and the serving chapter's 70B capacity plan (a roofline with MFU 0.5 or
// 0.4 for prefill and MBU 0.7 for decode), the utilization term of the cost, and bad input.
import { describe, expect, it } from 'vitest';
import { view } from '../../src/widgets/llm-latency/view.ts';
import { schema } from '../../src/widgets/llm-latency/schema.ts';
import { readout, viewHarness } from './harness.ts';

const { html, error } = viewHarness(schema, view);
const preset = (label: string) => schema.presets.find((p) => p.label.includes(label))!.state;

describe('llm latency view: the inference chapter', () => {
  it('one request, 8B in BF16 on an H100: TTFT 33 ms, TPOT 6.9 ms, about 145 tokens/s, 2.1 s end to end', () => {
    const markup = html(preset('One request'));
    expect(readout(markup, 'TTFT (one prompt)')).toBe('33.0 ms');
    expect(readout(markup, 'TPOT at batch 1')).toBe('6.91 ms');
    expect(readout(markup, 'Per-user speed')).toBe('145 tokens/s');
    expect(readout(markup, 'End to end')).toBe('2.10 s');
    // Prefill is compute-bound and a decode step memory-bound.
    expect(markup).toMatch(/Prefill of one prompt<\/th><td>33.0 ms<\/td><td>6.85 ms<\/td><td>compute-bound/);
    expect(markup).toMatch(/Decode step, batch 1<\/th><td>0.03 ms<\/td><td>6.91 ms<\/td><td>memory-bound/);
  });

  it.each([
    // batch, TPOT, GPU throughput (the throughput table, every sequence holding 2,000 tokens)
    [1, '7.0', '144'],
    [16, '8.6', '1,852'],
    [64, '14.0', '4,570'],
    [117, '19.9', '5,871'],
    [213, '30.7', '6,947'],
  ])('batch %i at 2,000 tokens of context: TPOT %s ms, %s tokens/s', (batch, tpot, throughput) => {
    const markup = html({ ...preset('batch 64'), batch });
    // The chapter rounds to 0.1 ms; the readout shows three digits.
    expect(parseFloat(readout(markup, `TPOT at batch ${batch}`) ?? '').toFixed(1)).toBe(tpot);
    expect(readout(markup, 'Replica output')).toBe(`${throughput} tokens/s`);
    expect(readout(markup, 'Largest batch that fits')).toBe('213');
  });
});

describe('llm latency view: the serving capacity plan and cost', () => {
  it('70B FP8 on an H200 at batch 128: a 363 ms prompt, a 34.7 ms step, 3,686 tokens/s, memory-bound', () => {
    const markup = html(preset('capacity plan'));
    expect(readout(markup, 'TTFT (one prompt)')).toBe('363 ms');
    expect(readout(markup, 'TPOT at batch 128')).toBe('34.7 ms');
    expect(readout(markup, 'Replica output')).toBe('3,686 tokens/s');
    expect(readout(markup, 'Largest batch that fits')).toBe('156');
    expect(markup).toContain('Decode is memory-bound');
  });

  it('cost per million output tokens = price x GPUs / (tokens/s x 3600 x utilization) x 10^6, so halving the load doubles it', () => {
    // $3.50 / (3,686 tokens/s x 3,600 s) x 10^6 = $0.264 at full load, $0.659 at 40%.
    const full = html({ ...preset('capacity plan'), util: 1 });
    expect(readout(full, '$ per 1M output tokens at 100% load')).toBe('$0.264');
    const busy = html(preset('capacity plan'));
    expect(readout(busy, '$ per 1M output tokens at 40% load')).toBe('$0.659');
    expect(readout(busy, 'At full load')).toBe('$0.264');
    const one = html(preset('One request'));
    expect(readout(one, '$ per 1M output tokens at 50% load')).toBe('$9.60');
    expect(readout(html({ ...preset('One request'), util: 0.25 }), '$ per 1M output tokens at 25% load')).toBe(
      '$19.20',
    );
  });

  it('marks the batch where decode turns compute-bound when memory allows it (FP8 KV, short contexts)', () => {
    const markup = html({ ...preset('One request'), prompt: 100, output: 100, kv: 'fp8', batch: 512 });
    expect(markup).toMatch(/compute-bound from a batch of [\d,]+/);
  });
});

describe('llm latency view: bad input', () => {
  it('says when the weights leave no room for a sequence: 70B in BF16 on one H100', () => {
    expect(error({ model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h100-sxm', gpus: 1 })).toContain(
      'leave no room for even one sequence',
    );
  });

  it('refuses a typed-in model whose heads do not divide evenly', () => {
    expect(error({ model: 'custom', heads: 30, kvHeads: 8 })).toContain('must be a multiple of key/value heads');
  });
});
