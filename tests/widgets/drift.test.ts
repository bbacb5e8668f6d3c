// The drift detector's pure view: presets, the chapter's worked PSI example, and bad input.
import { describe, expect, it } from 'vitest';
import { analyse, comparisonRows, view } from '../../src/widgets/drift/view.ts';
import { fmtP } from '../../src/widgets/kit/format.ts';
import { readout, viewHarness } from './harness.ts';
import { schema } from '../../src/widgets/drift/schema.ts';
import type { StateOf } from '../../src/widgets/kit/schema.ts';
import { escapeHtml } from '../../src/widgets/kit/format.ts';
import { driftScenario } from '../../src/lib/datasets/drift-scenarios.ts';
import { binSamples } from '../../src/lib/drift/two-sample.ts';
import { psi } from '../../src/lib/drift/psi.ts';

type State = StateOf<typeof schema>;
const { state, html, error } = viewHarness(schema, view);

// The chapter's worked example (basket value, five bins) as pasted samples on equal-width bins
// over [0, 5]: reference counts 2 4 8 4 2 (shares 0.10 0.20 0.40 0.20 0.10), current 1 3 7 5 4.
const REF = ['0', '0.5', ...Array(4).fill('1.5'), ...Array(8).fill('2.5'), ...Array(4).fill('3.5'), '4.5', '5'].join(
  ', ',
);
const CUR = [
  '0.5',
  ...Array(3).fill('1.5'),
  ...Array(7).fill('2.5'),
  ...Array(5).fill('3.5'),
  '4.5',
  '4.5',
  '4.5',
  '5',
].join('\n');
const worked = state({ scenario: 'pasted', ref: REF, cur: CUR, bins: 5, binning: 'equal' });

describe('drift view', () => {
  it('reproduces the chapter example: PSI 0.136 and its terms, computed by hand', () => {
    const out = html(worked);
    // Σ (a - e) ln(a / e) = 0.0347 + 0.0144 + 0.0067 + 0.0112 + 0.0693 = 0.1362 (numpy: 0.13618992790351747).
    expect(readout(out, 'PSI')).toBe('0.136');
    expect(readout(out, 'PSI band')).toBe('Watch');
    for (const term of ['0.0347', '0.0144', '0.0067', '0.0112', '0.0693']) expect(out).toContain(`<td>${term}</td>`);
    // KL both ways, as the chapter states (scipy.stats.entropy: 0.06987, 0.06632); JS from scipy.
    expect(readout(out, 'KL(current ‖ reference)')).toBe('0.070');
    expect(readout(out, 'KL(reference ‖ current)')).toBe('0.066');
    expect(readout(out, 'JS divergence')).toBe('0.017');
    // scipy.stats.chi2_contingency(correction=False): 1.3206, p 0.8579, 4 dof; ks_2samp: D 0.15, p 0.9831.
    expect(readout(out, 'χ² (4 dof)')).toBe('1.3');
    expect(readout(out, 'χ² p-value')).toBe('0.858');
    expect(readout(out, 'KS statistic')).toBe('0.150');
    expect(readout(out, 'KS p-value')).toBe('0.983');
    expect(out).toContain('Bin 5 (4.00 to 5.00) gives 51% of it.');
    expect(out).toContain('with 20 rows per window, noise alone gives a PSI of about 0.400');
    expect(out).toContain('cannot rule out chance');
    expect(out).toContain('With 10× as many rows from the same two distributions');
  });

  it('renders the default scenario with numbers from src/lib, and the same scenario at 10× the rows', () => {
    const out = html(state());
    const psiAt = (n: number) => {
      const w = driftScenario('mean', { n, seed: 2 });
      if (w.kind !== 'numeric') throw new Error('numeric expected');
      const b = binSamples(w.reference, w.current, 10, 'quantile');
      return psi(b.reference, b.current);
    };
    expect(readout(out, 'PSI')).toBe(psiAt(1000).toFixed(3));
    expect(out).toContain(`<tr><th scope="row">10,000</th><td>${psiAt(10000).toFixed(3)}</td>`);
    expect(out).toContain('The same scenario with 10× the rows');
    expect(out).toMatch(/PSI goes from 0\.3\d\d to 0\.3\d\d while the KS p-value goes from 4\.2e-26 to/);
  });

  it('answers a state it has seen before as it did the first time, each setting kept apart', () => {
    // States one setting apart, then again in another order: each answer is the analysis of its own
    // windows (the view keeps its last analyses, so a key that left out a setting would show here).
    const states: Partial<State>[] = [
      { n: 1100 },
      { n: 1200 },
      { n: 1100, strength: 0.5 },
      { n: 1100, seed: 3 },
      { n: 1100, bins: 5 },
      { n: 1100, binning: 'equal' },
      { n: 1100, scenario: 'variance' },
    ];
    const first = states.map((patch) => html(patch));
    [...states].reverse().forEach((patch, i) => expect(html(patch)).toBe(first[states.length - 1 - i]));
    states.forEach((patch, i) => {
      const s = state(patch);
      const windows = driftScenario(s.scenario as 'mean', { n: s.n, strength: s.strength, seed: s.seed });
      const expected = analyse(windows, s.bins, s.binning as 'quantile' | 'equal');
      expect(readout(first[i] as string, 'PSI')).toBe(expected.psi.toFixed(3));
      expect(readout(first[i] as string, 'KS statistic')).toBe(expected.ks?.statistic.toFixed(3));
    });
    expect(new Set(first.map((markup) => readout(markup, 'PSI'))).size).toBeGreaterThan(4);
  });

  it('compares with a tenth of the rows above 10,000 rows', () => {
    expect(comparisonRows(1000)).toBe(10000);
    expect(comparisonRows(10000)).toBe(100000);
    expect(comparisonRows(50000)).toBe(5000);
    expect(html(state({ n: 20000 }))).toContain('The same scenario with a tenth of the rows');
  });

  it('schema.presets tell their stories', () => {
    const [noDrift, tiny, category] = schema.presets.map((p) => html(state(p.state as Partial<State>)));
    expect(readout(noDrift, 'PSI band')).toBe('Watch');
    expect(noDrift).toContain('cannot rule out chance');
    expect(readout(tiny, 'PSI band')).toBe('Stable');
    expect(tiny).toContain('Stable, though detectable.');
    expect(readout(category, 'KL(current ‖ reference)')).toBe('∞');
    expect(readout(category, 'KS p-value')).toBe('n/a');
    expect(category).toContain('KL(current ‖ reference) is infinite: bin BNPL is empty in the reference');
    expect(category).toContain('The reference never saw BNPL');
    expect(category).toContain('Category BNPL gives 98% of it.');
  });

  it('uses categories as bins for the new-category scenario', () => {
    const w = driftScenario('category', { n: 1000, seed: 2 });
    const a = analyse(w, 10, 'quantile');
    expect(a.labels).toEqual(['Card', 'Wallet', 'Bank', 'Gift card', 'BNPL']);
    expect(a.ks).toBeNull();
    expect(a.reference).toEqual(w.reference);
  });

  it('never prints NaN or Infinity, for any scenario, binning and strength', () => {
    for (const scenario of Object.keys(schema.fields.scenario.values) as State['scenario'][])
      for (const binning of Object.keys(schema.fields.binning.values) as State['binning'][])
        for (const strength of [0, 1, 3]) {
          const r = view(state({ scenario, binning, strength, n: 200, bins: 20 }));
          expect(r.ok, `${scenario} ${binning} ${strength}`).toBe(true);
          if (r.ok) expect(r.html + r.summary).not.toMatch(/NaN|Infinity|undefined/);
        }
  });

  it('answers bad pasted input with a message', () => {
    expect(error(state({ scenario: 'pasted', ref: '1, 2, abc' }))).toBe(
      escapeHtml('Reference sample: "abc" (value 3) is not a number.'),
    );
    expect(error(state({ scenario: 'pasted', cur: '  ' }))).toBe(
      'Current sample: paste at least 2 numbers, one per line or separated by commas.',
    );
    expect(error(state({ scenario: 'pasted', cur: '7' }))).toBe(
      'Current sample: paste at least 2 numbers, one per line or separated by commas.',
    );
    expect(error(state({ scenario: 'pasted', ref: '5, 5, 5', cur: '5, 5' }))).toBe(
      'Binning: every value falls in one bin, so there is no distribution to compare; the samples need more distinct values.',
    );
    expect(error(state({ scenario: 'pasted', ref: '5, 5, 5', cur: '5, 5', binning: 'equal' }))).toBe(
      'Equal-width edges: every value is 5; equal-width bins need at least two distinct values.',
    );
    expect(error(state({ scenario: 'pasted', ref: '1, Infinity' }))).toBe(
      escapeHtml('Reference sample: "Infinity" (value 2) is not a number.'),
    );
  });

  it('notes merged quantile bins for tied values', () => {
    expect(html(state({ scenario: 'pasted', ref: '1,1,1,1,2,3', cur: '1,2,3,3', bins: 6 }))).toContain(
      'Tied values merged some quantile bins',
    );
  });
});

describe('fmtP', () => {
  it('prints p-values readably and refuses NaN', () => {
    expect(fmtP(0.4567)).toBe('0.457');
    expect(fmtP(0.001)).toBe('0.001');
    expect(fmtP(0.000123)).toBe('1.2e-4');
    expect(fmtP(2.13e-230)).toBe('2.1e-230');
    expect(fmtP(0)).toBe('< 1e-300');
    expect(() => fmtP(NaN)).toThrow();
  });
});
