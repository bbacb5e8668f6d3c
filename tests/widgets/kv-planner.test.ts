// The KV cache planner's pure view against the inference chapter's "how many sequences fit" table
// (decimal GB, 0.9 of memory, floor of whole tokens and sequences), the serving chapter's 70B
// capacity plan, the GQA/MLA against MHA comparison, and bad input.
import { describe, expect, it } from 'vitest';
import { view } from '../../src/widgets/kv-planner/view.ts';
import { schema } from '../../src/widgets/kv-planner/schema.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);

/** The "sequences that fit at 4k, 32k, 128k" row of the table whose first cell starts with `first`. */
function fitsRow(markup: string, first: string): string[] {
  const row = markup.match(new RegExp(`<tr><th scope="row">${first}[^<]*</th>(.*?)</tr>`))?.[1] ?? '';
  return [...row.matchAll(/<td>([^<]*)<\/td>/g)].map((match) => match[1] as string);
}

describe('kv cache planner view: the inference chapter table', () => {
  it('Llama-3.1-8B, BF16, 1 H100: 128 KiB a token, 16.1 GB of weights, 426,784 tokens, 13 at 32k, 3 at 128k', () => {
    const markup = html({});
    expect(readout(markup, 'KV cache per token')).toBe('131,072 B (128 KiB)');
    expect(readout(markup, 'KV per sequence')).toBe('4 GiB');
    expect(readout(markup, 'Weights')).toBe('16.1 GB');
    expect(readout(markup, 'KV tokens that fit')).toBe('426,784');
    expect(readout(markup, 'Sequences that fit')).toBe('13');
    expect(fitsRow(markup, 'GQA')).toEqual(['104', '13', '3']);
    expect(markup).toContain('<strong>Fits.</strong>');
  });

  it.each([
    // model, weights, gpu, gpus, tokens that fit, sequences at 32k and at 128k (the table's rows)
    ['qwen2.5-7b', 'bf16', 'l4', 1, '111,062', '3', '0'],
    ['qwen2.5-7b', 'bf16', 'h100-sxm', 1, '989,968', '30', '7'],
    ['llama-3.1-70b', 'bf16', 'h100-sxm', 4, '448,280', '13', '3'],
    ['llama-3.1-70b', 'fp8', 'h200-sxm', 1, '171,955', '5', '1'],
    ['llama-3.1-70b', 'fp8', 'b200', 1, '279,071', '8', '2'],
    ['deepseek-v3', 'fp8', 'h200-sxm', 8, '4,898,110', '149', '37'],
  ] as const)(
    '%s in %s on %s x %i: %s tokens, %s at 32k, %s at 128k',
    (model, weights, gpu, gpus, tokens, at32k, at128k) => {
      const markup = html({ model, weights, kv: 'bf16', gpu, gpus, batch: 1 });
      expect(readout(markup, 'KV tokens that fit')).toBe(tokens);
      expect(readout(markup, 'Sequences that fit')).toBe(at32k);
      expect(fitsRow(markup, model === 'deepseek-v3' ? 'MLA' : 'GQA').slice(1)).toEqual([at32k, at128k]);
    },
  );

  it('notes that the MLA row assumes data-parallel attention on several GPUs', () => {
    expect(html({ model: 'deepseek-v3', weights: 'fp8', gpu: 'h200-sxm', gpus: 8 })).toContain(
      'data-parallel attention',
    );
  });
});

describe('kv cache planner view: GQA and MLA against MHA', () => {
  it('Llama-3.1-8B as MHA needs 512 KiB a token, 4x its GQA cache, and fits 3 sequences of 32k', () => {
    const markup = html({ mha: true });
    expect(markup).toContain('524,288 B (512 KiB) a token, <strong>4× as much</strong>');
    expect(fitsRow(markup, 'As MHA')).toEqual(['26', '3', '0']);
  });

  it('DeepSeek-V3 as MHA: about 71x the latent cache, 2 sequences of 32k in the same budget (the chapter: 68,880 tokens)', () => {
    const markup = html({ model: 'deepseek-v3', weights: 'fp8', gpu: 'h200-sxm', gpus: 8, mha: true });
    expect(readout(markup, 'KV cache per token')).toBe('70,272 B (68.6 KiB)');
    expect(markup).toContain('<strong>71.1× as much</strong>');
    expect(fitsRow(markup, 'As MHA')[1]).toBe('2');
  });

  it('has nothing to compare for a model typed in with as many key/value heads as query heads', () => {
    const markup = html({ model: 'custom', layers: 32, heads: 32, kvHeads: 32, headDim: 128, params: 7, mha: true });
    expect(readout(markup, 'KV cache per token')).toBe('524,288 B (512 KiB)');
    expect(markup).toContain('already uses plain multi-head attention');
  });
});

describe('kv cache planner view: the serving capacity plan and failures', () => {
  it('70B with FP8 weights and FP8 KV on one H200: 160 KiB a token, 156 sequences of 2,200 tokens fit, 128 planned', () => {
    const preset = schema.presets.find((p) => p.label.includes('capacity plan'))!;
    const markup = html(preset.state);
    expect(readout(markup, 'KV cache per token')).toBe('163,840 B (160 KiB)');
    expect(readout(markup, 'Weights')).toBe('70.6 GB');
    expect(readout(markup, 'Sequences that fit')).toBe('156');
    expect(readout(markup, 'KV cache, all sequences')).toBe('46.1 GB');
  });

  it('says when the weights alone do not fit: 70B in BF16 on one H200 (141.1 GB against 127 GB usable)', () => {
    const markup = html({ model: 'llama-3.1-70b', weights: 'bf16', gpu: 'h200-sxm', batch: 1 });
    expect(markup).toContain('<strong>Does not fit.</strong> The weights alone take 141 GB');
    expect(readout(markup, 'Sequences that fit')).toBe('0');
  });

  it('says when the batch does not fit: 14 sequences of 32k for the 8B on one H100', () => {
    const markup = html({ batch: 14 });
    expect(markup).toContain('leaves room for 13 sequences of this length');
  });

  it('refuses a typed-in model whose query heads are not a multiple of its key/value heads', () => {
    expect(error({ model: 'custom', heads: 30, kvHeads: 8 })).toContain('must be a multiple of key/value heads');
    expect(view(state({ model: 'custom', heads: 32, kvHeads: 8 })).ok).toBe(true);
  });
});
