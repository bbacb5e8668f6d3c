// The fairness explorer's pure view: presets, per-group thresholds, policies, and bad input.
import { describe, expect, it } from 'vitest';
import {
  PRESET_GROUPS,
  PRESET_SEED,
  policyState,
  view,
  parseGroupThresholds,
} from '../../src/widgets/fairness/view.ts';
import { readout, viewHarness } from './harness.ts';
import { schema } from '../../src/widgets/fairness/schema.ts';
import type { StateOf } from '../../src/widgets/kit/schema.ts';
import { escapeHtml } from '../../src/widgets/kit/format.ts';
import { groupScores } from '../../src/lib/datasets/groups.ts';
import { predictWithThresholds, policyThresholds, thresholdSweep } from '../../src/lib/fairness/policies.ts';
import {
  demographicParityDifference,
  demographicParityRatio,
  equalOpportunityDifference,
  equalizedOddsDifference,
  predictiveParityDifference,
} from '../../src/lib/fairness/disparity.ts';

type State = StateOf<typeof schema>;
const { state, html, error } = viewHarness(schema, view);

/** The gaps src/lib computes for a preset at the given thresholds, as the view prints them. */
function expected(data: string, thresholds: Record<string, number>) {
  const d = groupScores(PRESET_GROUPS[data], PRESET_SEED);
  const yPred = predictWithThresholds(d.scores, d.groups, thresholds);
  return {
    dpDiff: demographicParityDifference(d.yTrue, yPred, d.groups).toFixed(3),
    dpRatio: demographicParityRatio(d.yTrue, yPred, d.groups).toFixed(3),
    eo: equalOpportunityDifference(d.yTrue, yPred, d.groups).toFixed(3),
    eodds: equalizedOddsDifference(d.yTrue, yPred, d.groups).toFixed(3),
    pp: predictiveParityDifference(d.yTrue, yPred, d.groups).toFixed(3),
  };
}

describe('fairness view', () => {
  it('shows the gaps src/lib computes, with one threshold for everyone', () => {
    const out = html(state());
    const e = expected('different', { A: 0.5, B: 0.5 });
    expect(readout(out, 'Selection-rate gap (DP difference)')).toBe(e.dpDiff);
    expect(readout(out, 'Selection-rate ratio (DP ratio)')).toBe(e.dpRatio);
    expect(readout(out, 'TPR gap (equal opportunity)')).toBe(e.eo);
    expect(readout(out, 'Equalized odds difference')).toBe(e.eodds);
    expect(readout(out, 'PPV gap (predictive parity)')).toBe(e.pp);
    // Different base rates, one threshold: selection rates fail four-fifths while TPRs are close.
    expect(readout(out, 'Four-fifths rule')).toBe('fails');
    expect(Number(e.dpRatio)).toBeLessThan(0.8);
    expect(Number(e.eo)).toBeLessThan(0.05);
    expect(out).toContain('The base rates differ (A 0.60, B 0.40)');
  });

  it('uses one threshold per group when asked', () => {
    const out = html(state({ perGroup: true, tA: 0.56, tB: 0.41 }));
    const e = expected('different', { A: 0.56, B: 0.41 });
    expect(readout(out, 'Selection-rate ratio (DP ratio)')).toBe(e.dpRatio);
    expect(readout(out, 'TPR gap (equal opportunity)')).toBe(e.eo);
    expect(out).toContain('<tr><th scope="row">Threshold</th><td>0.56</td><td>0.41</td></tr>');
  });

  it('policies: satisfying one criterion breaks another when base rates differ', () => {
    const s = state();
    const data = groupScores(PRESET_GROUPS.different, PRESET_SEED);
    const sweep = thresholdSweep(data);
    const dp = policyThresholds('demographicParity', sweep);
    const eo = policyThresholds('equalOpportunity', sweep);
    expect(policyState(s, 'demographicParity')).toEqual({ perGroup: true, tA: dp.A, tB: dp.B });
    expect(policyState(s, 'equalOpportunity')).toEqual({ perGroup: true, tA: eo.A, tB: eo.B });
    expect(policyState(s, 'groupUnaware')).toEqual({ perGroup: false, t: policyThresholds('groupUnaware', sweep).A });
    const underDp = expected('different', dp);
    const underEo = expected('different', eo);
    expect(Number(underDp.dpDiff)).toBeLessThanOrEqual(0.01);
    expect(Number(underDp.eo)).toBeGreaterThan(0.1);
    expect(Number(underEo.eo)).toBeLessThanOrEqual(0.01);
    expect(Number(underEo.dpRatio)).toBeLessThan(0.8);
    const out = html(state({ perGroup: true, tA: dp.A, tB: dp.B }));
    expect(out).toContain('<th scope="col">Demographic parity (current)</th>');
    expect(out).toContain(
      `<tr><th scope="row">Thresholds</th><td>A 0.48<br>B 0.48</td><td>A ${dp.A.toFixed(2)}<br>B ${dp.B.toFixed(2)}</td>`,
    );
    expect(out).toContain(`Equalizing selection rates leaves a TPR gap of ${underDp.eo}`);
  });

  it('with a biased score, per-group thresholds close nearly every gap', () => {
    const data = groupScores(PRESET_GROUPS.biased, PRESET_SEED);
    const eo = policyThresholds('equalOpportunity', thresholdSweep(data));
    const e = expected('biased', eo);
    expect(Number(e.dpRatio)).toBeGreaterThan(0.95);
    expect(Number(e.pp)).toBeLessThan(0.05);
    expect(html(state({ data: 'biased' }))).toContain('The base rates are about equal');
  });

  it('schema.presets render, and never print NaN or Infinity at any threshold', () => {
    for (const p of schema.presets) expect(view(state(p.state as Partial<State>)).ok).toBe(true);
    for (const data of ['equal', 'different', 'biased', 'pasted'] as const)
      for (const t of [0, 0.3, 0.5, 0.9, 1]) {
        const r = view(state({ data, t }));
        expect(r.ok, `${data} ${t}`).toBe(true);
        if (r.ok) expect(r.html + r.summary).not.toMatch(/NaN|Infinity|undefined/);
      }
  });

  it('a group with no positives gets a clear TPR message, not NaN', () => {
    const out = html(state({ data: 'pasted' }));
    expect(out).toContain(
      '<tr><th scope="row">TPR (recall)</th><td>0.750</td><td>0.667</td><td>n/a: no positives</td></tr>',
    );
    expect(out).toContain(
      'Group C has no positive labels, so its TPR is 0/0, which has no value (it is not 0): the TPR gaps leave it out.',
    );
    expect(out).toContain(
      escapeHtml(
        'Equal opportunity thresholds: group "C" has no positive labels, so its true positive rate is 0/0 at every threshold.',
      ),
    );
    expect(() => policyState(state({ data: 'pasted' }), 'equalOpportunity')).toThrow(
      /group "C" has no positive labels/,
    );
  });

  it('nobody selected: the ratio is n/a with a reason', () => {
    const out = html(state({ t: 1 }));
    expect(readout(out, 'Selection-rate ratio (DP ratio)')).toBe('n/a');
    expect(readout(out, 'Four-fifths rule')).toBe('n/a');
    expect(out).toContain('Nobody is selected in any group, so the selection-rate ratio is 0/0.');
  });

  it('pasted data takes group=threshold lines; missing groups use the shared threshold', () => {
    expect(parseGroupThresholds('A=0.3\n\nC: 0.9', ['A', 'B', 'C'], 0.5)).toEqual({ A: 0.3, B: 0.5, C: 0.9 });
    expect(policyState(state({ data: 'pasted' }), 'bestPerGroup')).toEqual({
      perGroup: true,
      tg: 'A=0.34\nB=0.28\nC=0.72',
    });
    const out = html(state({ data: 'pasted', perGroup: true, tg: 'A=0.3' }));
    expect(out).toContain('<tr><th scope="row">Threshold</th><td>0.30</td><td>0.50</td><td>0.50</td></tr>');
  });

  it('answers bad input with a message', () => {
    const pasted = (csv: string) => error(state({ data: 'pasted', csv }));
    expect(pasted('0.5,1,A\n0.3,0,A')).toBe(
      escapeHtml('Your data has one group ("A"); fairness metrics compare at least two.'),
    );
    expect(pasted('0.5,2,A')).toBe(escapeHtml('Line 1: the label must be 0 or 1, not "2".'));
    expect(pasted('score,label,group\n1.5,1,A')).toBe(
      escapeHtml('Line 2: the score "1.5" must be a number between 0 and 1.'),
    );
    expect(pasted('0.5,1')).toBe('Line 1 needs 3 values (score,label,group).');
    expect(pasted('0.5,1,')).toBe('Line 1: the group is empty.');
    expect(pasted('')).toBe('Paste at least one row of score,label,group.');
    // A header alone is not "one group (undefined)" (probe D17).
    expect(pasted('score,label,group')).toBe('There is only a header row: paste rows of score,label,group below it.');
    const tg = (text: string) => error(state({ data: 'pasted', perGroup: true, tg: text }));
    expect(tg('Z=0.3')).toBe(escapeHtml('Per-group thresholds, line 1: there is no group "Z" in the data.'));
    expect(tg('A 0.3')).toBe('Per-group thresholds, line 1: write group=threshold, for example A=0.4.');
    expect(tg('A=1.3')).toBe(
      escapeHtml('Per-group thresholds, line 1: the threshold for "A" must be a number between 0 and 1.'),
    );
  });

  it('escapes group names from pasted data', () => {
    const out = html(state({ data: 'pasted', csv: '0.9,1,<b>x</b>\n0.2,0,<b>x</b>\n0.8,1,y\n0.1,0,y' }));
    expect(out).not.toContain('<b>');
    expect(out).toContain('&#60;b&#62;x&#60;/b&#62;');
  });
});
