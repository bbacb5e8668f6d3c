// The cross-entropy explorer's pure view: the loss of one prediction in nats and bits.
import { describe, expect, it } from 'vitest';
import { view } from '../../src/widgets/cross-entropy/view.ts';
import { schema } from '../../src/widgets/cross-entropy/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html } = viewHarness(schema, view);

describe('cross-entropy view', () => {
  it('reproduces the chapter numbers for a true positive: 0.105, 0.693, 2.303, 4.605 nats', () => {
    // -ln(0.9), -ln(0.5), -ln(0.1), -ln(0.01)
    expect(readout(html({ p: 0.9, label: '1' }), 'Loss (nats)')).toBe('0.105');
    expect(readout(html({ p: 0.5, label: '1' }), 'Loss (nats)')).toBe('0.693');
    expect(readout(html({ p: 0.1, label: '1' }), 'Loss (nats)')).toBe('2.303');
    expect(readout(html({ p: 0.01, label: '1' }), 'Loss (nats)')).toBe('4.605');
  });

  it('charges -ln(1 - p) when the label is 0: p = 0.99 costs 4.605 nats', () => {
    const markup = html({ p: 0.99, label: '0' });
    expect(readout(markup, 'Loss (nats)')).toBe('4.605');
    expect(readout(markup, 'Probability on the true class')).toBe('0.010');
    expect(readout(markup, 'Confident and wrong')).toBe('4.605');
    expect(readout(markup, 'Confident and right')).toBe('0.010');
    expect(readout(markup, 'Hedging, p = 0.5')).toBe('0.693');
    expect(markup).toContain('A confident wrong answer is the most expensive thing a model can say');
    expect(readout(markup, 'Same p if the label were 1')).toBe('0.010');
    // 4.60517 / 0.69315 = 6.6 and 4.60517 / 0.01005 = 458.2
    expect(markup).toContain(
      'costs <strong>4.605 nats</strong>: 6.6 times an honest 0.5 (0.693), and 458.2 times the 0.010 it would cost had the label been 1.',
    );
  });

  it('converts to bits: a hedge costs exactly 1 bit, a confident mistake 6.644', () => {
    const hedge = html({ p: 0.5, unit: 'bits' });
    expect(readout(hedge, 'Loss (bits)')).toBe('1.000');
    expect(hedge).toContain('whatever the label');
    expect(readout(html({ p: 0.99, label: '0', unit: 'bits' }), 'Loss (bits)')).toBe('6.644');
  });

  it('clips p = 0 and p = 1 like scikit-learn instead of printing Infinity', () => {
    const markup = html({ p: 1, label: '0' });
    expect(readout(markup, 'Loss (nats)')).toBe('36.044');
    expect(markup).toContain('p = 1 is clipped to 1 − 2.2e-16');
    expect(markup).toContain('above the chart');
    // No ratio against the clipped loss of 2.2e-16 nats.
    expect(markup).toContain('costs <strong>36.044 nats</strong>: 52.0 times an honest 0.5 (0.693).');
    expect(readout(html({ p: 0, label: '0' }), 'Loss (nats)')).toBe('0.000');
  });

  it('renders every preset with its lesson', () => {
    const [right, hedging, wrong] = schema.presets.map((p) => html(p.state));
    expect(readout(right!, 'Loss (nats)')).toBe('0.051');
    expect(right).toContain('Confidence is cheap when right and expensive when wrong.');
    expect(readout(hedging!, 'Loss (nats)')).toBe('0.693');
    expect(readout(wrong!, 'Loss (nats)')).toBe('4.605');
  });

  it('summarises for screen readers', () => {
    const result = view(state({ p: 0.99, label: '0' }));
    expect(result.ok && result.summary).toBe(
      'Predicting p = 0.990 for true label 0 costs 4.605 nats; a confident wrong answer would cost 4.605 nats.',
    );
  });

  it('answers bad input with a message', () => {
    // The controls stop these before the view; the view still refuses them.
    const result = view(state({ p: 1.5 }));
    expect(result).toEqual({ ok: false, error: 'Log loss: probs[0] is 1.5; probabilities must be between 0 and 1.' });
    expect(fieldProblem(schema.fields.p, '')).toBe('Predicted probability of class 1 (p) must be a number.');
    expect(fieldProblem(schema.fields.p, '-0.2')).toBe('Predicted probability of class 1 (p) must be between 0 and 1.');
    expect(fieldProblem(schema.fields.label, '2')).toBe('True label must be one of: 0, 1.');
  });
});
