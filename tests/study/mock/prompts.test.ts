// Mock prompts from the exercises and the worked cases: ids, links, filters and the random pick.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  answerPath,
  exerciseTrack,
  matchingPrompts,
  mockPath,
  noMatchMessage,
  normalizePromptId,
  pageOfPrompt,
  pickPrompt,
  promptDataPath,
  promptIdFromEntryId,
  promptLabel,
  promptRef,
  scoresPath,
  type MockPrompt,
} from '../../../src/study/mock/prompts.ts';

const prompt = (id: string, number: number, level: MockPrompt['level'], domains: string[]): MockPrompt => ({
  id,
  kind: id.startsWith('cases/') ? 'case' : 'exercise',
  number,
  title: id,
  level,
  track: exerciseTrack(domains),
  domains,
  prompt: `Design ${id}.`,
});
const PROMPTS = [
  prompt('exercises/c', 3, 'Senior', ['search', 'nlp']),
  prompt('exercises/a', 1, 'Junior', ['fraud']),
  prompt('cases/z', 2, 'Staff', ['genai', 'nlp']),
  prompt('exercises/b', 2, 'Mid', ['search']),
  prompt('cases/y', 1, 'Senior', ['search']),
];
const ids = (prompts: MockPrompt[]) => prompts.map((p) => p.id);
const ANY = { track: '', level: '', domain: '' };

describe('prompt ids and links', () => {
  it('maps entry ids to prompt ids, and keeps old links to a bare exercise slug working', () => {
    expect(promptIdFromEntryId('practice/exercises/card-fraud-detection')).toBe('exercises/card-fraud-detection');
    expect(promptIdFromEntryId('practice/cases/news-feed')).toBe('cases/news-feed');
    expect(promptIdFromEntryId('practice/cases')).toBeNull();
    expect(promptIdFromEntryId('lifecycle/evaluation')).toBeNull();
    expect(normalizePromptId('card-fraud-detection')).toBe('exercises/card-fraud-detection');
    expect(normalizePromptId('cases/news-feed')).toBe('cases/news-feed');
    for (const bad of ['Bad Prompt!', '', 'cases/', '../x', 'lifecycle/evaluation', 'x'.repeat(101)])
      expect(normalizePromptId(bad), bad).toBeNull();
  });

  it('builds the pages, short refs and labels', () => {
    const fraud = prompt('exercises/card-fraud-detection', 12, 'Mid', ['fraud']);
    const feed = prompt('cases/news-feed', 8, 'Staff', ['recsys']);
    expect(pageOfPrompt(feed.id)).toBe('practice/cases/news-feed');
    expect(answerPath(fraud)).toBe('/practice/exercises/card-fraud-detection/#worked-outline');
    expect(answerPath(feed)).toBe('/practice/cases/news-feed/#framing');
    expect(mockPath(feed.id)).toBe('/practice/mock-interview-mode/?mi.prompt=cases/news-feed');
    expect(scoresPath('c8-1-00000000-abcd')).toBe('/practice/mock-interview-mode/?mi.scores=c8-1-00000000-abcd');
    expect(promptDataPath(feed.id)).toBe('/prompt-data/cases/news-feed.json');
    expect([promptRef(fraud), promptRef(feed)]).toEqual(['e12', 'c8']);
    expect([promptLabel(fraud), promptLabel(feed)]).toEqual(['Exercise 12', 'Case 8']);
  });

  it('every exercise has the "Worked outline" and every case the "Framing" section the debrief links to', () => {
    for (const [folder, heading, count] of [
      ['exercises', '## Worked outline', 27],
      ['cases', '## Framing', 20],
    ] as const) {
      const dir = `content/docs/practice/${folder}`;
      const pages = readdirSync(dir).filter((f) => f.endsWith('.mdx') && f !== 'index.mdx');
      expect(pages.length).toBe(count);
      for (const file of pages) expect(readFileSync(`${dir}/${file}`, 'utf8'), file).toContain(`\n${heading}\n`);
    }
  });
});

describe('choosing a prompt', () => {
  it('puts exercises on the GenAI track when a domain is genai', () => {
    expect(exerciseTrack(['nlp', 'genai'])).toBe('genai');
    expect(exerciseTrack(['fraud'])).toBe('classical');
  });

  it('filters by track, level and domain: worked cases first, then exercises, each by number', () => {
    expect(ids(matchingPrompts(PROMPTS, ANY))).toEqual([
      'cases/y',
      'cases/z',
      'exercises/a',
      'exercises/b',
      'exercises/c',
    ]);
    expect(ids(matchingPrompts(PROMPTS, { ...ANY, domain: 'search' }))).toEqual([
      'cases/y',
      'exercises/b',
      'exercises/c',
    ]);
    expect(ids(matchingPrompts(PROMPTS, { ...ANY, level: 'Senior', domain: 'search' }))).toEqual([
      'cases/y',
      'exercises/c',
    ]);
    expect(ids(matchingPrompts(PROMPTS, { ...ANY, track: 'genai' }))).toEqual(['cases/z']);
    expect(matchingPrompts(PROMPTS, { ...ANY, level: 'Junior', domain: 'search' })).toEqual([]);
  });

  it('picks with the given random source and never repeats the current prompt when there is a choice', () => {
    const sorted = matchingPrompts(PROMPTS, ANY);
    expect(pickPrompt(sorted, () => 0)?.id).toBe('cases/y');
    expect(pickPrompt(sorted, () => 0.999)?.id).toBe('exercises/c');
    expect(pickPrompt(sorted, () => 0, 'cases/y')?.id).toBe('cases/z');
    expect(pickPrompt([sorted[0]], () => 0.5, 'cases/y')?.id).toBe('cases/y');
    expect(pickPrompt([], () => 0.5)).toBeNull();
    expect(pickPrompt(sorted, () => Number.NaN)?.id).toBe('cases/y');
    expect(pickPrompt(sorted, () => 1)?.id).toBe('exercises/c');
  });

  it('explains an empty filter result', () => {
    expect(noMatchMessage({ track: 'genai', level: 'Junior', domain: 'search' })).toBe(
      'No prompt matches the Generative AI track and level Junior and domain search. Choose "Any" for one of the filters.',
    );
  });
});
