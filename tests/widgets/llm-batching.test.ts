// The static against continuous batching view: one seeded simulation of Llama-3.1-8B on an H100
// (the schema's step model from the inference chapter) served both ways. Values are the
// simulation's own, pinned by its seed; what they must show is the chapter's claim: continuous
// batching cuts the wait to about one prefill, and past static capacity it also doubles throughput.
import { describe, expect, it } from 'vitest';
import { view } from '../../src/widgets/llm-batching/view.ts';
import { schema } from '../../src/widgets/llm-batching/schema.ts';
import { tableRow, viewHarness } from './harness.ts';

/** The static and continuous cells of the side-by-side row named `name`. */
const row = (markup: string, name: string) => tableRow(markup, name) as [string, string];

const { html, state } = viewHarness(schema, view);
const preset = (label: string) => schema.presets.find((p) => p.label.includes(label))!.state;

const seconds = (text: string) => (text.endsWith(' ms') ? parseFloat(text) / 1000 : parseFloat(text.replace(/,/g, '')));
const count = (text: string) => Number(text.replace(/,/g, ''));

describe('llm batching view', () => {
  it('at 4 requests/s both keep up with the 800 tokens/s asked, and continuous batching answers in tens of ms, not seconds', () => {
    const markup = html(preset('Busy'));
    const [fixedTokens, continuousTokens] = row(markup, 'Output tokens/s').map(count);
    expect(fixedTokens).toBeGreaterThan(0.95 * 800);
    expect(continuousTokens).toBeGreaterThan(0.95 * 800);
    const [fixedTtft, continuousTtft] = row(markup, 'TTFT p95').map(seconds);
    // A 1,000-token prefill takes 32.5 ms; continuous batching adds at most a few steps to it.
    expect(continuousTtft).toBeGreaterThan(0.0325);
    expect(continuousTtft).toBeLessThan(0.1);
    expect(fixedTtft).toBeGreaterThan(100 * continuousTtft);
    expect(markup).toContain('Both keep up, so they emit the same tokens per second');
  });

  it('at 8 requests/s static batching falls behind (its queue grows) while continuous batching serves 1,600 tokens/s', () => {
    const markup = html(preset('Past static capacity'));
    const [fixedTokens, continuousTokens] = row(markup, 'Output tokens/s').map(count);
    expect(fixedTokens).toBeLessThan(0.95 * 1600);
    expect(continuousTokens).toBeGreaterThan(0.95 * 1600);
    expect(markup).toContain('Static batching cannot keep up');
    expect(markup).toMatch(/and 1\.\d× the throughput/);
  });

  it('static batches carry finished rows as padding: more sequences per step than continuous batching at the same load', () => {
    const [fixedBatch, continuousBatch] = row(html(preset('Busy')), 'Sequences generating per step').map(Number);
    expect(fixedBatch).toBeGreaterThan(continuousBatch);
  });

  it('is the same for the same seed and changes with another', () => {
    expect(html({ seed: 7 })).toBe(html({ seed: 7 }));
    expect(row(html({ seed: 7 }), 'TTFT p95')).not.toEqual(row(html({ seed: 8 }), 'TTFT p95'));
  });

  it('with one slot both policies are the same queue', () => {
    const [fixed, continuous] = row(html({ maxBatch: 1, rate: 1 }), 'End to end p50');
    expect(fixed).toBe(continuous);
  });

  it('never lets an extreme input through as NaN or Infinity', () => {
    for (const patch of [
      { rate: 200, output: 4096 },
      { rate: 0.1, requests: 100 },
      { prefill: 0, stepPerSeq: 0 },
    ]) {
      expect(view(state(patch)).ok).toBe(true);
      html(patch);
    }
  });
});
