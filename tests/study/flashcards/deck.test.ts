// The deck's filters from the URL and the embedded JSON.
import { describe, expect, it } from 'vitest';
import {
  FC_NS,
  FLASHCARD_FILTERS,
  filterCards,
  rubricCardsAdded,
  rubricDeckCards,
  type DeckCard,
} from '../../../src/study/flashcards/deck.ts';
import { scriptJson } from '../../../src/study/shared/script-json.ts';
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
    expect(values).toEqual({ section: 'monitoring', level: 'Senior', source: '' });
    expect(filterCards(CARDS, values).map((c) => c.id)).toEqual(['a']);
    expect(filterCards(CARDS, { section: '', level: 'Senior', source: '' }).map((c) => c.id)).toEqual(['a', 'c']);
    expect(filterCards(CARDS, { section: '', level: '', source: '' })).toHaveLength(3);
  });

  it('adds the cards made from missed rubric items, "from your mocks", and filters by source', () => {
    const state = {
      gradings: [],
      cards: {
        'practice/cases/news-feed#label-delay': {
          front: 'When do engagement labels arrive?',
          back: 'Within a day for clicks.',
          link: '/monitoring/drift/#label-shift',
          chapter: 'Drift',
          title: 'Personalised news feed',
          level: 'Staff' as const,
          addedAt: Date.UTC(2026, 11, 1),
        },
      },
    };
    const mine = rubricDeckCards(state, '/ml-guide/');
    expect(mine).toEqual([
      {
        id: 'practice/cases/news-feed#label-delay',
        section: 'monitoring',
        level: 'Staff',
        front: 'When do engagement labels arrive?',
        back: 'Within a day for clicks.',
        href: '/ml-guide/monitoring/drift/#label-shift',
        chapter: 'Drift',
        from: 'Personalised news feed',
      },
    ]);
    const all = [...CARDS, ...mine];
    const { state: mocks } = parseState(FLASHCARD_FILTERS, FC_NS, '?fc.source=mocks');
    expect(filterCards(all, mocks).map((c) => c.id)).toEqual(['practice/cases/news-feed#label-delay']);
    expect(filterCards(all, { ...mocks, source: 'deck' }).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(rubricCardsAdded(state)).toEqual({ 'practice/cases/news-feed#label-delay': Date.UTC(2026, 11, 1) });
  });

  it('ignores a section that is not a site section, with a notice', () => {
    const { state: values, notices } = parseState(FLASHCARD_FILTERS, FC_NS, '?fc.section=astrology');
    expect(values.section).toBe('');
    expect(notices[0]).toMatch(/^Section must be one of: \(any\), start, lifecycle,/);
  });
});

describe('scriptJson', () => {
  it('cannot close the script tag it is embedded in', () => {
    const evil = { ...card('x', 'start', 'Mid'), front: '</script><script>alert(1)</script>' };
    const json = scriptJson([evil]);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)[0].front).toBe(evil.front);
  });
});
