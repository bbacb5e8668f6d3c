/**
 * The flashcard deck as the page carries it: cards from the `flashcards` collection, embedded as JSON
 * at build time, the reader's own cards made from missed rubric items (src/study/rubric/gradings.ts,
 * "from your mocks"), and the section, level and source filters kept in the URL
 * (?fc.section=monitoring&fc.level=Senior&fc.source=mocks). Pure: no DOM.
 */
import { LEVELS, type PromptLevel } from '../../config/taxonomy.ts';
import { SECTIONS } from '../../site/sections.ts';
import { filterField, type FieldValues } from '../../client/fields.ts';
import { pageIdOf, sectionOf, withBase } from '../../site/paths.ts';
import type { RubricState } from '../rubric/gradings.ts';

export interface DeckCard {
  id: string;
  section: string;
  /** A rubric card has its prompt's level, which may be Staff. */
  level: PromptLevel;
  front: string;
  back: string;
  /** The chapter section that teaches the card, already prefixed with the site's base path. */
  href: string;
  /** The title of that chapter, for the link text. */
  chapter: string;
  /** For a card made from a missed rubric item: the title of the case or exercise it came from. */
  from?: string;
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
  source: filterField('Cards', ['deck', 'mocks'], { deck: 'The guide’s deck', mocks: 'From your mocks' }),
};

export type FlashcardFilters = FieldValues<typeof FLASHCARD_FILTERS>;

export function filterCards(cards: readonly DeckCard[], filters: FlashcardFilters): DeckCard[] {
  return cards.filter(
    (card) =>
      (!filters.section || card.section === filters.section) &&
      (!filters.level || card.level === filters.level) &&
      (!filters.source || (filters.source === 'mocks') === (card.from !== undefined)),
  );
}

/** The reader's cards from missed rubric items, oldest first, as deck cards (links under `base`). */
export function rubricDeckCards(state: RubricState, base?: string): DeckCard[] {
  return Object.entries(state.cards)
    .sort(([, a], [, b]) => a.addedAt - b.addedAt)
    .map(([id, card]) => ({
      id,
      section: sectionOf(pageIdOf(card.link)),
      level: card.level,
      front: card.front,
      back: card.back,
      href: withBase(card.link, base),
      chapter: card.chapter,
      from: card.title,
    }));
}

/** When each of the reader's rubric cards was made (epoch ms), by id: they are due from then. */
export function rubricCardsAdded(state: RubricState): Record<string, number> {
  return Object.fromEntries(Object.entries(state.cards).map(([id, card]) => [id, card.addedAt]));
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
