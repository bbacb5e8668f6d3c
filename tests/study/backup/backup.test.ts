import { describe, expect, it } from 'vitest';
import { describeMerge, parseBackup, serializeBackup, serializeQuarantine } from '../../../src/study/backup/backup.ts';
import {
  mergeFlashcards,
  mergeMarks,
  mergeMock,
  mergePlan,
  mergeReadState,
  STUDY_STORES,
  mergeInterviewerSheet,
} from '../../../src/study/stores.ts';
import type { StoredCard } from '../../../src/study/flashcards/schedule.ts';
import { newSession } from '../../../src/study/mock/session.ts';
import { SCORED } from '../mock/scored.ts';
import { emptySavedPlan, PLAN_FORMAT, setDone, type SavedPlan } from '../../../src/study/plan/plan-state.ts';
import { buildPlan } from '../../../src/study/plan/planner.ts';
import { parseStored } from '../../../src/client/store.ts';
import { SAVED_FORMATS } from '../../../src/study/saved-formats.ts';
import { newSheet } from '../../../src/study/interviewer/state.ts';

const NOW = new Date('2026-12-03T22:00:00.000Z');

const card = (lastReview: string | null, reps: number): StoredCard => ({
  due: '2026-12-10T00:00:00.000Z',
  stability: 3,
  difficulty: 5,
  elapsed_days: 1,
  scheduled_days: 3,
  learning_steps: 0,
  reps,
  lapses: 0,
  state: 2,
  last_review: lastReview,
});

const PLAN = buildPlan(
  { start: '2026-12-01', interview: '2026-12-05', hoursPerDay: 1, level: 'Mid', focus: 'genai' },
  { chapters: [{ id: 'llm/rag', title: 'RAG', section: 'llm', minutes: 20 }], cases: [], exercises: [] },
);

describe('the one list of study stores', () => {
  it('names every store once, each with a noun and a merge', () => {
    const keys = STUDY_STORES.map((s) => s.format.key);
    expect(keys).toEqual([
      'mlguide:read',
      'mlguide:flashcards',
      'mlguide:questions',
      'mlguide:mock',
      'mlguide:plan',
      'mlguide:rubric',
      'mlguide:interviewer',
    ]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('backs up every saved format, so a new store cannot be left out of the backup', () => {
    expect(STUDY_STORES.map((s) => s.format.key).sort()).toEqual(SAVED_FORMATS.map((f) => f.key).sort());
  });

  it('fills an empty interviewer sheet from an import and never replaces one in use', () => {
    const used = { ...newSheet('cases/news-feed'), covered: ['scale'] };
    expect(mergeInterviewerSheet(newSheet(), used)).toMatchObject({ value: used, added: 1 });
    expect(mergeInterviewerSheet(used, newSheet('cases/video-search'))).toMatchObject({ value: used, kept: 1 });
  });
});

describe('merging an import into what the reader has', () => {
  it('reading progress: the union, keeping the first time a page was marked', () => {
    const m = mergeReadState(
      { version: 1, pages: { 'a/x': 200, 'a/y': 100 } },
      { version: 1, pages: { 'a/x': 150, 'b/z': 300 } },
    );
    expect(m).toEqual({
      value: { version: 1, pages: { 'a/x': 150, 'a/y': 100, 'b/z': 300 } },
      added: 1,
      updated: 0,
      kept: 0,
    });
  });

  it('flashcards: the more recent review wins, so an old backup never rolls study back', () => {
    const mine = { c1: card('2026-12-02T10:00:00.000Z', 4), c2: card('2026-11-01T10:00:00.000Z', 1) };
    const incoming = {
      c1: card('2026-11-20T10:00:00.000Z', 2), // older: mine stays
      c2: card('2026-12-01T10:00:00.000Z', 2), // newer: theirs
      c3: card(null, 0),
    };
    const retired = { old: card('2026-10-01T10:00:00.000Z', 3) };
    const m = mergeFlashcards({ cards: mine, retired: {} }, { cards: incoming, retired });
    expect(m.value).toEqual({ cards: { c1: mine.c1, c2: incoming.c2, c3: incoming.c3 }, retired });
    expect([m.added, m.updated, m.kept]).toEqual([2, 1, 1]);
    const same = { cards: mine, retired };
    expect(mergeFlashcards(same, same)).toEqual({ value: same, added: 0, updated: 0, kept: 0 });
  });

  it('question marks carry no time: where they differ, the reader’s mark stays', () => {
    expect(mergeMarks({ q1: 'got' }, { q1: 'review', q2: 'review' })).toEqual({
      value: { q1: 'got', q2: 'review' },
      added: 1,
      updated: 0,
      kept: 1,
    });
  });

  it('a mock session fills only a session the reader has not started', () => {
    const theirs = { ...newSession(), prompt: 'card-fraud-detection', finished: true, scores: { clarify: 3 as const } };
    expect(mergeMock(newSession(), theirs)).toEqual({ value: theirs, added: 1, updated: 0, kept: 0 });
    const mine = { ...newSession(), notes: 'my notes' };
    expect(mergeMock(mine, theirs)).toEqual({ value: mine, added: 0, updated: 0, kept: 1 });
  });

  it('earlier mocks are joined by run, whichever session wins', () => {
    const record = (runId: string) => ({ runId, prompt: null, scores: SCORED });
    const mine = { ...newSession(), notes: 'my notes', history: [record('m1'), record('m2')] };
    const theirs = { ...newSession(), notes: 'their notes', history: [record('m2'), record('m3')] };
    // Mine is started, so its session stays; their m3 joins, m2 is already here.
    expect(mergeMock(mine, theirs)).toEqual({
      value: { ...mine, history: [record('m1'), record('m2'), record('m3')] },
      added: 1,
      updated: 0,
      kept: 1,
    });
    // An unstarted session takes theirs, and keeps its own earlier mocks.
    const fresh = { ...newSession(), history: [record('m1')] };
    expect(mergeMock(fresh, theirs)).toEqual({
      value: { ...theirs, history: [record('m1'), record('m2'), record('m3')] },
      added: 3,
      updated: 0,
      kept: 0,
    });
    expect(mergeMock(mine, mine)).toEqual({ value: mine, added: 0, updated: 0, kept: 0 });
  });

  it('a study plan: the newer plan wins, done marks are joined', () => {
    const older: SavedPlan = setDone(
      { ...emptySavedPlan(), updatedAt: 100, plan: PLAN },
      'cards:2026-12-01',
      true,
      500,
    );
    const newerPlan = { ...PLAN, settings: { ...PLAN.settings, hoursPerDay: 2 } };
    const newer: SavedPlan = setDone(
      { ...emptySavedPlan(), updatedAt: 200, plan: newerPlan },
      'mock:2026-12-03',
      true,
      600,
    );
    const a = mergePlan(older, newer);
    expect(a.value).toEqual({
      version: 1,
      updatedAt: 200,
      plan: newerPlan,
      done: { 'cards:2026-12-01': 500, 'mock:2026-12-03': 600 },
    });
    expect([a.added, a.updated, a.kept]).toEqual([1, 1, 0]);
    const b = mergePlan(newer, older);
    expect(b.value.plan).toEqual(newerPlan);
    expect([b.added, b.updated, b.kept]).toEqual([1, 0, 1]);
  });
});

describe('the backup file', () => {
  const values = STUDY_STORES.map((s) => s.format.empty());
  values[0] = { version: 1, pages: { 'lifecycle/evaluation': 1_790_000_000_000 } };
  values[4] = { ...emptySavedPlan(), updatedAt: 1_790_000_000_000, plan: PLAN };
  const text = serializeBackup(STUDY_STORES, values, NOW);

  it('round-trips every store through its own reader', () => {
    const parsed = parseBackup(text, STUDY_STORES);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.unknownKeys).toEqual([]);
    expect(parsed.entries.map((e) => e.store.format.key)).toEqual(STUDY_STORES.map((s) => s.format.key));
    expect(parsed.entries.map((e) => e.value)).toEqual(values);
    expect(JSON.parse(text)).toMatchObject({ format: 'mlguide-backup', version: 1, exportedAt: NOW.toISOString() });
    // The plan document is the one the store saves, so the store reads it back unchanged.
    const planDoc = JSON.stringify(JSON.parse(text).stores['mlguide:plan']);
    expect(parseStored(PLAN_FORMAT, planDoc)).toEqual({ value: values[4], notices: [], lossy: false });
  });

  it('sets aside stores this guide does not know, and imports the rest', () => {
    const data = JSON.parse(text);
    data.stores['mlguide:future'] = { version: 1 };
    const parsed = parseBackup(JSON.stringify(data), STUDY_STORES);
    expect(parsed.ok && parsed.unknownKeys).toEqual(['mlguide:future']);
  });

  it('refuses a malformed file whole, with a message that says why', () => {
    const refuse = (t: string) => {
      const parsed = parseBackup(t, STUDY_STORES);
      return parsed.ok ? 'accepted' : parsed.message;
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test that damages parsed JSON in place
    const damage = (change: (data: Record<string, any>) => void) => {
      const data = JSON.parse(text);
      change(data);
      return refuse(JSON.stringify(data));
    };
    expect(refuse('{not json')).toBe('This file is not valid JSON, so it is not a backup of this guide.');
    expect(refuse('[]')).toMatch(/^This is not a backup file of this guide/);
    expect(refuse(JSON.stringify({ format: 'mlguide-flashcards', version: 1, cards: {} }))).toMatch(
      /flashcard export is imported on the flashcards page/,
    );
    expect(damage((d) => (d.version = 2))).toBe(
      'This backup is format version 2, made by a newer guide; this page reads version 1.',
    );
    expect(damage((d) => (d.version = '1'))).toBe(
      'This backup has no valid format version; this page reads version 1.',
    );
    expect(damage((d) => delete d.stores)).toBe('This backup has no "stores" object.');
    expect(damage((d) => (d.stores['mlguide:read'] = { version: 1, pages: 'all' }))).toBe(
      'The reading progress in this file cannot be read: it is not in the expected shape.',
    );
    expect(damage((d) => (d.stores['mlguide:read'].pages['Bad Id'] = 5))).toBe(
      'The reading progress in this file is damaged (page "Bad Id").',
    );
    expect(damage((d) => (d.stores['mlguide:flashcards'].version = 9))).toBe(
      'The flashcard progress in this file cannot be read: it is version 9, saved by a newer guide; this page reads version 2.',
    );
    expect(refuse('x'.repeat(5_000_001))).toBe('This file is far too large to be a backup of this guide.');
  });

  it('describes a merge in words', () => {
    expect(describeMerge(STUDY_STORES[0], { value: null, added: 3, updated: 0, kept: 0 })).toBe(
      'reading progress: 3 pages added',
    );
    expect(describeMerge(STUDY_STORES[1], { value: null, added: 1, updated: 2, kept: 1 })).toBe(
      "flashcard progress: 1 card added, 2 cards updated (the file's was newer), 1 card kept as yours (yours is newer or differs)",
    );
    expect(describeMerge(STUDY_STORES[2], { value: null, added: 0, updated: 0, kept: 0 })).toBeNull();
  });

  it('writes quarantined texts by key, leaving out keys with none', () => {
    expect(
      JSON.parse(serializeQuarantine({ 'mlguide:read:quarantine': ['{bad'], 'mlguide:plan:quarantine': [] }, NOW)),
    ).toEqual({
      format: 'mlguide-quarantine',
      exportedAt: NOW.toISOString(),
      entries: { 'mlguide:read:quarantine': ['{bad'] },
    });
  });
});
