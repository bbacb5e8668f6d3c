/**
 * Rubric gradings and the flashcards made from missed rubric items. After a mock, or on any exercise or
 * case page, the reader ticks the rubric items their answer covered; every item they missed becomes a
 * flashcard, due at once, whose front is the item's cue, back its point and link the section that
 * teaches it. Pure: no DOM, no storage (src/client/store.ts keeps it).
 *
 * Stored in localStorage "mlguide:rubric" (version 1):
 *
 *   { "version": 1,
 *     "gradings": [ { "id": "mock:m1k2..." | "page:<page>:<epoch ms>", "page": "practice/cases/news-feed",
 *                     "source": "mock" | "page", "at": <epoch ms>, "covered": ["<item id>"],
 *                     "missed": ["<item id>"], "scores": { "<dimension id>": 1..4 } } ],
 *     "cards": { "<page>#<item id>": { "front": "...", "back": "...", "link": "/site/path/#anchor",
 *                                      "chapter": "<title of the linked page>", "title": "<prompt title>",
 *                                      "level": "Junior" | "Mid" | "Senior" | "Staff", "addedAt": <epoch ms> } } }
 *
 * A grading with the id of an earlier one replaces it (grading the same mock again, or saving twice
 * on one visit to a page), so re-grading never adds a second record or a second card. Card ids are
 * stable ("<page>#<item id>", card-id.ts), so a missed item that already has a card keeps it, with
 * its schedule, and only its text is refreshed. Gradings are kept oldest first, for the progress
 * page's scores over time. A card's schedule lives with every other card's in the flashcard progress
 * (mlguide:flashcards); until its first review it counts as due from `addedAt`.
 */
import { PROMPT_LEVELS, type PromptLevel } from '../../config/taxonomy.ts';
import { isRecord, type StoredFormat } from '../../client/store.ts';
import { isPageId, isSiteAbsolute } from '../../site/paths.ts';
import { isDimension, isScore, type Scores } from '../mock/rubric.ts';
import { parseRubricCardId, rubricCardId } from './card-id.ts';

export const RUBRIC_KEY = 'mlguide:rubric';
const VERSION = 1;
/** Text limits that no authored item comes near; they keep a damaged store from growing without end. */
const TEXT_MAX = 2_000;

/** A rubric item as plain text (its Markdown rendered to text at build time). */
export interface RubricItem {
  id: string;
  cue: string;
  point: string;
  /** Site path without the base, e.g. "/lifecycle/evaluation/#calibration". */
  link: string;
  /** Title of the page the link points at. */
  chapter: string;
}

export type GradingSource = 'mock' | 'page';

export interface Grading {
  id: string;
  page: string;
  source: GradingSource;
  at: number;
  covered: string[];
  missed: string[];
  /** The 8-dimension self-score of a mock (empty for a grading on a page). */
  scores: Scores;
}

export interface RubricCard {
  front: string;
  back: string;
  link: string;
  chapter: string;
  title: string;
  level: PromptLevel;
  addedAt: number;
}

export interface RubricState {
  gradings: Grading[];
  cards: Record<string, RubricCard>;
}

export const emptyRubricState = (): RubricState => ({ gradings: [], cards: {} });

/** What a grading is about: the prompt's page, title and level, and its rubric. */
export interface GradedPrompt {
  page: string;
  title: string;
  level: PromptLevel;
  items: readonly RubricItem[];
}

export interface NewGrading {
  id: string;
  source: GradingSource;
  at: number;
  covered: readonly string[];
  scores?: Scores;
}

/**
 * The state after the reader grades `prompt`: the grading recorded (replacing one with the same id),
 * and a card for every missed item, due from `at`. `added` lists the ids of cards new to the deck;
 * `missed` the ids of every missed item's card.
 * Example: 10 items, 7 covered -> 3 missed; grading again with the same id and 8 covered adds no card.
 */
export function recordGrading(
  state: RubricState,
  prompt: GradedPrompt,
  grading: NewGrading,
): { state: RubricState; added: string[]; missed: string[] } {
  const ids = new Set(prompt.items.map((item) => item.id));
  const covered = [...new Set(grading.covered)].filter((id) => ids.has(id));
  const missedItems = prompt.items.filter((item) => !covered.includes(item.id));
  const record: Grading = {
    id: grading.id,
    page: prompt.page,
    source: grading.source,
    at: grading.at,
    covered,
    missed: missedItems.map((item) => item.id),
    scores: { ...grading.scores },
  };
  const cards = { ...state.cards };
  const added: string[] = [];
  const missed: string[] = [];
  for (const item of missedItems) {
    const id = rubricCardId(prompt.page, item.id);
    const existing = Object.hasOwn(cards, id) ? cards[id] : undefined;
    if (!existing) added.push(id);
    missed.push(id);
    cards[id] = {
      front: item.cue,
      back: item.point,
      link: item.link,
      chapter: item.chapter,
      title: prompt.title,
      level: prompt.level,
      addedAt: existing?.addedAt ?? grading.at,
    };
  }
  const gradings = [...state.gradings.filter((g) => g.id !== record.id), record].sort((a, b) => a.at - b.at);
  return { state: { gradings, cards }, added, missed };
}

/** The latest grading with this id, or of this page when `id` is omitted. */
export function latestGrading(state: RubricState, page: string, id?: string): Grading | undefined {
  return state.gradings.filter((g) => g.page === page && (id === undefined || g.id === id)).at(-1);
}

/** One sentence for the reader after grading. */
export function gradingMessage(total: number, covered: number, added: number, missed: number): string {
  const head = `You covered ${covered} of ${total}.`;
  if (missed === 0) return `${head} Nothing missed, so no new cards.`;
  const cards = (n: number) => `${n} card${n === 1 ? '' : 's'}`;
  const already = missed - added;
  const news =
    added > 0 ? `${cards(added)} from what you missed ${added === 1 ? 'is' : 'are'} now due in your flashcards` : '';
  const old =
    already > 0 ? `${cards(already)} you had already missed ${already === 1 ? 'stays' : 'stay'} in the deck` : '';
  return `${head} ${[news, old].filter(Boolean).join('; ')}.`;
}

// ---- the stored format ----------------------------------------------------------------------

const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const GRADING_ID = /^(mock:m[a-z0-9]{1,20}|page:[a-z0-9/-]{1,200}:\d{1,16})$/;

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= TEXT_MAX;
const isItemList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((id) => typeof id === 'string' && ITEM_ID.test(id));

function readGrading(value: unknown): Grading | null {
  if (!isRecord(value)) return null;
  const { id, page, source, at, covered, missed, scores } = value;
  if (typeof id !== 'string' || !GRADING_ID.test(id)) return null;
  if (typeof page !== 'string' || !isPageId(page)) return null;
  if (source !== 'mock' && source !== 'page') return null;
  if (!isTime(at) || !isItemList(covered) || !isItemList(missed) || !isRecord(scores)) return null;
  const cleanScores: Scores = {};
  for (const [key, score] of Object.entries(scores)) {
    if (!isDimension(key) || !isScore(score)) return null;
    cleanScores[key] = score;
  }
  return { id, page, source, at, covered, missed, scores: cleanScores };
}

function readCard(id: string, value: unknown): RubricCard | null {
  if (!parseRubricCardId(id) || !isRecord(value)) return null;
  const { front, back, link, chapter, title, level, addedAt } = value;
  if (!isText(front) || !isText(back) || !isText(chapter) || !isText(title)) return null;
  if (typeof link !== 'string' || !isSiteAbsolute(link) || link.length > TEXT_MAX) return null;
  if (!PROMPT_LEVELS.includes(level as PromptLevel) || !isTime(addedAt)) return null;
  return { front, back, link, chapter, title, level: level as PromptLevel, addedAt };
}

/** The stored format of gradings and rubric cards: a damaged grading or card skips only itself. */
export const RUBRIC_FORMAT: StoredFormat<RubricState> = {
  key: RUBRIC_KEY,
  noun: 'rubric gradings',
  version: VERSION,
  empty: emptyRubricState,
  read(document) {
    if (!Array.isArray(document.gradings) || !isRecord(document.cards)) return null;
    const skipped: string[] = [];
    const gradings: Grading[] = [];
    for (const [index, value] of document.gradings.entries()) {
      const grading = readGrading(value);
      if (grading) gradings.push(grading);
      else skipped.push(`grading ${index + 1}`);
    }
    const cards: [string, RubricCard][] = [];
    for (const [id, value] of Object.entries(document.cards)) {
      const card = readCard(id, value);
      if (card) cards.push([id, card]);
      else skipped.push(`card ${JSON.stringify(id.slice(0, 60))}`);
    }
    // fromEntries defines own properties, so even an id like "__proto__" stays plain data.
    return { value: { gradings: gradings.sort((a, b) => a.at - b.at), cards: Object.fromEntries(cards) }, skipped };
  },
  write: (state) => ({ version: VERSION, gradings: state.gradings, cards: state.cards }),
};

/**
 * An imported rubric state (a backup) merged into the reader's, for the one backup of all study state:
 * gradings are joined by id, the later-graded of two with one id winning; cards are joined by id, the
 * reader's kept where both have one (its text is the same item's) with the earlier `addedAt`. Nothing
 * the reader has is dropped. Counts are of gradings and cards: `added` new to the reader, `updated`
 * replaced by a later import, `kept` where the reader's differed and stayed.
 */
export function mergeRubricStates(
  mine: RubricState,
  incoming: RubricState,
): { value: RubricState; added: number; updated: number; kept: number } {
  let added = 0;
  let updated = 0;
  let kept = 0;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const gradings = new Map(mine.gradings.map((g) => [g.id, g]));
  for (const theirs of incoming.gradings) {
    const ours = gradings.get(theirs.id);
    if (!ours) added += 1;
    else if (same(ours, theirs)) continue;
    else if (theirs.at > ours.at) updated += 1;
    else {
      kept += 1;
      continue;
    }
    gradings.set(theirs.id, theirs);
  }
  const cards = new Map(Object.entries(mine.cards));
  for (const [id, theirs] of Object.entries(incoming.cards)) {
    const ours = cards.get(id);
    if (!ours) {
      added += 1;
      cards.set(id, theirs);
    } else if (!same(ours, theirs)) {
      kept += 1;
      cards.set(id, { ...ours, addedAt: Math.min(ours.addedAt, theirs.addedAt) });
    }
  }
  return {
    // fromEntries defines own properties, so even an id like "__proto__" stays plain data.
    value: { gradings: [...gradings.values()].sort((a, b) => a.at - b.at), cards: Object.fromEntries(cards) },
    added,
    updated,
    kept,
  };
}
