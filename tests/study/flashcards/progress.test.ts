// Saved and imported flashcard progress: everything is validated before anything is returned.
import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import {
  FORMAT,
  VERSION,
  mergeProgress,
  parseProgress,
  serializeProgress,
} from '../../../src/study/flashcards/progress.ts';
import { gradeCard } from '../../../src/study/flashcards/schedule.ts';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const KNOWN = new Set(['drift-psi', 'ndcg', 'canary']);
const IMPORT = { knownIds: KNOWN, rejectUnknown: true };
const progress = gradeCard(gradeCard({}, 'drift-psi', Rating.Good, NOW), 'ndcg', Rating.Again, NOW);
const exported = serializeProgress(progress, NOW);
const withCards = (cards: unknown) => JSON.stringify({ format: FORMAT, version: VERSION, cards });

function rejected(text: string, options = IMPORT): string {
  const result = parseProgress(text, options);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.message;
}

describe('parseProgress', () => {
  it('accepts a valid export and gives back the same progress', () => {
    const result = parseProgress(exported, IMPORT);
    expect(result).toEqual({ ok: true, progress, unknownIds: [] });
    expect(JSON.parse(exported)).toMatchObject({
      format: 'mlguide-flashcards',
      version: 1,
      savedAt: NOW.toISOString(),
    });
  });

  it('accepts an export with no cards yet', () => {
    expect(parseProgress(serializeProgress({}, NOW), IMPORT)).toEqual({ ok: true, progress: {}, unknownIds: [] });
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
    expect(rejected(JSON.stringify({ format: FORMAT, version: 2, cards: {} }))).toBe(
      'This progress file has format version 2; this page reads version 1.',
    );
    expect(rejected(JSON.stringify({ format: FORMAT, version: '1', cards: {} }))).toBe(
      'This progress file has format version "1"; this page reads version 1.',
    );
    expect(rejected(JSON.stringify({ format: FORMAT, version: 1, cards: [] }))).toBe(
      'This progress file has no "cards" object.',
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
  });

  it('keeps unknown cards in saved progress (a card removed from the deck keeps its history)', () => {
    const text = withCards({ 'drift-psi': progress['drift-psi'], retired: progress.ndcg });
    const result = parseProgress(text, { knownIds: KNOWN, rejectUnknown: false });
    expect(result.ok && Object.keys(result.progress)).toEqual(['drift-psi', 'retired']);
    expect(result.ok && result.unknownIds).toEqual(['retired']);
  });
});

describe('mergeProgress', () => {
  it('keeps cards from both sides and the more recent review of a card in both', () => {
    const older = gradeCard({}, 'canary', Rating.Again, NOW);
    const later = new Date(NOW.getTime() + 3_600_000);
    const newer = gradeCard({}, 'canary', Rating.Easy, later);
    const merged = mergeProgress({ ...progress, ...newer }, older);
    expect(merged.canary).toEqual(newer.canary);
    expect(Object.keys(merged).sort()).toEqual(['canary', 'drift-psi', 'ndcg']);
    expect(mergeProgress(older, newer).canary).toEqual(newer.canary);
  });
});
