// The threshold explorer's pure view: the confusion matrix and metrics at a threshold, the
// cheapest threshold for the stated costs, pasted scores, and bad input.
import { describe, expect, it } from 'vitest';
import { parseScoreCsv, view } from '../../src/widgets/threshold-explorer/view.ts';
import { schema } from '../../src/widgets/threshold-explorer/schema.ts';
import { cheapestThreshold } from '../../src/lib/metrics/cost.ts';
import { readout, viewHarness } from './harness.ts';

const { html, error } = viewHarness(schema, view);
// Nine pasted rows: scores 0.9 … 0.1 with labels 1 1 0 1 0 1 0 0 0 (4 positives, 5 negatives).
const PASTED = { data: 'custom', csv: '0.9,1\n0.8,1\n0.7,0\n0.6,1\n0.55,0\n0.4,1\n0.3,0\n0.2,0\n0.1,0' } as const;

describe('threshold explorer view', () => {
  it('counts the confusion matrix of pasted scores at the threshold (a score >= t predicts 1)', () => {
    const markup = html({ ...PASTED, t: 0.5 });
    // Predicted 1: 0.9 0.8 0.7 0.6 0.55 -> TP 3, FP 2; predicted 0: 0.4 (FN) and three TN.
    expect(markup).toContain('TP 3');
    expect(markup).toContain('FP 2');
    expect(markup).toContain('FN 1');
    expect(markup).toContain('TN 3');
    expect(readout(markup, 'Precision')).toBe('0.600');
    expect(readout(markup, 'Recall (TPR)')).toBe('0.750');
  });

  it('names the cheapest threshold the library finds for the stated costs', () => {
    const data = parseScoreCsv(PASTED.csv);
    const cheapest = cheapestThreshold(data.yTrue, data.scores, 1, 5);
    expect(cheapest).toEqual({ threshold: 0.4, cost: 2 }); // all 4 positives caught, 2 false positives
    expect(html({ ...PASTED, costFp: 1, costFn: 5 })).toContain(`<strong>${cheapest.threshold.toFixed(3)}</strong>`);
  });

  it('shows 0/0 precision as scikit-learn does when nothing is predicted positive', () => {
    expect(html({ ...PASTED, t: 1 })).toContain('precision is 0/0');
  });

  it('answers bad pasted data with a message that names the line', () => {
    expect(error({ ...PASTED, csv: '0.9,1\nabc,0' })).toBe('Line 2: the score &#34;abc&#34; is not a number.');
    expect(error({ ...PASTED, csv: '0.9,1\n0.5,2' })).toBe('Line 2: the label must be 0 or 1, not &#34;2&#34;.');
    expect(error({ ...PASTED, csv: '0.9,1\n0.5,1' })).toMatch(/at least one row labelled 1 and one labelled 0/);
  });

  it('refuses scores outside 0 to 1, hex numbers and a header with no rows (probe D16-D18)', () => {
    expect(error({ ...PASTED, csv: '5,1\n-3,0\n0.2,0' })).toBe(
      'Line 1: the score 5 is outside 0 to 1, where the threshold moves; rescale the scores first (a sigmoid turns logits into probabilities).',
    );
    expect(error({ ...PASTED, csv: '0x1,1\n0.2,0' })).toBe('Line 1: the score &#34;0x1&#34; is not a number.');
    expect(error({ ...PASTED, csv: 'score,label' })).toBe(
      'There is only a header row: paste rows of score,label below it.',
    );
  });
});
