/**
 * What the progress page says about the reader's study, computed from the stores' values. Pure: no
 * DOM, no storage, no clock (every function takes `now`).
 */
import { buildQueue, retrievability, type Progress } from '../flashcards/schedule.ts';
import { DIMENSIONS, summarize, type Score } from '../mock/rubric.ts';
import type { MockRecord } from '../mock/session.ts';

/** A deck card as the progress page needs it (from the flashcards collection at build time). */
export interface CardRef {
  id: string;
  section: string;
  /** The chapter that teaches the card, with the base path and anchor. */
  href: string;
  chapter: string;
}

export interface CardStats {
  due: number;
  studied: number;
  fresh: number;
  /** Mean chance of recalling a studied card now (0 to 1), or null before the first review. */
  retention: number | null;
}

/** Cards due now, studied and new, and estimated retention, over the deck's cards. */
export function cardStats(cards: readonly CardRef[], progress: Progress, now: Date): CardStats {
  const ids = cards.map((c) => c.id);
  const queue = buildQueue(ids, progress, now);
  const studied = ids.filter((id) => Object.hasOwn(progress, id));
  const retention =
    studied.length === 0
      ? null
      : studied.reduce((sum, id) => sum + retrievability(progress[id], now), 0) / studied.length;
  return { due: queue.due.length, studied: studied.length, fresh: queue.fresh.length, retention };
}

export interface WeakSection {
  section: string;
  /** Times cards of the section were forgotten after being learned (FSRS lapses). */
  lapses: number;
  /** The chapter of the section's most-lapsed card: where to go back to. */
  href: string;
  chapter: string;
}

/** Sections ranked by lapsed cards, most first (ties by section order in `cards`), at most `limit`. */
export function weakSections(cards: readonly CardRef[], progress: Progress, limit = 3): WeakSection[] {
  const bySection = new Map<string, { lapses: number; worst: CardRef; worstLapses: number }>();
  for (const card of cards) {
    const lapses = Object.hasOwn(progress, card.id) ? progress[card.id].lapses : 0;
    if (lapses === 0) continue;
    const row = bySection.get(card.section);
    if (!row) bySection.set(card.section, { lapses, worst: card, worstLapses: lapses });
    else {
      row.lapses += lapses;
      if (lapses > row.worstLapses) Object.assign(row, { worst: card, worstLapses: lapses });
    }
  }
  return [...bySection.entries()]
    .map(([section, row]) => ({ section, lapses: row.lapses, href: row.worst.href, chapter: row.worst.chapter }))
    .sort((a, b) => b.lapses - a.lapses)
    .slice(0, limit);
}

export interface MockResult {
  /** Prompt id ("cases/news-feed"), or null for the reader's own prompt. */
  prompt: string | null;
  total: number;
  verdict: string;
  /** Rubric dimensions scored 1 or 2: what to drill. */
  weak: { label: string; score: Score }[];
}

/** The results of scored mocks (scoredMocks in session.ts), in the same order. */
export function mockResults(mocks: readonly MockRecord[]): MockResult[] {
  return mocks.map(({ prompt, scores }) => {
    const summary = summarize(scores);
    const weak = DIMENSIONS.flatMap((d) => {
      const score = scores[d.id];
      return score !== undefined && score <= 2 ? [{ label: d.label, score }] : [];
    });
    return { prompt, total: summary.total, verdict: summary.verdict, weak };
  });
}
