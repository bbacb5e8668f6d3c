// The calibration explorer's pure view: schema.presets, pasted predictions with reference values, bad input.
import { describe, expect, it } from 'vitest';
import { loadData, parseProbabilityCsv, view } from '../../src/widgets/calibration/view.ts';
import { schema } from '../../src/widgets/calibration/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { expectedCalibrationError } from '../../src/lib/metrics/calibration.ts';
import { brierScore, logLoss } from '../../src/lib/metrics/probabilistic.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);

describe('calibration view: schema.presets', () => {
  it('shows the library numbers for every preset, with the expected verdict', () => {
    const verdicts: Record<string, string> = {
      well: 'Well calibrated',
      over: 'Over-confident',
      under: 'Under-confident',
    };
    for (const preset of schema.presets) {
      const s = state(preset.state);
      const { yTrue, probs } = loadData(s);
      const markup = html(s);
      expect(readout(markup, 'ECE (10 bins)')).toBe(expectedCalibrationError(yTrue, probs, 10).toFixed(3));
      expect(readout(markup, 'Log loss')).toBe(logLoss(yTrue, probs).toFixed(3));
      expect(readout(markup, 'Brier score')).toBe(brierScore(yTrue, probs).toFixed(3));
      expect(readout(markup, 'Predictions')).toBe('2,000');
      expect(markup).toContain(`<strong>${verdicts[s.data]}</strong>`);
    }
  });

  it('pins the preset numbers, so a change in the data generator is noticed', () => {
    expect(readout(html({ data: 'well' }), 'ECE (10 bins)')).toBe('0.016');
    expect(readout(html({ data: 'over' }), 'ECE (10 bins)')).toBe('0.111');
    expect(readout(html({ data: 'over' }), 'Mean confidence')).toBe('0.839');
    expect(readout(html({ data: 'over' }), 'Accuracy')).toBe('0.728');
    expect(readout(html({ data: 'under' }), 'ECE (10 bins)')).toBe('0.106');
  });

  it('re-bins with the bin count and draws one point per non-empty bin plus a bar per bin', () => {
    const markup = html({ data: 'over', bins: 5 });
    const { yTrue, probs } = loadData(state({ data: 'over' }));
    expect(readout(markup, 'ECE (5 bins)')).toBe(expectedCalibrationError(yTrue, probs, 5).toFixed(3));
    expect(markup.match(/<circle class="marker/g)).toHaveLength(5);
    expect(markup.match(/<rect class="bar/g)).toHaveLength(5);
  });

  it('summarises for screen readers', () => {
    const result = view(state({ data: 'under' }));
    expect(result.ok && result.summary).toBe(
      '2,000 predictions in 10 bins: ECE 0.106, log loss 0.553, Brier score 0.185; the model looks under-confident.',
    );
  });
});

describe('calibration view: pasted predictions', () => {
  it('matches scikit-learn reference values', () => {
    // sklearn.metrics.log_loss docstring: [[.1,.9],[.9,.1],[.8,.2],[.35,.65]] for spam/ham/ham/spam -> 0.21616...
    expect(readout(html({ data: 'custom', csv: '0.9,1\n0.1,0\n0.2,0\n0.65,1' }), 'Log loss')).toBe('0.216');
    // sklearn.metrics.brier_score_loss docstring: y [0,1,1,0], p [.1,.9,.8,.3] -> 0.0375 (0.037499... in floating point).
    expect(readout(html({ data: 'custom', csv: 'prob,label\n0.1,0\n0.9,1\n0.8,1\n0.3,0' }), 'Brier score')).toBe(
      '0.037',
    );
  });

  it('computes ECE on the calibrationCurve doc example: bins of 4, 2 and 3', () => {
    const csv = '0,0\n0.1,0\n0.2,0\n0.3,0\n0.4,1\n0.65,1\n0.7,1\n0.8,1\n0.9,1';
    const markup = html({ data: 'custom', bins: 3, csv });
    // (4/9)·|0 - 0.15| + (2/9)·|1 - 0.525| + (3/9)·|1 - 0.8| = 0.23889
    expect(readout(markup, 'ECE (3 bins)')).toBe('0.239');
    expect(markup).toContain('<td>0–0.33</td><td>4</td><td>0.150</td><td>0.000</td><td>0.150</td>');
    expect(markup).toContain('With only 9 predictions');
  });
});

describe('calibration view: bad input', () => {
  it('names the bad line for a probability outside [0, 1], a bad label or a non-number', () => {
    expect(error({ data: 'custom', csv: '0.2,0\n1.2,1' })).toBe(
      'Line 2: the probability 1.2 is outside 0 to 1; a probability must be between 0 and 1.',
    );
    expect(error({ data: 'custom', csv: '0.2,0\n-0.1,1' })).toBe(
      'Line 2: the probability -0.1 is outside 0 to 1; a probability must be between 0 and 1.',
    );
    expect(error({ data: 'custom', csv: '0.2,0\n0.7,2' })).toBe('Line 2: the label must be 0 or 1, not &#34;2&#34;.');
    expect(error({ data: 'custom', csv: 'prob,label\n0.2,0\nhigh,1' })).toBe(
      'Line 3: the probability &#34;high&#34; is not a number.',
    );
  });

  it('asks for data when the box is empty or holds one row', () => {
    expect(error({ data: 'custom', csv: '' })).toBe('Paste at least one row of prob,label.');
    expect(error({ data: 'custom', csv: '0.7,1' })).toBe(
      'One prediction cannot show calibration: paste at least two rows of prob,label (a useful reliability diagram needs hundreds).',
    );
    expect(error({ data: 'custom', csv: '0.7' })).toBe('Line 1 needs 2 values (prob,label).');
  });

  it('escapes pasted text in messages', () => {
    expect(error({ data: 'custom', csv: '<img src=x>,1' })).not.toContain('<img');
  });

  it('rejects bin counts outside 2 to 20 in the controls and the link', () => {
    expect(fieldProblem(schema.fields.bins, '1')).toBe('Number of bins must be between 2 and 20.');
    expect(fieldProblem(schema.fields.bins, '2.5')).toBe('Number of bins must be a whole number.');
    expect(fieldProblem(schema.fields.data, 'x')).toBe('Predictions must be one of: well, over, under, custom.');
  });

  it('parses a header, blank lines and semicolons', () => {
    expect(parseProbabilityCsv('prob,label\n0.2;0\n\n0.8,1')).toEqual({ probs: [0.2, 0.8], yTrue: [0, 1] });
  });
});
