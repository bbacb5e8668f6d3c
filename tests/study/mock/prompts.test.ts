import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  matchingPrompts,
  noMatchMessage,
  outlinePath,
  pickPrompt,
  slugFromEntryId,
  type MockPrompt,
} from '../../../src/study/mock/prompts.ts';

const prompt = (slug: string, number: number, level: MockPrompt['level'], domains: string[]): MockPrompt => ({
  slug,
  number,
  title: slug,
  level,
  domains,
  prompt: `Design ${slug}.`,
});
const PROMPTS = [
  prompt('c', 3, 'Senior', ['search', 'nlp']),
  prompt('a', 1, 'Junior', ['fraud']),
  prompt('b', 2, 'Mid', ['search']),
];

describe('prompts', () => {
  it('maps exercise entry ids to slugs and outline links', () => {
    expect(slugFromEntryId('practice/exercises/card-fraud-detection')).toBe('card-fraud-detection');
    expect(slugFromEntryId('practice/exercises')).toBeNull();
    expect(slugFromEntryId('lifecycle/evaluation')).toBeNull();
    expect(outlinePath('card-fraud-detection')).toBe('/practice/exercises/card-fraud-detection/#worked-outline');
  });

  it('every exercise page has the "Worked outline" section the debrief links to', () => {
    const dir = 'content/docs/practice/exercises';
    const pages = readdirSync(dir).filter((f) => f.endsWith('.mdx') && f !== 'index.mdx');
    expect(pages.length).toBe(27);
    for (const file of pages) expect(readFileSync(`${dir}/${file}`, 'utf8'), file).toMatch(/^## Worked outline$/m);
  });

  it('filters by level and domain, in exercise order', () => {
    expect(matchingPrompts(PROMPTS, { level: '', domain: '' }).map((p) => p.slug)).toEqual(['a', 'b', 'c']);
    expect(matchingPrompts(PROMPTS, { level: '', domain: 'search' }).map((p) => p.slug)).toEqual(['b', 'c']);
    expect(matchingPrompts(PROMPTS, { level: 'Senior', domain: 'search' }).map((p) => p.slug)).toEqual(['c']);
    expect(matchingPrompts(PROMPTS, { level: 'Junior', domain: 'search' })).toEqual([]);
  });

  it('picks with the given random source and never repeats the current prompt when there is a choice', () => {
    expect(pickPrompt(PROMPTS, () => 0)?.slug).toBe('c');
    expect(pickPrompt(PROMPTS, () => 0.999)?.slug).toBe('b');
    expect(pickPrompt(PROMPTS, () => 0, 'c')?.slug).toBe('a');
    expect(pickPrompt([PROMPTS[0]], () => 0.5, 'c')?.slug).toBe('c');
    expect(pickPrompt([], () => 0.5)).toBeNull();
    expect(pickPrompt(PROMPTS, () => Number.NaN)?.slug).toBe('c');
    expect(pickPrompt(PROMPTS, () => 1)?.slug).toBe('b');
  });

  it('explains an empty filter result', () => {
    expect(noMatchMessage({ level: 'Junior', domain: 'search' })).toBe(
      'No exercise matches level Junior and domain search. Choose "Any" for one of the filters.',
    );
  });
});
