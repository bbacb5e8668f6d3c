// The deck's filters from the URL and the embedded JSON.
import { describe, expect, it } from 'vitest';
import { FC_NS, FLASHCARD_FILTERS, deckJson, filterCards, type DeckCard } from '../../../src/study/flashcards/deck.ts';
import { parseState } from '../../../src/client/url-state.ts';

const card = (id: string, section: string, level: DeckCard['level']): DeckCard => ({
  id,
  section,
  level,
  front: `Front of ${id}`,
  back: `Back of ${id}`,
  href: `/ml-guide/${section}/`,
  chapter: section,
});
const CARDS = [card('a', 'monitoring', 'Senior'), card('b', 'monitoring', 'Junior'), card('c', 'serving', 'Senior')];

describe('flashcard filters', () => {
  it('reads section and level from the URL and filters the deck', () => {
    const { state: values, notices } = parseState(FLASHCARD_FILTERS, FC_NS, '?fc.section=monitoring&fc.level=Senior');
    expect(notices).toEqual([]);
    expect(values).toEqual({ section: 'monitoring', level: 'Senior' });
    expect(filterCards(CARDS, values).map((c) => c.id)).toEqual(['a']);
    expect(filterCards(CARDS, { section: '', level: 'Senior' }).map((c) => c.id)).toEqual(['a', 'c']);
    expect(filterCards(CARDS, { section: '', level: '' })).toHaveLength(3);
  });

  it('ignores a section that is not a site section, with a notice', () => {
    const { state: values, notices } = parseState(FLASHCARD_FILTERS, FC_NS, '?fc.section=astrology');
    expect(values.section).toBe('');
    expect(notices[0]).toMatch(/^Section must be one of: \(any\), start, lifecycle,/);
  });
});

describe('deckJson', () => {
  it('cannot close the script tag it is embedded in', () => {
    const evil = { ...card('x', 'start', 'Mid'), front: '</script><script>alert(1)</script>' };
    const json = deckJson([evil]);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)[0].front).toBe(evil.front);
  });
});
