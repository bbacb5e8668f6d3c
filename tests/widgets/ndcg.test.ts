// The NDCG calculator's pure view: scikit-learn's documented examples, the chapter's worked example,
// and bad input.
import { describe, expect, it } from 'vitest';
import { parseItems, view } from '../../src/widgets/ndcg/view.ts';
import { schema } from '../../src/widgets/ndcg/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);

// sklearn.metrics.ndcg_score / dcg_score docstrings: true_relevance [10, 0, 0, 1, 5].
const SKLEARN = '10,0.1\n0,0.2\n0,0.3\n1,4\n5,70';

describe('ndcg view: scikit-learn docstring examples', () => {
  it('scores [.1, .2, .3, 4, 70]: NDCG 0.6956940443813076, DCG 9.49946 (k beyond the list = all)', () => {
    const markup = html({ items: SKLEARN, k: 20 });
    expect(readout(markup, 'NDCG@20')).toBe((0.6956940443813076).toFixed(3));
    expect(readout(markup, 'DCG@20')).toBe((9.499457825916874).toFixed(3));
    expect(markup).toContain('k = 20 is more than the 5 items in the list');
    expect(markup).toContain('P@20 still divides by 20, counting the 15 missing ranks as not relevant');
    // 3 relevant items of 20 ranks.
    expect(readout(markup, 'P@20')).toBe('0.150');
    expect(readout(markup, 'R@20')).toBe('1.000');
  });

  it('dcg_score with k = 2: 5.63...', () => {
    expect(readout(html({ items: SKLEARN, k: 2 }), 'DCG@2')).toBe('5.631');
  });

  it('scores [.05, 1.1, 1., .5, .0]: NDCG 0.49..., and 0.35... with k = 4', () => {
    const items = '10,0.05\n0,1.1\n0,1.0\n1,0.5\n5,0.0';
    expect(readout(html({ items, k: 5 }), 'NDCG@5')).toBe('0.494');
    expect(readout(html({ items, k: 4 }), 'NDCG@4')).toBe('0.352');
    // A perfect answer scores 1 at any k.
    expect(readout(html({ items: '10,10\n0,0\n0,0\n1,1\n5,5', k: 4 }), 'NDCG@4')).toBe('1.000');
  });

  it('averages tied scores: scores [1, 0, 0, 0, 1] give NDCG@1 = 0.75 and DCG@1 = 7.5', () => {
    const markup = html({ items: '10,1\n0,0\n0,0\n1,0\n5,1', k: 1 });
    expect(readout(markup, 'NDCG@1')).toBe('0.750');
    expect(readout(markup, 'DCG@1')).toBe('7.500');
    expect(markup).toContain('Scores marked * are tied');
  });
});

describe('ndcg view: the chapter example and schema.presets', () => {
  it('reproduces the evaluation chapter: DCG@5 5.941, IDCG@5 7.141, NDCG@5 0.832', () => {
    const markup = html({});
    expect(readout(markup, 'DCG@5')).toBe('5.941');
    expect(readout(markup, 'Ideal DCG@5')).toBe('7.141');
    expect(readout(markup, 'NDCG@5')).toBe('0.832');
    expect(readout(markup, 'MRR')).toBe('1.000');
    expect(readout(markup, 'P@5')).toBe('0.800');
    expect(readout(markup, 'R@5')).toBe('0.800');
    // Position 4 (item D, relevance 3): discount 1/log2(5) = 0.431, discounted gain 3/2.322 = 1.292.
    expect(markup).toContain(
      '<th scope="row">4</th><td class="nd-name">D</td><td>0.7</td><td>3</td><td>3.000</td><td>0.431</td><td>1.292</td>',
    );
    expect(markup).toContain('<td>0.356</td><td>not counted</td>');
  });

  it('reproduces the chapter variants: the swap gives 0.861, exponential gain 0.842', () => {
    expect(readout(html({ items: '3,0.95\n2,0.90\n3,0.80\n0,0.70\n1,0.60\n2,0.50' }), 'NDCG@5')).toBe('0.861');
    expect(readout(html({ gain: 'exponential' }), 'NDCG@5')).toBe('0.842');
  });

  it('renders the schema.presets', () => {
    const [good, buried, ties] = schema.presets.map((p) => html(p.state));
    expect(readout(good!, 'NDCG@5')).toBe('0.994');
    expect(readout(buried!, 'NDCG@5')).toBe('0.609');
    expect(buried).toContain('The most relevant item (E, relevance 3) is at rank 5');
    expect(readout(buried!, 'R@5')).toBe('0.750');
    expect(readout(ties!, 'NDCG@3')).toBe('0.619');
    // Tied items C, D, E (relevance 2, 0, 1) share the mean gain 1: rank 3 has discounted gain 1 · 1/log2(4) = 0.5.
    expect(ties).toContain(
      '<th scope="row">3</th><td class="nd-name">C</td><td>0.7*</td><td>2</td><td>1.000</td><td>0.500</td><td>0.500</td>',
    );
  });

  it('says when the best item falls below the cut-off', () => {
    expect(html({ items: schema.presets[1]!.state.items, k: 3 })).toContain(
      'is at rank 5, below the cut-off, so it adds nothing to DCG@3',
    );
  });

  it('summarises for screen readers', () => {
    const result = view(state({}));
    expect(result.ok && result.summary).toBe('NDCG@5 0.832 (DCG 5.941, ideal 7.141); MRR 1.000, P@5 0.800, R@5 0.800.');
  });
});

describe('ndcg view: bad input', () => {
  it('names a non-numeric relevance or score and a negative relevance', () => {
    expect(error({ items: '3,0.9\nhigh,0.5' })).toBe('Line 2: the relevance &#34;high&#34; is not a number.');
    expect(error({ items: '3,0.9\n1,abc' })).toBe('Line 2: the score &#34;abc&#34; is not a number.');
    expect(error({ items: '3,0.9\n-1,0.5' })).toBe(
      'Line 2: the relevance is -1; grades must be 0 or more (NDCG needs relevance &#62;= 0).',
    );
  });

  it('shows the library message when no item is relevant', () => {
    expect(error({ items: '0,0.9\n0,0.5' })).toBe(
      'Recall@k is undefined: the list has no relevant items. NDCG@5 is undefined for the same reason: with no relevant item the ideal DCG is 0, so NDCG would be 0/0 (scikit-learn reports 0). Give at least one item a relevance above 0.',
    );
  });

  it('asks for items when the box is empty and refuses a bad k', () => {
    expect(error({ items: ' ' })).toBe('Paste at least one row of relevance,score.');
    expect(fieldProblem(schema.fields.k, '0')).toBe('Cut-off k must be between 1 and 20.');
    expect(fieldProblem(schema.fields.k, '2.5')).toBe('Cut-off k must be a whole number.');
    expect(fieldProblem(schema.fields.k, '')).toBe('Cut-off k must be a number.');
  });

  it('passes through the library message for an exponential gain that would overflow', () => {
    expect(error({ items: '2000,1\n1,0', gain: 'exponential' })).toBe(
      'DCG: relevance[0] is 2000; with exponential gain 2^rel - 1 overflows above 1023.',
    );
  });

  it('escapes item names and names unnamed items by line', () => {
    const markup = html({ items: '3,0.9,<b>x</b>\n1,0.5' });
    expect(markup).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(markup).not.toContain('<b>x</b>');
    expect(parseItems('relevance,score\n3,0.9\n1,0.5').map((i) => i.name)).toEqual(['#1', '#2']);
  });
});
