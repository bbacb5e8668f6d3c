/**
 * Design prompts for a mock: the exercises' typed frontmatter, filtered by level and domain, and a
 * random pick among them. Pure; the random source is passed in so tests can fix it.
 */
import type { Level } from '../../config/taxonomy.ts';

export interface MockPrompt {
  /** Page slug under /practice/exercises/ ("card-fraud-detection"); also the URL value. */
  slug: string;
  number: number;
  title: string;
  level: Level;
  domains: readonly string[];
  prompt: string;
}

export const EXERCISE_PREFIX = 'practice/exercises/';

/** "practice/exercises/card-fraud-detection" -> "card-fraud-detection"; other ids -> null. */
export function slugFromEntryId(id: string): string | null {
  return id.startsWith(EXERCISE_PREFIX) && id.length > EXERCISE_PREFIX.length ? id.slice(EXERCISE_PREFIX.length) : null;
}

/** Site path of an exercise's worked outline: "/practice/exercises/<slug>/#worked-outline". */
export function outlinePath(slug: string): string {
  return `/${EXERCISE_PREFIX}${slug}/#worked-outline`;
}

export interface PromptFilter {
  /** "" means any level. */
  level: string;
  /** "" means any domain. */
  domain: string;
}

/** The prompts that match both filters, in exercise order. */
export function matchingPrompts(prompts: readonly MockPrompt[], filter: PromptFilter): MockPrompt[] {
  return prompts
    .filter(
      (p) =>
        (filter.level === '' || p.level === filter.level) &&
        (filter.domain === '' || p.domains.includes(filter.domain)),
    )
    .sort((a, b) => a.number - b.number);
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
  const pool = candidates.length > 1 ? candidates.filter((p) => p.slug !== current) : candidates;
  if (pool.length === 0) return null;
  const r = random();
  const index = Math.min(pool.length - 1, Math.max(0, Math.floor((Number.isFinite(r) ? r : 0) * pool.length)));
  return pool[index];
}

/** What to tell the reader when no prompt matches the filters. */
export function noMatchMessage(filter: PromptFilter): string {
  const parts = [filter.level && `level ${filter.level}`, filter.domain && `domain ${filter.domain}`].filter(Boolean);
  return `No exercise matches ${parts.join(' and ')}. Choose "Any" for one of the filters.`;
}
