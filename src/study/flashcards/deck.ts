/**
 * The flashcard deck as the page carries it: cards from the `flashcards` collection, embedded as JSON
 * at build time, plus the section and level filters kept in the URL (?fc.section=monitoring&fc.level=Senior).
 * Pure: no DOM.
 */
import { LEVELS, type Level } from '../../config/taxonomy.ts';
import { SECTIONS } from '../../site/sections.ts';
import { filterField, type FieldValues } from '../../client/fields.ts';

export interface DeckCard {
  id: string;
  section: string;
  level: Level;
  front: string;
  back: string;
  /** The chapter section that teaches the card, already prefixed with the site's base path. */
  href: string;
  /** The title of that chapter, for the link text. */
  chapter: string;
}

export const FC_NS = 'fc';

export const SECTION_NAMES: Record<string, string> = Object.fromEntries(SECTIONS.map((s) => [s.slug, s.label]));

export const FLASHCARD_FILTERS = {
  section: filterField(
    'Section',
    SECTIONS.map((s) => s.slug),
    SECTION_NAMES,
  ),
  level: filterField('Level', LEVELS),
};

export type FlashcardFilters = FieldValues<typeof FLASHCARD_FILTERS>;

export function filterCards(cards: readonly DeckCard[], filters: FlashcardFilters): DeckCard[] {
  return cards.filter(
    (card) =>
      (!filters.section || card.section === filters.section) && (!filters.level || card.level === filters.level),
  );
}

/**
 * The order a new reader meets the cards in: SECTIONS as in the site map, then the order authors
 * wrote them (`position`, from the content loader). Returns a sorted copy.
 */
export function inDeckOrder<T extends { section: string; position: number }>(cards: readonly T[]): T[] {
  const rank = new Map<string, number>(SECTIONS.map((s, i) => [s.slug, i]));
  const of = (section: string) => rank.get(section) ?? SECTIONS.length;
  return [...cards].sort((a, b) => of(a.section) - of(b.section) || a.position - b.position);
}

/** Serializes the deck for a <script type="application/json">: "<" is escaped so no text can close the tag. */
export function deckJson(cards: readonly DeckCard[]): string {
  return JSON.stringify(cards).replace(/</g, '\\u003c');
}
