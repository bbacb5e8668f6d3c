// The distillation temperature explorer's pure view: scipy's softmax values, the compression
// chapter's husky example, the Hinton et al. loss, the schema.presets, and bad input.
import { describe, expect, it } from 'vitest';
import { parseLogits, view } from '../../src/widgets/distillation/view.ts';
import { schema } from '../../src/widgets/distillation/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);

/** Cells of each table row: [class, logit, p at T = 1, p at T, (student p at T)]. */
function rows(markup: string): string[][] {
  return [...markup.matchAll(/<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/g)].map((m) => [
    m[1]!,
    ...[...m[2]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!),
  ]);
}

describe('distillation view: softmax with temperature', () => {
  it('softmax([1, 2, 3]) = [0.0900, 0.2447, 0.6652] and at T = 2 [0.1863, 0.3072, 0.5065] (scipy.special.softmax)', () => {
    const markup = html({ teacher: '1, 2, 3', T: 2, student: '' });
    expect(rows(markup).map((r) => r.slice(2))).toEqual([
      ['0.0900', '0.1863'],
      ['0.2447', '0.3072'],
      ['0.6652', '0.5065'],
    ]);
    // −Σ p ln p: 0.832 nats at T = 1, 1.020 at T = 2; ln 3 = 1.099 for a uniform guess.
    expect(readout(markup, 'Entropy at T = 1')).toBe('0.832');
    expect(readout(markup, 'Entropy at T = 2')).toBe('1.020');
    expect(readout(markup, 'Uniform (maximum)')).toBe('1.099');
  });

  it('reproduces the chapter: logits (4, 2, 0) give (0.867, 0.117, 0.016) at T = 1 and (0.506, 0.307, 0.186) at T = 4', () => {
    const markup = html({});
    expect(rows(markup)).toEqual([
      ['0: husky (true)', '4', '0.8668', '0.5065', '0.3758'],
      ['1: wolf', '2', '0.1173', '0.3072', '0.3316'],
      ['2: toaster', '0', '0.0159', '0.1863', '0.2926'],
    ]);
    expect(markup).toContain(
      'Dark knowledge: at T = 1 the classes other than husky share 13.3% of the probability; at T = 4 they share <strong>49.4%</strong>. The runner-up, wolf, rises from 11.7% to 30.7%',
    );
  });

  it('says that T = 1 changes nothing and that T below 1 sharpens', () => {
    expect(html({ T: 1 })).toContain("At T = 1 the soft targets are the teacher's ordinary probabilities");
    // One entropy readout, not two with the same name.
    expect(html({ T: 1 }).match(/<dt>Entropy at T = 1<\/dt>/g)).toHaveLength(1);
    expect(html({ T: 0.5 })).toContain(
      'A temperature below 1 sharpens: the classes other than husky share only 1.8% at T = 0.5',
    );
  });
});

describe('distillation view: the loss (Hinton et al. 2015)', () => {
  it('matches the library example: equal logits (2, 1, 0), T = 4, α = 0.5 -> soft 0, hard 0.408, total 0.204', () => {
    const markup = html({ teacher: '2, 1, 0', student: '2, 1, 0', T: 4, alpha: 0.5, label: 0 });
    expect(readout(markup, 'Soft term, T²·KL')).toBe('0.000');
    expect(readout(markup, 'Hard term, cross-entropy')).toBe('0.408');
    expect(readout(markup, 'Total loss')).toBe('0.204');
  });

  it('weights the default student: 0.7 × 0.698 + 0.3 × 0.680 = 0.692', () => {
    const markup = html({});
    expect(markup).toContain(
      'Total = α × soft + (1 − α) × hard = 0.70 × 0.698 + 0.30 × 0.680 = <strong>0.692</strong> nats.',
    );
    const result = view(state({}));
    expect(result.ok && result.summary).toBe(
      'At T = 4 the top class gets 50.6% (86.7% at T = 1); entropy 1.020 nats against 0.441. Distillation loss 0.692 (soft 0.698, hard 0.680).',
    );
  });

  it('ignores the teacher at α = 0 and the label at α = 1', () => {
    expect(readout(html({ alpha: 0 }), 'Total loss')).toBe('0.680');
    expect(html({ alpha: 0 })).toContain('With α = 0 the teacher is ignored');
    expect(readout(html({ alpha: 1 }), 'Total loss')).toBe('0.698');
  });

  it('skips the loss without student logits', () => {
    const markup = html({ student: '  ' });
    expect(markup).toContain('Add student logits above to see the distillation loss.');
    expect(markup).not.toContain('Total loss');
  });
});

describe('distillation view: schema.presets', () => {
  it('confident teacher: the other classes go from 0.9% at T = 1 to 44.6% at T = 5', () => {
    const markup = html(schema.presets[0]!.state);
    expect(markup).toContain(
      'the classes other than cat share 0.9% of the probability; at T = 5 they share <strong>44.6%</strong>',
    );
    expect(readout(markup, 'Total loss')).toBe('0.794');
  });

  it('T = 1 vs T = 4 is the chapter example', () => {
    expect(html(schema.presets[1]!.state)).toBe(html({}));
  });

  it('almost-uniform teacher: nearly the maximum entropy, and a warning that the targets say little', () => {
    const markup = html(schema.presets[2]!.state);
    expect(readout(markup, 'Entropy at T = 4')).toBe('1.609');
    expect(markup).toContain(
      'The softened teacher is nearly uniform (entropy 1.609 nats, 100.0% of the 1.609 of a uniform guess)',
    );
    expect(markup).toContain('The runner-up, class 1, falls from 21.9% to 20.5%.');
  });
});

describe('distillation view: bad input', () => {
  it('asks for logits when the box is empty and names a malformed list', () => {
    expect(error({ teacher: '' })).toBe('Type the teacher&#39;s logits, separated by commas (for example 4, 2, 0).');
    expect(error({ teacher: '1,,2' })).toBe('Teacher logits: item 2 is empty. Check for a doubled or trailing comma.');
    expect(error({ teacher: '1, 2,' })).toBe('Teacher logits: item 3 is empty. Check for a doubled or trailing comma.');
    expect(error({ teacher: '1, abc' })).toBe('Teacher logits: &#34;abc&#34; is not a number.');
    expect(error({ teacher: 'husky: , wolf: 2' })).toBe('Teacher logits: &#34;husky:&#34; is not a number.');
    expect(error({ teacher: '1e400, 2' })).toBe('Teacher logits: &#34;1e400&#34; is not a number.');
    expect(error({ student: '1, x, 2' })).toBe('Student logits: &#34;x&#34; is not a number.');
  });

  it('needs 2 to 20 classes with distinct names', () => {
    expect(error({ teacher: '5' })).toBe(
      'Give at least 2 teacher logits, one per class: with a single class every probability is 1.',
    );
    expect(error({ teacher: Array.from({ length: 21 }, (_, i) => i).join(',') })).toBe(
      'Give at most 20 teacher logits (you gave 21).',
    );
    expect(error({ teacher: 'a: 1, a: 2' })).toBe(
      'Teacher logits: the class name &#34;a&#34; is used twice; give each class its own name.',
    );
  });

  it('pairs the student with the teacher and checks the label', () => {
    expect(error({ student: '1, 2' })).toBe(
      'The student has 2 logits but the teacher has 3; give one per class, in the same order.',
    );
    expect(error({ label: 3 })).toBe('The true class is 3, but there are only 3 classes, numbered 0 to 2.');
  });

  it('refuses a temperature or α out of range', () => {
    expect(fieldProblem(schema.fields.T, '0')).toBe('Temperature T must be between 0.1 and 20.');
    expect(fieldProblem(schema.fields.T, '-4')).toBe('Temperature T must be between 0.1 and 20.');
    expect(fieldProblem(schema.fields.T, '')).toBe('Temperature T must be a number.');
    expect(fieldProblem(schema.fields.alpha, '1.5')).toBe('α, weight of the teacher term must be between 0 and 1.');
    expect(fieldProblem(schema.fields.label, '1.5')).toBe('True class (index, from 0) must be a whole number.');
  });

  it('parses names and escapes them', () => {
    expect(parseLogits('husky: 4, wolf=2, 0', 'teacher')).toEqual({
      names: ['husky', 'wolf', 'class 2'],
      values: [4, 2, 0],
    });
    const markup = html({ teacher: '<b>x</b>: 1, y: 2', student: '' });
    expect(markup).toContain('&#60;b&#62;x&#60;/b&#62;');
    expect(markup).not.toContain('<b>x</b>');
  });
});
