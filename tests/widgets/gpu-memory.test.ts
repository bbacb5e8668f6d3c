// The GPU memory calculator's pure view: the ZeRO paper's and the scaling chapter's numbers,
// weights-only inference, the card table, the rough activation estimate, and bad input.
import { describe, expect, it } from 'vitest';
import { fmtBytes, fmtParams, paramCount, view } from '../../src/widgets/gpu-memory/view.ts';
import { schema } from '../../src/widgets/gpu-memory/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);
type State = ReturnType<typeof state>;

/** The text of the card table's row for a card size, tags removed. */
function cardRow(markup: string, gb: number): string {
  const row = markup.match(new RegExp(`<tr><th scope="row">${gb} GB .*?</tr>`))?.[0] ?? '';
  return row
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('gpu memory view: inference, weights only', () => {
  it('7B parameters in fp16 take 14 GB; fp32 28 GB, int8 7 GB, int4 3.5 GB (2, 4, 1, 0.5 bytes a parameter)', () => {
    expect(readout(html({ mode: 'inference', params: 7, dtype: 'fp16' }), 'Weights (fp16)')).toBe('14 GB');
    expect(readout(html({ mode: 'inference', params: 7, dtype: 'bf16' }), 'Weights (bf16)')).toBe('14 GB');
    expect(readout(html({ mode: 'inference', params: 7, dtype: 'fp32' }), 'Weights (fp32)')).toBe('28 GB');
    expect(readout(html({ mode: 'inference', params: 7, dtype: 'int8' }), 'Weights (int8)')).toBe('7 GB');
    expect(readout(html({ mode: 'inference', params: 7, dtype: 'int4' }), 'Weights (int4)')).toBe('3.5 GB');
  });

  it('marks which cards hold 70B in int4 (35 GB) and counts 80 GB cards for fp16 (140 GB -> 2)', () => {
    const int4 = html({ mode: 'inference', params: 70, dtype: 'int4' });
    expect(cardRow(int4, 24)).toBe('24 GB (RTX 4090, L4, A10) does not fit 11 GB over');
    expect(cardRow(int4, 40)).toBe('40 GB (A100 40GB) fits 5 GB spare');
    expect(cardRow(int4, 80)).toBe('80 GB (A100 80GB, H100) fits 45 GB spare');
    const fp16 = html({ mode: 'inference', params: 70, dtype: 'fp16' });
    expect(readout(fp16, 'Weights (fp16)')).toBe('140 GB');
    expect(readout(fp16, '80 GB cards for the weights')).toBe('2');
    const result = view(state({ mode: 'inference', params: 70, dtype: 'int4' }));
    expect(result.ok && result.summary).toBe('70B parameters in int4: 35 GB of weights; fits on one 40 or 80 GB card.');
  });

  it('rounds the parameter count to a whole number (7.2B) and shows small models in MB', () => {
    expect(paramCount(7.2)).toBe(7_200_000_000);
    expect(readout(html({ mode: 'inference', params: 7.2, dtype: 'fp16' }), 'Weights (fp16)')).toBe('14.4 GB');
    expect(readout(html({ mode: 'inference', params: 0.125, dtype: 'int4' }), 'Weights (int4)')).toBe('62.5 MB');
    expect(fmtParams(125e6)).toBe('125M');
    expect(fmtParams(1.5e9)).toBe('1.5B');
    expect(fmtBytes(1120e9)).toBe('1,120 GB');
  });
});

describe('gpu memory view: training with ZeRO', () => {
  it('mixed-precision Adam, 1.5B parameters: 16 bytes a parameter = 24 GB per GPU without sharding', () => {
    const markup = html({});
    expect(readout(markup, 'Weights per GPU')).toBe('3 GB');
    expect(readout(markup, 'Gradients per GPU')).toBe('3 GB');
    expect(readout(markup, 'Optimizer states per GPU')).toBe('18 GB');
    expect(readout(markup, 'Model states per GPU')).toBe('24 GB');
    expect(markup).toContain('16 bytes a parameter');
    expect(markup).toContain('ZeRO-3 would cut it to 3 GB');
    expect(cardRow(markup, 24)).toBe('24 GB (RTX 4090, L4, A10) fits with nothing to spare');
    const result = view(state({}));
    expect(result.ok && result.summary).toBe(
      '1.5B parameters, mixed-precision Adam, ZeRO stage 0 on 8 GPUs: 24 GB of model states per GPU; fits on one 24, 40 or 80 GB card.',
    );
  });

  it("reproduces the chapter's table for 8 GPUs: 8.25, 5.63 and 3 GB at stages 1, 2 and 3", () => {
    expect(readout(html({ zero: 1 }), 'Model states per GPU')).toBe('8.25 GB');
    expect(readout(html({ zero: 2 }), 'Model states per GPU')).toBe('5.63 GB');
    expect(readout(html({ zero: 3 }), 'Model states per GPU')).toBe('3 GB');
    expect(html({ zero: 2 })).toContain('4.3× less than the 24 GB of plain data parallelism');
  });

  it('matches the ZeRO paper (7.5B, 64 GPUs): 120, 31.4, 16.6 and 1.88 GB', () => {
    const at = (zero: number) => readout(html({ params: 7.5, gpus: 64, zero }), 'Model states per GPU');
    expect([0, 1, 2, 3].map(at)).toEqual(['120 GB', '31.4 GB', '16.6 GB', '1.88 GB']);
  });

  it('counts fp32 Adam as 16 bytes and plain fp32 SGD as 8 bytes a parameter', () => {
    expect(readout(html({ params: 0.125, precision: 'fp32', gpus: 1 }), 'Model states per GPU')).toBe('2 GB');
    expect(readout(html({ params: 1, precision: 'fp32', optimizer: 'sgd', gpus: 1 }), 'Optimizer states per GPU')).toBe(
      '0 MB',
    );
    expect(readout(html({ params: 1, precision: 'fp32', optimizer: 'sgd', gpus: 1 }), 'Model states per GPU')).toBe(
      '8 GB',
    );
  });

  it('says that one GPU has nothing to shard', () => {
    expect(html({ zero: 3, gpus: 1 })).toContain('With one GPU there is nothing to shard');
    expect(readout(html({ zero: 3, gpus: 1 }), 'Model states per GPU')).toBe('24 GB');
  });

  it('renders every preset', () => {
    const totals = schema.presets.map((p) => {
      const markup = html(p.state as Partial<State>);
      return (
        readout(markup, 'Model states per GPU') ?? readout(markup, `Weights (${(p.state as { dtype?: string }).dtype})`)
      );
    });
    expect(totals).toEqual(['2 GB', '5.63 GB', '14 GB', '35 GB', '17.5 GB']);
  });
});

describe('gpu memory view: the rough activation estimate', () => {
  it('GPT-2 XL shape (48 layers, h 1600, 25 heads, s 1024): 48 × s·b·h·(34 + 5as/h) = 8.97 GB', () => {
    const markup = html({ act: true });
    expect(readout(markup, 'Activations per GPU (rough)')).toBe('8.97 GB');
    expect(readout(markup, 'States + activations')).toBe('33 GB');
    expect(markup).toContain('Rough activation estimate');
    // Kept separate from the model states.
    expect(readout(markup, 'Model states per GPU')).toBe('24 GB');
    expect(cardRow(markup, 40)).toBe('40 GB (A100 40GB) fits 16 GB spare fits 7.03 GB spare');
  });

  it('shrinks with recomputation: selective 34 a layer (2.67 GB), full 2 a layer (157 MB)', () => {
    expect(readout(html({ act: true, recompute: 'selective' }), 'Activations per GPU (rough)')).toBe('2.67 GB');
    expect(readout(html({ act: true, recompute: 'full' }), 'Activations per GPU (rough)')).toBe('157 MB');
  });

  it('is left out of inference and when unticked', () => {
    expect(html({ act: false })).not.toContain('Activations per GPU');
    expect(html({ act: true, mode: 'inference' })).not.toContain('Activations per GPU');
  });
});

describe('gpu memory view: bad input', () => {
  it('refuses empty, zero, negative, non-numeric and fractional values with a message', () => {
    expect(fieldProblem(schema.fields.params, '')).toBe('Parameters (billions) must be a number.');
    expect(fieldProblem(schema.fields.params, 'seven')).toBe('Parameters (billions) must be a number.');
    expect(fieldProblem(schema.fields.params, '0')).toBe('Parameters (billions) must be between 0.001 and 2000.');
    expect(fieldProblem(schema.fields.params, '-7')).toBe('Parameters (billions) must be between 0.001 and 2000.');
    expect(fieldProblem(schema.fields.gpus, '0')).toBe('Data-parallel GPUs must be between 1 and 1024.');
    expect(fieldProblem(schema.fields.gpus, '2.5')).toBe('Data-parallel GPUs must be a whole number.');
    expect(fieldProblem(schema.fields.zero, '4')).toBe('ZeRO stage must be between 0 and 3.');
    expect(fieldProblem(schema.fields.dtype, 'fp8')).toBe(
      'Weight format must be one of: fp32, fp16, bf16, int8, int4.',
    );
  });

  it('passes on the library message when the heads do not divide the hidden size', () => {
    expect(error({ act: true, heads: 24 })).toBe(
      'Activation memory: hiddenSize 1600 is not divisible by heads 24; each head needs hiddenSize / heads dimensions.',
    );
  });
});
