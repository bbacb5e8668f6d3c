// The fine-tuning memory calculator's pure view against the fine-tuning chapter's LoRA and QLoRA
// arithmetic for Llama-3.1-8B and -70B (rank 16 on all seven projections, mixed-precision Adam at
// 16 bytes per trained parameter, NF4 blocks at 4.127 bits with double quantization, BF16 embeddings
// and head) and its separately labeled activation estimate (one 4,096-token sequence).
import { describe, expect, it } from 'vitest';
import { TARGET_SETS, view } from '../../src/widgets/fine-tuning/view.ts';
import { schema } from '../../src/widgets/fine-tuning/schema.ts';
import { readout, viewHarness } from './harness.ts';

const { html } = viewHarness(schema, view);

describe('fine-tuning memory view: the chapter table', () => {
  it('8B LoRA, rank 16, all projections: 41.9M trainable (32 × 1,310,720), 16.7 GB of states, about 20.6 GB in all', () => {
    const markup = html({});
    expect(readout(markup, 'Trainable parameters')).toBe('41.9M');
    expect(markup).toContain('0.52% of 8.03B');
    expect(readout(markup, 'Model states')).toBe('16.7 GB');
    expect(readout(markup, 'Activations (rough)')).toBe('3.86 GB');
    expect(readout(markup, 'Total')).toBe('20.6 GB');
    // Only the adapters carry gradients (2 bytes) and Adam states (12 bytes): 41.9M × 14 = 0.59 GB.
    expect(readout(markup, 'Gradients')).toBe('83.9 MB');
    expect(readout(markup, 'Optimizer states')).toBe('503 MB');
  });

  it.each([
    // model, method, model states, total with activations (the chapter's table)
    ['llama-3.1-8b', 'full', '128 GB', '132 GB'],
    ['llama-3.1-8b', 'qlora', '6.37 GB', '10.2 GB'],
    ['llama-3.1-70b', 'full', '1,129 GB', '1,138 GB'],
    ['llama-3.1-70b', 'lora', '144 GB', '153 GB'],
    ['llama-3.1-70b', 'qlora', '42.8 GB', '51.7 GB'],
  ] as const)('%s %s: %s of model states, %s with activations', (model, method, states, total) => {
    const markup = html({ model, method });
    expect(readout(markup, 'Model states')).toBe(states);
    expect(readout(markup, 'Total')).toBe(total);
  });

  it('70B QLoRA: 207M adapter parameters (0.29%); one H100 holds it, a 24 GB L4 does not', () => {
    const markup = html({ model: 'llama-3.1-70b', method: 'qlora' });
    expect(readout(markup, 'Trainable parameters')).toBe('207M');
    expect(markup).toContain('0.29% of 70.6B');
    expect(markup).toContain('the smallest GPU here that holds it is one H100 SXM');
    expect(markup).toMatch(/L4<\/th><td>24 GB<\/td><td>over by/);
  });

  it('double quantization saves 0.373 bits on each of the 68.45B block weights: 3.19 GB for the 70B', () => {
    expect(readout(html({ model: 'llama-3.1-70b', method: 'qlora', dq: false }), 'Model states')).toBe('46 GB');
  });

  it('activations: 2.21 GB at 1,024 tokens for the 70B (45.0 GB in all); 24.1 GB without checkpointing for the 8B', () => {
    const short = html({ model: 'llama-3.1-70b', method: 'qlora', seq: 1024 });
    expect(readout(short, 'Activations (rough)')).toBe('2.21 GB');
    expect(readout(short, 'Total')).toBe('45 GB');
    // 164 KiB a token a layer × 4,096 × 32 = 22.0 GB, plus 2.10 GB of FP32 logits.
    expect(readout(html({ ckpt: false }), 'Activations (rough)')).toBe('24.1 GB');
  });
});

describe('fine-tuning memory view: rank and targets', () => {
  it('the LoRA paper’s choice, q and v at rank 8 on the 8B: 32 × 8 × (8,192 + 5,120) = 3.41M', () => {
    expect(readout(html({ targets: 'qv', rank: 8 }), 'Trainable parameters')).toBe('3.41M');
    expect(TARGET_SETS.qv).toEqual(['q_proj', 'v_proj']);
  });

  it('trainable parameters grow linearly with the rank', () => {
    expect(readout(html({ rank: 32 }), 'Trainable parameters')).toBe('83.9M');
    expect(readout(html({ rank: 1 }), 'Trainable parameters')).toBe('2.62M');
  });
});
