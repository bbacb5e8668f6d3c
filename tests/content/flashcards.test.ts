// The deck follows the minimum-information principle (one fact a card, short backs unless the card is
// a worked calculation, no enumeration or "X or Y?" fronts), ids are unique across the card files,
// and every card of the deck readers saved progress for still exists or is renamed, so no schedule breaks.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FOLDER = 'content/data/flashcards';
const RENAMES = 'content/data/flashcard-renames.json';
/** An export readers made from the deck as it stood on 2026-11-23 (165 cards, every one reviewed). */
const OLD_PROGRESS = 'tests/fixtures/flashcards-progress-2026-11-23.json';
const MAX_WORDS = 45;

interface Card {
  id: string;
  front: string;
  back: string;
  kind?: 'fact' | 'calculation';
  file: string;
}

const cards: Card[] = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) =>
    (JSON.parse(readFileSync(`${FOLDER}/${name}`, 'utf8')) as Card[]).map((card) => ({ ...card, file: name })),
  );
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** "Name the five ...", "List ...", "What are the three ...": an enumeration belongs on several cards. */
export const isEnumeration = (front: string) =>
  /^(name|list)\b/i.test(front) ||
  /^(what|which) are the (\w+ )?(two|three|four|five|six|seven|eight|nine|ten|\d+)\b/i.test(front);
/** "Batch or online?": a front whose honest answer is "it depends". Ask "When does X beat Y?" instead. */
export const isEitherOr = (front: string) => /\b\w+ or \w+[^,.;:]*\?$/i.test(front) && !/^(when|why|how|what|where)\b/i.test(front);

describe('the flashcard deck', () => {
  it('has unique ids across all card files', () => {
    const seen = new Map<string, string>();
    const clashes = cards.filter((c) => seen.has(c.id) || !seen.set(c.id, c.file)).map((c) => c.id);
    expect(clashes).toEqual([]);
  });

  it(`keeps backs to about ${MAX_WORDS} words unless the card is a worked calculation`, () => {
    const long = cards.filter((c) => c.kind !== 'calculation' && words(c.back) > MAX_WORDS).map((c) => c.id);
    expect(long).toEqual([]);
  });

  it('asks one thing per card: no enumeration fronts, no "X or Y?" fronts', () => {
    expect(cards.filter((c) => isEnumeration(c.front)).map((c) => c.id)).toEqual([]);
    expect(cards.filter((c) => isEitherOr(c.front)).map((c) => c.id)).toEqual([]);
  });

  it('still holds, or renames, every card readers have saved progress for', () => {
    const saved = Object.keys(JSON.parse(readFileSync(OLD_PROGRESS, 'utf8')).cards as object);
    const renames = JSON.parse(readFileSync(RENAMES, 'utf8')) as Record<string, string | null>;
    const ids = new Set(cards.map((c) => c.id));
    expect(saved.filter((id) => !ids.has(id) && !(id in renames))).toEqual([]);
    // A rename points at a card that exists; a retired card (null) is kept aside, never reused as an id.
    expect(Object.entries(renames).filter(([from, to]) => (to !== null && !ids.has(to)) || ids.has(from))).toEqual([]);
  });
});

describe('the front checks', () => {
  it('catch enumerations and either-or fronts, and pass ordinary questions', () => {
    expect(isEnumeration('Name the five sources of bias')).toBe(true);
    expect(isEnumeration('What are the three parts of a rubric?')).toBe(true);
    expect(isEnumeration('What does PSI above 0.25 mean?')).toBe(false);
    expect(isEitherOr('Feast or Tecton?')).toBe(true);
    expect(isEitherOr('Batch or online prediction for a nightly email?')).toBe(true);
    expect(isEitherOr('When does batch prediction beat online prediction?')).toBe(false);
    expect(isEitherOr('What is the KV cache size per token for Llama-3.1-8B?')).toBe(false);
  });
});
