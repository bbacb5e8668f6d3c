// A preset gives a whole scenario (probe C6): the fields presets set take its value or the default,
// so nothing lingers from an earlier preset, while the reader's own settings (fields no preset
// sets) and the text they typed stay unless the preset sets them.
import { describe, expect, it } from 'vitest';
import { defaultState, presetState } from '../../../src/widgets/kit/schema.ts';
import { schema as abTest } from '../../../src/widgets/ab-test/schema.ts';
import { schema as crossEntropy } from '../../../src/widgets/cross-entropy/schema.ts';
import { schema as judge } from '../../../src/widgets/judge-agreement/schema.ts';
import { schema as thresholds } from '../../../src/widgets/threshold-explorer/schema.ts';

const preset = <S extends { presets: readonly { label: string; state: object }[] }>(schema: S, label: string) =>
  schema.presets.find((p) => p.label === label)!.state;

describe('presetState', () => {
  it('leaves nothing of an earlier preset: a planning preset, then an analysis one, is the analysis preset alone', () => {
    const planned = presetState(abTest, defaultState(abTest), preset(abTest, 'Small startup traffic'));
    expect(planned).toMatchObject({ p0: 0.03, mde: 0.1, mdeKind: 'rel', traffic: 800 });
    const analyzed = presetState(abTest, planned, preset(abTest, 'A clear winner'));
    expect(analyzed).toEqual({ ...defaultState(abTest), ...preset(abTest, 'A clear winner') });
  });

  it("keeps the reader's own settings, which no preset sets", () => {
    const inBits = { ...defaultState(crossEntropy), unit: 'bits' as const };
    const next = presetState(crossEntropy, inBits, crossEntropy.presets[0]!.state);
    expect(next).toEqual({ ...defaultState(crossEntropy), ...crossEntropy.presets[0]!.state, unit: 'bits' });
  });

  it("keeps the reader's pasted text when the preset does not set it", () => {
    const pasted = { ...defaultState(thresholds), data: 'custom' as const, csv: '0.9,1\n0.2,0', costFn: 9 };
    const next = presetState(thresholds, pasted, preset(thresholds, 'Imbalanced fraud'));
    expect(next).toEqual({
      ...defaultState(thresholds),
      ...preset(thresholds, 'Imbalanced fraud'),
      csv: '0.9,1\n0.2,0',
    });
  });

  it("replaces another preset's text, and keeps typed text, when the preset leaves that text alone", () => {
    const rare = preset(judge, 'Rare failures: 92.5% raw agreement') as { labels: string };
    const pairs = preset(judge, '400 pairs, both orders');
    const afterRare = presetState(judge, presetState(judge, defaultState(judge), rare), pairs);
    expect(afterRare.labels).toBe(defaultState(judge).labels);
    const typed = { ...defaultState(judge), labels: 'judge,human,count\npass,pass,3' };
    expect(presetState(judge, typed, pairs).labels).toBe('judge,human,count\npass,pass,3');
    expect(presetState(judge, typed, rare).labels).toBe(rare.labels);
  });
});
