/**
 * Design prompts for a mock: the 27 exercises and the 20 worked case studies, from their typed
 * frontmatter, filtered by track, level and domain, and a random pick among them. Pure; the random
 * source is passed in so tests can fix it.
 *
 * A prompt's id is its page below /practice/ ("exercises/card-fraud-detection",
 * "cases/ad-click-prediction"): the mock stores it and links carry it (?mi.prompt=...). Links from
 * before the cases joined carry a bare exercise slug, which still works. Its short `ref` ("e12",
 * "c6") names it inside score codes, where every character counts.
 */
import { TRACKS, type PromptLevel, type Track } from '../../config/taxonomy.ts';
import type { RubricItem } from '../rubric/gradings.ts';

export type PromptKind = 'exercise' | 'case';

export interface MockPrompt {
  id: string;
  kind: PromptKind;
  number: number;
  title: string;
  level: PromptLevel;
  track: Track;
  domains: readonly string[];
  prompt: string;
}

export interface FollowUp {
  ask: string;
  answer: string;
}

/** A prompt with its rubric and follow-up ladder as plain text: /prompt-data/<id>.json. */
export interface PromptData extends MockPrompt {
  rubric: RubricItem[];
  followUps: FollowUp[];
}

const FOLDERS: Record<PromptKind, string> = { exercise: 'exercises', case: 'cases' };
const NOUNS: Record<PromptKind, string> = { exercise: 'Exercise', case: 'Case' };
const PROMPT_ID = /^(exercises|cases)\/[a-z0-9]+(-[a-z0-9]+)*$/;
/** The mock page, and the URL parameters that carry its prompt and an interviewer's score code. */
export const MOCK_PAGE = '/practice/mock-interview-mode/';
export const MOCK_PROMPT_PARAM = 'mi.prompt';
export const MOCK_SCORES_PARAM = 'mi.scores';

/** "practice/exercises/card-fraud-detection" -> "exercises/card-fraud-detection"; other entry ids -> null. */
export function promptIdFromEntryId(entryId: string): string | null {
  const id = entryId.replace(/^practice\//, '');
  return id !== entryId && PROMPT_ID.test(id) ? id : null;
}

/** The page id of a prompt: "exercises/x" -> "practice/exercises/x" (rubric cards and gradings use it). */
export const pageOfPrompt = (id: string) => `practice/${id}`;

/** A prompt id from a link or storage: a current id as it is, a bare exercise slug as "exercises/<slug>"; else null. */
export function normalizePromptId(raw: string): string | null {
  if (PROMPT_ID.test(raw)) return raw;
  const legacy = `exercises/${raw}`;
  return PROMPT_ID.test(legacy) && raw.length <= 100 ? legacy : null;
}

export function promptId(kind: PromptKind, slug: string): string {
  return `${FOLDERS[kind]}/${slug}`;
}

/** The mock page with this prompt chosen: "/practice/mock-interview-mode/?mi.prompt=cases/news-feed". */
export function mockPath(id: string): string {
  return `${MOCK_PAGE}?${MOCK_PROMPT_PARAM}=${id}`;
}

/** The mock page importing an interviewer's scores: "/practice/mock-interview-mode/?mi.scores=c6-...". */
export function scoresPath(code: string): string {
  return `${MOCK_PAGE}?${MOCK_SCORES_PARAM}=${code}`;
}

/** Where the rubric and follow-ups of a prompt are served (src/pages/prompt-data/), without the base. */
export function promptDataPath(id: string): string {
  return `/prompt-data/${id}.json`;
}

/** Worked cases first, then exercises, each by number: the order every list of prompts uses. */
export function comparePrompts(a: Pick<MockPrompt, 'kind' | 'number'>, b: Pick<MockPrompt, 'kind' | 'number'>) {
  return a.kind === b.kind ? a.number - b.number : a.kind === 'case' ? -1 : 1;
}

/** The short name of a prompt in score codes: "e12" for exercise 12, "c6" for case 6. */
export function promptRef(prompt: Pick<MockPrompt, 'kind' | 'number'>): string {
  return `${prompt.kind === 'case' ? 'c' : 'e'}${prompt.number}`;
}

/** "Exercise 12" or "Case 6". */
export function promptLabel(prompt: Pick<MockPrompt, 'kind' | 'number'>): string {
  return `${NOUNS[prompt.kind]} ${prompt.number}`;
}

/** An exercise is on the GenAI track when one of its domains is genai (cases declare their track). */
export function exerciseTrack(domains: readonly string[]): Track {
  return domains.includes('genai') ? 'genai' : 'classical';
}

/**
 * Site path of what to compare with after the mock: an exercise's worked outline, or a worked case
 * from its framing onwards (the prompt and requirements above it are what the reader just answered).
 */
export function answerPath(prompt: Pick<MockPrompt, 'id' | 'kind'>): string {
  return `/${pageOfPrompt(prompt.id)}/#${prompt.kind === 'case' ? 'framing' : 'worked-outline'}`;
}

export interface PromptFilter {
  /** "" means any, for each. */
  track: string;
  level: string;
  domain: string;
}

/** The prompts that match every filter: worked cases first, then exercises, each by number. */
export function matchingPrompts(prompts: readonly MockPrompt[], filter: PromptFilter): MockPrompt[] {
  return prompts
    .filter(
      (p) =>
        (filter.track === '' || p.track === filter.track) &&
        (filter.level === '' || p.level === filter.level) &&
        (filter.domain === '' || p.domains.includes(filter.domain)),
    )
    .sort(comparePrompts);
}

/**
 * One prompt at random from `candidates`, avoiding `current` when there is another choice (so
 * "another prompt" always changes it). `random` returns a number in [0, 1) like Math.random.
 * Returns null when there is nothing to pick.
 */
export function pickPrompt(
  candidates: readonly MockPrompt[],
  random: () => number,
  current: string | null = null,
): MockPrompt | null {
  const pool = candidates.length > 1 ? candidates.filter((p) => p.id !== current) : candidates;
  if (pool.length === 0) return null;
  const r = random();
  const index = Math.min(pool.length - 1, Math.max(0, Math.floor((Number.isFinite(r) ? r : 0) * pool.length)));
  return pool[index];
}

/** What to tell the reader when no prompt matches the filters. */
export function noMatchMessage(filter: PromptFilter): string {
  const parts = [
    filter.track && `the ${TRACKS[filter.track as Track] ?? filter.track} track`,
    filter.level && `level ${filter.level}`,
    filter.domain && `domain ${filter.domain}`,
  ].filter(Boolean);
  return `No prompt matches ${parts.join(' and ')}. Choose "Any" for one of the filters.`;
}
