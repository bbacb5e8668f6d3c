// Saved and imported flashcard progress: everything is validated before anything is returned, older
// versions migrate, and renamed or retired cards keep their history (issue 20's saved-progress test).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import {
  FLASHCARDS_FORMAT,
  FORMAT,
  RENAMES,
  VERSION,
  applyRenames,
  mergeProgress,
  parseProgress,
  serializeProgress,
} from '../../../src/study/flashcards/progress.ts';
import { gradeCard, type Progress } from '../../../src/study/flashcards/schedule.ts';
import { parseStored } from '../../../src/client/store.ts';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const KNOWN = new Set(['drift-psi', 'ndcg', 'canary']);
const IMPORT = { knownIds: KNOWN, rejectUnknown: true };
const progress = gradeCard(gradeCard({}, 'drift-psi', Rating.Good, NOW), 'ndcg', Rating.Again, NOW);
const exported = serializeProgress({ cards: progress, retired: {} }, NOW);
const withCards = (cards: unknown) => JSON.stringify({ format: FORMAT, version: VERSION, cards, retired: {} });

function rejected(text: string, options = IMPORT): string {
  const result = parseProgress(text, options);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.message;
}

describe('parseProgress', () => {
  it('accepts a valid export and gives back the same progress', () => {
    const result = parseProgress(exported, IMPORT);
    expect(result).toEqual({ ok: true, saved: { cards: progress, retired: {} }, unknownIds: [] });
    expect(JSON.parse(exported)).toMatchObject({
      format: 'mlguide-flashcards',
      version: 2,
      savedAt: NOW.toISOString(),
    });
  });

  it('accepts an export with no cards yet', () => {
    const empty = { cards: {}, retired: {} };
    expect(parseProgress(serializeProgress(empty, NOW), IMPORT)).toEqual({ ok: true, saved: empty, unknownIds: [] });
  });

  it('rejects corrupt files', () => {
    expect(rejected('{"format": "mlguide-flashcards", "vers')).toBe(
      'This file is not valid JSON, so it cannot be flashcard progress.',
    );
    expect(rejected('')).toBe('This file is not valid JSON, so it cannot be flashcard progress.');
    expect(rejected(' '.repeat(2_000_001))).toBe('This file is far too large to be flashcard progress.');
  });

  it('rejects foreign files: another shape, another app, another version', () => {
    const foreign = 'This is not a flashcard progress file from this guide.';
    expect(rejected('[1, 2, 3]')).toBe(foreign);
    expect(rejected('null')).toBe(foreign);
    expect(rejected(JSON.stringify({ version: 1, marks: { q: 'got' } }))).toBe(foreign);
    expect(rejected(JSON.stringify({ format: 'anki', version: 1, cards: {} }))).toBe(foreign);
    expect(rejected(JSON.stringify({ format: FORMAT, version: 3, cards: {} }))).toBe(
      'This progress file has format version 3; this page reads versions 1 to 2.',
    );
    expect(rejected(JSON.stringify({ format: FORMAT, version: '1', cards: {} }))).toBe(
      'This progress file has format version "1"; this page reads versions 1 to 2.',
    );
    expect(rejected(JSON.stringify({ format: FORMAT, version: 1, cards: [] }))).toBe(
      'This progress file has no "cards" object.',
    );
    expect(rejected(JSON.stringify({ format: FORMAT, version: 2, cards: {} }))).toBe(
      'This progress file has no "retired" object.',
    );
  });

  it('rejects damaged card entries, naming the card and the field', () => {
    const good = progress['drift-psi'];
    expect(rejected(withCards({ ndcg: { ...good, due: 'tomorrow' } }))).toBe(
      'The progress for card "ndcg" is damaged: "due" is not a date.',
    );
    expect(rejected(withCards({ ndcg: { ...good, stability: -1 } }))).toBe(
      'The progress for card "ndcg" is damaged: "stability" is not a number of 0 or more.',
    );
    expect(rejected(withCards({ ndcg: { ...good, reps: 1.5 } }))).toBe(
      'The progress for card "ndcg" is damaged: "reps" is not a whole number of 0 or more.',
    );
    expect(rejected(withCards({ ndcg: { ...good, state: 7 } }))).toBe(
      'The progress for card "ndcg" is damaged: "state" is not 0, 1, 2 or 3.',
    );
    expect(rejected(withCards({ ndcg: { ...good, last_review: 5 } }))).toBe(
      'The progress for card "ndcg" is damaged: "last_review" is neither a date nor null.',
    );
    expect(rejected(withCards({ ndcg: 'soon' }))).toBe('The progress for card "ndcg" is damaged: it is not an object.');
  });

  it('rejects an import that names cards the deck does not have', () => {
    const card = progress['drift-psi'];
    expect(rejected(withCards({ 'drift-psi': card, 'not-a-card': card }))).toBe(
      'This file has progress for a card this deck does not have ("not-a-card"); it may come from another deck or version of the guide.',
    );
    const many = Object.fromEntries(['w', 'x', 'y', 'z'].map((id) => [id, card]));
    expect(rejected(withCards(many))).toContain('for 4 cards this deck does not have ("w", "x", "y" and 1 more)');
    expect(rejected(`{"format":"${FORMAT}","version":1,"cards":{"__proto__":${JSON.stringify(card)}}}`)).toContain(
      '("__proto__")',
    );
    // Cards made from missed rubric items are the reader's own, not another deck's.
    const own = parseProgress(withCards({ 'practice/cases/news-feed#label-delay': card }), IMPORT);
    expect(own.ok && own.unknownIds).toEqual([]);
  });

  it('keeps unknown cards in saved progress (a card removed from the deck keeps its history)', () => {
    const text = withCards({ 'drift-psi': progress['drift-psi'], removed: progress.ndcg });
    const result = parseProgress(text, { knownIds: KNOWN, rejectUnknown: false });
    expect(result.ok && Object.keys(result.saved.cards)).toEqual(['drift-psi', 'removed']);
    expect(result.ok && result.unknownIds).toEqual(['removed']);
  });
});

describe('mergeProgress', () => {
  it('keeps cards from both sides and the more recent review of a card in both', () => {
    const older = gradeCard({}, 'canary', Rating.Again, NOW);
    const later = new Date(NOW.getTime() + 3_600_000);
    const newer = gradeCard({}, 'canary', Rating.Easy, later);
    const saved = (cards: Progress, retired: Progress = {}) => ({ cards, retired });
    const merged = mergeProgress(saved({ ...progress, ...newer }), saved(older));
    expect(merged.cards.canary).toEqual(newer.canary);
    expect(Object.keys(merged.cards).sort()).toEqual(['canary', 'drift-psi', 'ndcg']);
    expect(mergeProgress(saved(older), saved(newer)).cards.canary).toEqual(newer.canary);
    expect(mergeProgress(saved({}, older), saved({}, newer)).retired.canary).toEqual(newer.canary);
  });
});

describe('renamed and retired cards', () => {
  const early = gradeCard({}, 'x', Rating.Good, NOW).x;
  const late = gradeCard({}, 'x', Rating.Again, new Date(NOW.getTime() + 86_400_000)).x;
  const renames = { 'old-name': 'new-name', gone: null, 'both-a': 'both-b' };

  it("moves a renamed card's history to the new id and keeps a retired card's history aside", () => {
    const saved = applyRenames({ cards: { 'old-name': early, gone: late, kept: early }, retired: {} }, renames);
    expect(saved).toEqual({ cards: { kept: early, 'new-name': early }, retired: { gone: late } });
    expect(applyRenames(saved, renames)).toEqual(saved); // idempotent: applied on every reading
  });

  it('keeps the more recent history in place when old and new ids both have one, and retires the other', () => {
    expect(applyRenames({ cards: { 'both-a': early, 'both-b': late }, retired: {} }, renames)).toEqual({
      cards: { 'both-b': late },
      retired: { 'both-a': early },
    });
    expect(applyRenames({ cards: { 'both-a': late, 'both-b': early }, retired: {} }, renames)).toEqual({
      cards: { 'both-b': late },
      retired: { 'both-a': early },
    });
  });

  it('migrates a version 1 document, adding an empty retired map', () => {
    const v1 = JSON.stringify({ format: FORMAT, version: 1, savedAt: NOW.toISOString(), cards: progress });
    expect(parseStored(FLASHCARDS_FORMAT, v1)).toEqual({
      value: { cards: progress, retired: {} },
      notices: [],
      lossy: false,
    });
  });

  it("loads an export from the 2026-11-23 deck with every card's history present", () => {
    const text = readFileSync(new URL('../../fixtures/flashcards-progress-2026-11-23.json', import.meta.url), 'utf8');
    const old = JSON.parse(text).cards as Progress;
    const folder = new URL('../../../content/data/flashcards/', import.meta.url);
    const deckIds = new Set(
      readdirSync(folder).flatMap((name) =>
        (JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as { id: string }[]).map((card) => card.id),
      ),
    );
    const stored = parseStored(FLASHCARDS_FORMAT, text);
    expect(stored.notices).toEqual([]);
    expect(stored.lossy).toBe(false);
    const imported = parseProgress(text, { knownIds: deckIds, rejectUnknown: true });
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.saved).toEqual(stored.value);
    expect(Object.keys(old)).toHaveLength(165);
    for (const [id, card] of Object.entries(old)) {
      const next = Object.hasOwn(RENAMES, id) ? RENAMES[id] : id;
      const where = next === null ? stored.value.retired[id] : stored.value.cards[next];
      expect(where, id).toEqual(card);
    }
    expect(Object.keys(stored.value.retired).length).toBeGreaterThan(0);
  });
});
