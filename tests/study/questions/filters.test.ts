// Question-bank and exercise filters: parsing from the URL and matching items.
import { describe, expect, it } from 'vitest';
import { EXERCISE_FILTERS, QB_NS, QUESTION_FILTERS, countText, matches } from '../../../src/study/questions/filters.ts';
import { parseState } from '../../../src/client/url-state.ts';
import questions from '../../../content/data/questions.json';

describe('question filters from the URL', () => {
  it('reads level and section', () => {
    expect(parseState(QUESTION_FILTERS, QB_NS, '?qb.level=Senior&qb.section=serving')).toEqual({
      state: { level: 'Senior', section: 'serving', mark: '' },
      notices: [],
    });
  });

  it('reads the marks filter and rejects an unknown mark', () => {
    expect(parseState(QUESTION_FILTERS, QB_NS, '?qb.mark=review').state.mark).toBe('review');
    expect(parseState(QUESTION_FILTERS, QB_NS, '?qb.mark=maybe').notices).toEqual([
      "Your mark must be one of: (any), review, got, unmarked. The link's value was replaced by the default.",
    ]);
  });

  it('reads the exercise domain, and treats a section as unknown there', () => {
    const { state: values, notices } = parseState(EXERCISE_FILTERS, QB_NS, '?qb.domain=fraud&qb.section=serving');
    expect(values).toEqual({ level: '', domain: 'fraud' });
    expect(notices).toEqual(['The link has an unknown setting "section"; it was ignored.']);
  });

  it('selects exactly the Senior questions of the real bank', () => {
    const { state: values } = parseState(QUESTION_FILTERS, QB_NS, '?qb.level=Senior');
    const shown = questions.filter((q) => matches(q, values));
    expect(shown.length).toBe(questions.filter((q) => q.level === 'Senior').length);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((q) => q.level === 'Senior')).toBe(true);
  });
});

describe('matches', () => {
  const item = { level: 'Mid', section: 'serving', domains: ['recsys', 'ads'], mark: 'review' as const };

  it('passes everything with no filter set', () => {
    expect(matches(item, {})).toBe(true);
    expect(matches(item, { level: '', section: '', mark: '' })).toBe(true);
  });

  it('requires every set filter to match', () => {
    expect(matches(item, { level: 'Mid', section: 'serving' })).toBe(true);
    expect(matches(item, { level: 'Mid', section: 'monitoring' })).toBe(false);
    expect(matches(item, { domain: 'ads' })).toBe(true);
    expect(matches(item, { domain: 'fraud' })).toBe(false);
    expect(matches({ level: 'Mid' }, { domain: 'ads' })).toBe(false);
  });

  it('filters on the reader\'s mark, with "unmarked" for none', () => {
    expect(matches(item, { mark: 'review' })).toBe(true);
    expect(matches(item, { mark: 'got' })).toBe(false);
    expect(matches(item, { mark: 'unmarked' })).toBe(false);
    expect(matches({ ...item, mark: null }, { mark: 'unmarked' })).toBe(true);
    expect(matches({ ...item, mark: null }, { mark: 'review' })).toBe(false);
  });
});

describe('countText', () => {
  it('says how many are shown', () => {
    expect(countText(7, 36, 'question')).toBe('Showing 7 of 36 questions');
    expect(countText(27, 27, 'exercise')).toBe('Showing 27 of 27 exercises');
    expect(countText(1, 1, 'question')).toBe('Showing 1 of 1 question');
  });
});
