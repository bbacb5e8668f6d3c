import { describe, expect, it } from 'vitest';
import { cardStats, mockResults, weakSections, type CardRef } from '../../../src/study/dashboard/insights.ts';
import type { StoredCard } from '../../../src/study/flashcards/schedule.ts';
import { newSession, scoredMocks } from '../../../src/study/mock/session.ts';
import { SCORED } from '../mock/scored.ts';

const NOW = new Date('2026-12-10T00:00:00.000Z');

/** A review card last seen `daysAgo` days before NOW, with stability `stability` days. */
const reviewed = (daysAgo: number, stability: number, lapses = 0, dueInDays = 1): StoredCard => ({
  due: new Date(NOW.getTime() + dueInDays * 86_400_000).toISOString(),
  stability,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: stability,
  learning_steps: 0,
  reps: 3,
  lapses,
  state: 2,
  last_review: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
});

const CARDS: CardRef[] = [
  { id: 'a', section: 'lifecycle', href: '/ml-guide/lifecycle/evaluation/#x', chapter: 'Evaluation' },
  { id: 'b', section: 'lifecycle', href: '/ml-guide/lifecycle/features/#y', chapter: 'Features' },
  { id: 'c', section: 'monitoring', href: '/ml-guide/monitoring/drift/#z', chapter: 'Drift' },
  { id: 'd', section: 'serving', href: '/ml-guide/serving/batching/', chapter: 'Batching' },
];

describe('flashcard numbers', () => {
  it('counts due, studied and new cards and averages the chance of recall', () => {
    // FSRS defines stability as the days after which recall falls to 90%: a card reviewed S days ago
    // is at 0.9; one reviewed just now is at 1.
    const progress = { a: reviewed(10, 10, 0, -1), b: reviewed(0, 10) };
    const stats = cardStats(CARDS, progress, NOW);
    expect({ ...stats, retention: Number(stats.retention!.toFixed(4)) }).toEqual({
      due: 1,
      studied: 2,
      fresh: 2,
      retention: 0.95,
    });
    expect(cardStats(CARDS, {}, NOW)).toEqual({ due: 0, studied: 0, fresh: 4, retention: null });
  });
});

describe('weakest sections', () => {
  it('ranks sections by forgotten cards and links the chapter of the most forgotten one', () => {
    const progress = { a: reviewed(1, 5, 1), b: reviewed(1, 5, 3), c: reviewed(1, 5, 2), d: reviewed(1, 5, 0) };
    expect(weakSections(CARDS, progress)).toEqual([
      { section: 'lifecycle', lapses: 4, href: '/ml-guide/lifecycle/features/#y', chapter: 'Features' },
      { section: 'monitoring', lapses: 2, href: '/ml-guide/monitoring/drift/#z', chapter: 'Drift' },
    ]);
    expect(weakSections(CARDS, progress, 1)).toHaveLength(1);
  });
});

describe('mock results', () => {
  it('counts a mock once it is finished and every dimension is scored, and names the low ones', () => {
    const done = { ...newSession(), prompt: 'card-fraud-detection', finished: true, runId: 'm1', scores: SCORED };
    const unfinished = { ...done, finished: false };
    const unscored = { ...done, scores: { clarify: 3 as const } };
    expect([unfinished, unscored].flatMap((s) => mockResults(scoredMocks(s)))).toEqual([]);
    expect(mockResults(scoredMocks(done))).toEqual([
      {
        prompt: 'card-fraud-detection',
        total: 22,
        verdict: '22 of 32: not yet; drill serving and scale before the next mock.',
        weak: [
          { label: 'Data and labels', score: 2 },
          { label: 'Serving and scale', score: 1 },
        ],
      },
    ]);
  });
});
