// The judge agreement calculator's pure view against the evaluation chapter's worked examples: 200
// answers (judge against expert, κ = (0.80 − 0.579) / (1 − 0.579) = 0.53, as scikit-learn's
// cohen_kappa_score gives for these counts: 0.5252) and 400 pairs judged in both orders of which 68
// flip (17%); then label types, one class only, and pasted text it cannot read.
import { describe, expect, it } from 'vitest';
import { view } from '../../src/widgets/judge-agreement/view.ts';
import { schema } from '../../src/widgets/judge-agreement/schema.ts';
import { readout, tableRow, viewHarness } from './harness.ts';

const { html, error } = viewHarness(schema, view);

describe('judge agreement view: labels', () => {
  it('200 answers: 80% raw agreement, 57.9% by chance, kappa 0.525, moderate, and the confusion matrix', () => {
    const markup = html({});
    expect(readout(markup, 'Items')).toBe('200');
    expect(readout(markup, 'Raw agreement')).toBe('80.0%');
    expect(readout(markup, 'Chance agreement')).toBe('57.9%');
    expect(readout(markup, 'Cohen&#39;s kappa')).toBe('0.525');
    expect(readout(markup, 'Reading')).toBe('moderate');
    expect(tableRow(markup, 'Judge: pass')).toEqual(['25', '120', '145']);
    expect(tableRow(markup, 'Judge: fail')).toEqual(['40', '15', '55']);
    // The chapter's second point: the judge passes 72.5% against the expert's 67.5%.
    expect(markup).toContain('off by about 5.0 points');
  });

  it('rare failures: 92.5% raw agreement is only fair agreement beyond chance (κ 0.365)', () => {
    const preset = schema.presets.find((p) => p.label.startsWith('Rare failures'))!;
    const markup = html(preset.state);
    expect(readout(markup, 'Raw agreement')).toBe('92.5%');
    expect(readout(markup, 'Cohen&#39;s kappa')).toBe('0.365');
    expect(readout(markup, 'Reading')).toBe('fair');
  });

  it('takes any labels, one item a line: three classes give κ = (0.6 − 0.36) / (1 − 0.36) = 0.375', () => {
    // judge 1, 2, 3, 1, 2 against human 1, 2, 1, 1, 3: p_o = 3/5, p_e = (2·3 + 2·1 + 1·1) / 25.
    const markup = html({ labels: 'judge,human\n1,1\n2,2\n3,1\n1,1\n2,3' });
    expect(readout(markup, 'Cohen&#39;s kappa')).toBe('0.375');
    expect(readout(markup, 'Chance agreement')).toBe('36.0%');
  });

  it('explains why kappa is undefined when both raters used one label only', () => {
    expect(error({ labels: 'pass,pass,10' })).toContain('Cohen&#39;s kappa is undefined');
  });

  it('names the line it cannot read and refuses all-zero counts', () => {
    expect(error({ labels: 'pass,pass\npass,fail\nbad' })).toBe('Line 3 needs 2 values (judge,human).');
    expect(error({ labels: 'pass,pass,0' })).toBe('Every count is 0: give at least one item.');
  });
});

describe('judge agreement view: pairs in both orders', () => {
  const pairs = { mode: 'pairs' } as const;

  it('400 pairs, 68 flip: a 17% flip rate, 83% consistent, split 40 toward the first shown and 28 toward the second', () => {
    const markup = html(pairs);
    expect(readout(markup, 'Pairs')).toBe('400');
    expect(readout(markup, 'Flip rate')).toBe('17.0%');
    expect(readout(markup, 'Consistent')).toBe('83.0%');
    expect(readout(markup, 'Flips to the first shown')).toBe('10.0%');
    expect(readout(markup, 'Flips to the second shown')).toBe('7.0%');
    expect(tableRow(markup, 'A first: A')).toEqual(['170', '40', '0']);
  });

  it('counts a change between a win and a tie as a flip of its own kind', () => {
    const markup = html({ ...pairs, pairs: 'A,A\nB,A\ntie,B\nA,tie' });
    expect(readout(markup, 'Flip rate')).toBe('75.0%');
    expect(readout(markup, 'Flips to the second shown')).toBe('25.0%');
    expect(readout(markup, 'Win against tie flips')).toBe('50.0%');
  });

  it('refuses a verdict that is not A, B or tie', () => {
    expect(error({ ...pairs, pairs: 'A,A\nC,A' })).toContain('Line 2: &#34;C&#34; is not a verdict');
  });
});
