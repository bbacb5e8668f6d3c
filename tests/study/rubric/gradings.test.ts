// Rubric grading: missed items become cards due at once, re-grading never duplicates a card, and the
// stored format keeps every readable grading and card.
import { describe, expect, it } from 'vitest';
import { parseStored } from '../../../src/client/store.ts';
import { buildQueue, withAddedCardsDue } from '../../../src/study/flashcards/schedule.ts';
import { isRubricCardId, parseRubricCardId, rubricCardId } from '../../../src/study/rubric/card-id.ts';
import {
  emptyRubricState,
  gradingMessage,
  latestGrading,
  mergeRubricStates,
  recordGrading,
  RUBRIC_FORMAT,
  type GradedPrompt,
} from '../../../src/study/rubric/gradings.ts';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const item = (id: string) => ({
  id,
  cue: `Cue of ${id}?`,
  point: `Point of ${id}.`,
  link: `/lifecycle/evaluation/#${id}`,
  chapter: 'Evaluation',
});
const PROMPT: GradedPrompt = {
  page: 'practice/cases/ad-click-prediction',
  title: 'Ad click prediction',
  level: 'Staff',
  items: ['scale', 'calibration', 'entropy', 'crosses'].map(item),
};
const cardId = (id: string) => rubricCardId(PROMPT.page, id);

describe('rubric card ids', () => {
  it('are "<page>#<item>" and never look like a deck card id', () => {
    expect(cardId('calibration')).toBe('practice/cases/ad-click-prediction#calibration');
    expect(parseRubricCardId(cardId('calibration'))).toEqual({ page: PROMPT.page, item: 'calibration' });
    for (const id of ['drift-psi', '#x', 'practice/cases/x#', 'Practice/x#y', 'a//b#c', 'a/b#C'])
      expect(isRubricCardId(id), id).toBe(false);
  });
});

describe('recordGrading', () => {
  it('turns every missed item into a card due from the grading time', () => {
    const { state, added, missed } = recordGrading(emptyRubricState(), PROMPT, {
      id: 'mock:mabc',
      source: 'mock',
      at: T0,
      covered: ['scale', 'entropy', 'not-an-item'],
      scores: { clarify: 3 },
    });
    expect(added).toEqual([cardId('calibration'), cardId('crosses')]);
    expect(missed).toEqual(added);
    expect(state.gradings).toEqual([
      {
        id: 'mock:mabc',
        page: PROMPT.page,
        source: 'mock',
        at: T0,
        covered: ['scale', 'entropy'],
        missed: ['calibration', 'crosses'],
        scores: { clarify: 3 },
      },
    ]);
    expect(state.cards[cardId('calibration')]).toEqual({
      front: 'Cue of calibration?',
      back: 'Point of calibration.',
      link: '/lifecycle/evaluation/#calibration',
      chapter: 'Evaluation',
      title: 'Ad click prediction',
      level: 'Staff',
      addedAt: T0,
    });
    // The deck sees them as due now, before any review is saved.
    const due = buildQueue(added, withAddedCardsDue({}, { [added[0]]: T0, [added[1]]: T0 }), new Date(T0 + 1));
    expect(due.due).toEqual(added);
  });

  it('re-grading the same mock replaces its grading and never adds a card twice', () => {
    const first = recordGrading(emptyRubricState(), PROMPT, { id: 'mock:m1', source: 'mock', at: T0, covered: [] });
    const again = recordGrading(first.state, PROMPT, {
      id: 'mock:m1',
      source: 'mock',
      at: T0 + 60_000,
      covered: ['scale'],
    });
    expect(again.added).toEqual([]);
    expect(again.missed).toHaveLength(3);
    expect(again.state.gradings).toHaveLength(1);
    expect(Object.keys(again.state.cards)).toHaveLength(4); // the covered item's card stays
    expect(again.state.cards[cardId('calibration')].addedAt).toBe(T0);
    // Another mock on the same prompt is a second grading, still with the same cards.
    const other = recordGrading(again.state, PROMPT, {
      id: 'mock:m2',
      source: 'mock',
      at: T0 + 120_000,
      covered: [],
    });
    expect(other.state.gradings.map((g) => g.id)).toEqual(['mock:m1', 'mock:m2']);
    expect(other.added).toEqual([]);
    expect(latestGrading(other.state, PROMPT.page)?.id).toBe('mock:m2');
    expect(latestGrading(other.state, PROMPT.page, 'mock:m1')?.at).toBe(T0 + 60_000);
  });

  it('says what happened in one sentence', () => {
    expect(gradingMessage(10, 10, 0, 0)).toBe('You covered 10 of 10. Nothing missed, so no new cards.');
    expect(gradingMessage(10, 7, 3, 3)).toBe(
      'You covered 7 of 10. 3 cards from what you missed are now due in your flashcards.',
    );
    expect(gradingMessage(10, 8, 1, 2)).toBe(
      'You covered 8 of 10. 1 card from what you missed is now due in your flashcards; 1 card you had already missed stays in the deck.',
    );
  });
});

describe('the stored rubric gradings', () => {
  const { state } = recordGrading(emptyRubricState(), PROMPT, {
    id: 'page:practice/cases/ad-click-prediction:5',
    source: 'page',
    at: T0,
    covered: ['scale'],
  });

  it('round-trips', () => {
    expect(parseStored(RUBRIC_FORMAT, JSON.stringify(RUBRIC_FORMAT.write(state)))).toEqual({
      value: state,
      notices: [],
      lossy: false,
    });
  });

  it('skips only a damaged grading or card, naming it', () => {
    const document = RUBRIC_FORMAT.write(state) as { gradings: unknown[]; cards: Record<string, unknown> };
    const damaged = {
      ...document,
      gradings: [...document.gradings, { id: 'x', page: '', at: -1 }],
      cards: { ...document.cards, 'not a card id': {}, [cardId('other')]: { front: 'x' } },
    };
    const parsed = parseStored(RUBRIC_FORMAT, JSON.stringify(damaged));
    expect(parsed.value).toEqual(state);
    expect(parsed.lossy).toBe(true);
    expect(parsed.notices[0]).toContain(
      'grading 2; card "not a card id"; card "practice/cases/ad-click-prediction#other"',
    );
  });

  it('refuses a document that is not gradings at all', () => {
    expect(parseStored(RUBRIC_FORMAT, '{"version":1,"gradings":{}}').notices[0]).toMatch(/not in the expected shape/);
  });
});

describe('mergeRubricStates (a backup imported into the reader’s gradings)', () => {
  const first = recordGrading(emptyRubricState(), PROMPT, {
    id: 'mock:ma',
    source: 'mock',
    at: T0,
    covered: ['scale'],
  });
  const mine = first.state;

  it('adds what the reader lacks and keeps every card the reader has', () => {
    const other = recordGrading(emptyRubricState(), PROMPT, {
      id: 'mock:mb',
      source: 'mock',
      at: T0 + 1000,
      covered: ['scale', 'calibration', 'entropy'],
    }).state;
    const merged = mergeRubricStates(mine, other);
    expect(merged.value.gradings.map((g) => g.id)).toEqual(['mock:ma', 'mock:mb']);
    expect(Object.keys(merged.value.cards).sort()).toEqual(Object.keys(mine.cards).sort());
    // The one card both have differs only in addedAt: the reader's, with the earlier time, stays.
    expect(merged.value.cards[cardId('crosses')].addedAt).toBe(T0);
    expect(merged).toMatchObject({ added: 1, updated: 0, kept: 1 });
  });

  it('takes the later of two gradings with one id, and is a no-op on itself', () => {
    const regraded = recordGrading(mine, PROMPT, { id: 'mock:ma', source: 'mock', at: T0 + 5, covered: [] }).state;
    const merged = mergeRubricStates(mine, regraded);
    expect(merged.value.gradings).toEqual(regraded.gradings);
    expect(merged.updated).toBe(1);
    expect(mergeRubricStates(regraded, mine).value.gradings).toEqual(regraded.gradings);
    expect(mergeRubricStates(mine, mine)).toEqual({ value: mine, added: 0, updated: 0, kept: 0 });
  });
});
