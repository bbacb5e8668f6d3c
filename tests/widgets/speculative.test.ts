// The speculative decoding calculator's pure view against the serving chapter's worked numbers:
// Leviathan et al.'s E = (1 − α^(γ+1)) / (1 − α) and speedup E / (γc + v), the best draft length,
// the verify cost past the ridge at large batches, and the edge cases (α = 1, a costly drafter).
import { describe, expect, it } from 'vitest';
import { view } from '../../src/widgets/speculative/view.ts';
import { schema } from '../../src/widgets/speculative/schema.ts';
import { readout, viewHarness } from './harness.ts';

const { html } = viewHarness(schema, view);

describe('speculative decoding view: the serving chapter', () => {
  it('α 0.8, γ 4, c 0.05: E = (1 − 0.8^5) / 0.2 = 3.36, speedup 3.36 / 1.2 = 2.80, best γ 8 (3.09)', () => {
    const markup = html({});
    expect(readout(markup, 'Tokens per target pass (E)')).toBe('3.36');
    expect(readout(markup, 'Speedup')).toBe('2.80×');
    expect(readout(markup, 'Verification pass')).toBe('1.00 steps');
    expect(readout(markup, 'Best draft length')).toBe('8 (3.09×)');
    expect(markup).toContain('1 / (1 − α) = 5.00 tokens');
  });

  it('α 0.5: E 1.94, speedup 1.61, best γ 3 (1.63), and 1.43 at γ 8', () => {
    const markup = html({ alpha: 0.5 });
    expect(readout(markup, 'Tokens per target pass (E)')).toBe('1.94');
    expect(readout(markup, 'Speedup')).toBe('1.61×');
    expect(readout(markup, 'Best draft length')).toBe('3 (1.63×)');
    expect(readout(html({ alpha: 0.5, draft: 8 }), 'Speedup')).toBe('1.43×');
  });

  it.each([
    // batch, verify cost, speedup at α 0.8 and at α 0.5 (the "when it stops paying" table, ridge 206 rows)
    [16, '1.00', '2.80', '1.61'],
    [32, '1.00', '2.80', '1.61'],
    [64, '1.55', '1.92', '1.10'],
    [128, '3.11', '1.02', '0.59'],
  ])('batch %i: verify pass %s steps, speedup %s at α 0.8 and %s at α 0.5', (batch, verify, fast, slow) => {
    expect(readout(html({ batch }), 'Verification pass')).toBe(`${verify} steps`);
    expect(readout(html({ batch }), 'Speedup')).toBe(`${fast}×`);
    expect(readout(html({ batch, alpha: 0.5 }), 'Speedup')).toBe(`${slow}×`);
  });

  it('DeepSeek-V3 multi-token prediction: γ 1 at α 0.85 gives E = 1.85', () => {
    expect(readout(html({ alpha: 0.85, draft: 1 }), 'Tokens per target pass (E)')).toBe('1.85');
  });
});

describe('speculative decoding view: edges', () => {
  it('α = 1 accepts every draft: E = γ + 1 and no finite ceiling', () => {
    const markup = html({ alpha: 1 });
    expect(readout(markup, 'Tokens per target pass (E)')).toBe('5.00');
    expect(readout(markup, 'Speedup')).toBe('4.17×');
    expect(markup).not.toContain('1 / (1 − α) =');
  });

  it('α = 0 never accepts a draft: one token per pass and a loss', () => {
    const markup = html({ alpha: 0 });
    expect(readout(markup, 'Tokens per target pass (E)')).toBe('1.00');
    expect(readout(markup, 'Speedup')).toBe('0.83×');
    expect(markup).toContain('speculation is slower than plain decoding');
  });

  it('a drafter as slow as the target: slower from the first draft token', () => {
    expect(html({ cost: 1, alpha: 0.5 })).toContain(
      'From 1 draft token on, speculation is slower than plain decoding.',
    );
  });
});
