/**
 * A mock-interview session as it is kept in the reader's browser, and the timer transitions on it.
 * Pure: every function takes `now` (ms since the epoch).
 *
 * Stored in localStorage "mlguide:mock" (version 3):
 *
 *   { "version": 3, "prompt": "cases/ad-click-prediction" | null, "track": "", "level": "", "domain": "",
 *     "startedAt": <epoch ms> | null, "elapsedBefore": <ms>, "finished": false, "notes": "...",
 *     "scores": { "<dimension id>": 1..4 }, "covered": ["<rubric item id>", ...], "runId": "m..." | null,
 *     "history": [{ "runId": "m...", "prompt": "cases/..." | null, "scores": { every dimension: 1..4 } }] }
 *
 * The clock fields are those of clock.ts. `covered` holds the rubric items ticked in the debrief;
 * `runId` names this run of the mock (set when the timer first starts), so grading the same mock twice
 * replaces its grading instead of adding one. `history` keeps the scores of earlier mocks, oldest
 * first: a finished mock with every dimension scored joins it when the reader resets for the next
 * one (at most HISTORY_MAX, the oldest dropped first). Version 1 stored a bare exercise slug as the
 * prompt and had no track, covered or runId; version 2 had no history. Both are migrated on reading.
 */
import { clockInThePast, isTimeUp, pauseClock, readClock, startClock } from './clock.ts';
import { normalizePromptId } from './prompts.ts';
import { DIMENSIONS, isDimension, isScore, type Scores } from './rubric.ts';
import { isRecord, type StoredFormat } from '../../client/store.ts';

export { elapsedMs, isTimeUp } from './clock.ts';

export const MOCK_KEY = 'mlguide:mock';
export const NOTES_MAX = 20_000;
export const HISTORY_MAX = 100;
const VERSION = 3;
const RUN_ID = /^m[a-z0-9]{1,20}$/;
const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface MockSession {
  version: typeof VERSION;
  /** Id of the chosen prompt ("exercises/<slug>" or "cases/<slug>"), or null before the first pick. */
  prompt: string | null;
  /** Prompt filters; "" means any. */
  track: string;
  level: string;
  domain: string;
  startedAt: number | null;
  elapsedBefore: number;
  /** True once the reader pressed Finish or the 45 minutes ran out. */
  finished: boolean;
  notes: string;
  scores: Scores;
  covered: string[];
  runId: string | null;
  /** Earlier mocks' scores, oldest first. */
  history: MockRecord[];
}

/** A scored mock: which run, on which prompt, and a score for every rubric dimension. */
export interface MockRecord {
  runId: string;
  prompt: string | null;
  scores: Scores;
}

export function newSession(): MockSession {
  return {
    version: VERSION,
    prompt: null,
    track: '',
    level: '',
    domain: '',
    startedAt: null,
    elapsedBefore: 0,
    finished: false,
    notes: '',
    scores: {},
    covered: [],
    runId: null,
    history: [],
  };
}

export function isRunning(s: MockSession): boolean {
  return s.startedAt !== null && !s.finished;
}

/** Starts or resumes the timer. A finished mock stays finished; one whose time ran out finishes now. */
export function start(s: MockSession, now: number): MockSession {
  if (isRunning(s) || s.finished) return s;
  if (isTimeUp(s, now)) return finish(s, now);
  return { ...startClock(s, now), runId: s.runId ?? `m${now.toString(36)}` };
}

/** Pauses the timer, folding the running time into `elapsedBefore`; when the time has run out, finishes. */
export function pause(s: MockSession, now: number): MockSession {
  if (!s.finished && isTimeUp(s, now)) return finish(s, now);
  return pauseClock(s, now);
}

/** Stops the mock and opens the debrief (also what running out of time does). */
export function finish(s: MockSession, now: number): MockSession {
  return { ...pauseClock(s, now), finished: true };
}

/**
 * The session as it should stand at `now`: a mock whose 45 minutes ran out while no tick ran (a
 * sleeping laptop, a throttled tab) is finished, and a start time in the future (the system clock
 * went back) becomes now. Called on loading and before every action, so no state can get stuck.
 */
export function settle(s: MockSession, now: number): MockSession {
  if (s.finished) return s;
  const current = clockInThePast(s, now);
  return isTimeUp(current, now) ? finish(current, now) : current;
}

/**
 * Back to 0:00 with no scores and nothing ticked; the prompt, filters and notes stay, and a scored
 * mock joins the history.
 */
export function reset(s: MockSession): MockSession {
  return {
    ...s,
    startedAt: null,
    elapsedBefore: 0,
    finished: false,
    scores: {},
    covered: [],
    runId: null,
    history: scoredMocks(s).slice(-HISTORY_MAX),
  };
}

/** The record of the session's own run: once it is finished with every dimension scored. */
function ownRecord(s: MockSession): MockRecord | null {
  if (!s.finished || !isComplete(s.scores)) return null;
  return { runId: s.runId ?? 'm0', prompt: s.prompt, scores: s.scores };
}

const isComplete = (scores: Scores) => DIMENSIONS.every((d) => isScore(scores[d.id]));

/** Every scored mock, oldest first: the history, then the session's own run once it is scored. */
export function scoredMocks(s: MockSession): MockRecord[] {
  const own = ownRecord(s);
  return own ? [...s.history.filter((r) => r.runId !== own.runId), own] : s.history;
}

/** A history entry as stored, or null when any part of it is damaged. */
function readRecord(entry: unknown): MockRecord | null {
  if (!isRecord(entry)) return null;
  const { runId, prompt, scores } = entry;
  if (typeof runId !== 'string' || !RUN_ID.test(runId)) return null;
  if (prompt !== null && (typeof prompt !== 'string' || normalizePromptId(prompt) !== prompt)) return null;
  if (!isRecord(scores) || !isComplete(scores as Scores)) return null;
  if (Object.keys(scores).some((key) => !isDimension(key))) return null;
  return { runId, prompt, scores: { ...(scores as Scores) } };
}

/**
 * The stored format of a mock session, read field by field: a field that is damaged falls back to
 * its default on its own (named in the notice), so the notes survive a bad score or filter.
 * Unknown score keys are dropped; notes are cut to NOTES_MAX.
 */
export const MOCK_FORMAT: StoredFormat<MockSession> = {
  key: MOCK_KEY,
  noun: 'mock interview',
  version: VERSION,
  empty: newSession,
  read(data) {
    const session = newSession();
    const skipped: string[] = [];
    const take = <K extends keyof MockSession>(name: K, ok: boolean, value: MockSession[K]) => {
      if (ok) session[name] = value;
      else if (name in data) skipped.push(`the ${name}`);
    };
    const { prompt, finished, notes, scores, covered, runId } = data;
    const promptId = typeof prompt === 'string' ? normalizePromptId(prompt) : null;
    take('prompt', prompt === null || (promptId !== null && promptId === prompt), promptId);
    for (const name of ['track', 'level', 'domain'] as const)
      take(name, typeof data[name] === 'string', data[name] as string);
    const clock = readClock(data);
    take('startedAt', clock.startedAt !== undefined, clock.startedAt ?? null);
    take('elapsedBefore', clock.elapsedBefore !== undefined, clock.elapsedBefore ?? 0);
    take('finished', typeof finished === 'boolean', finished as boolean);
    take('notes', typeof notes === 'string', typeof notes === 'string' ? notes.slice(0, NOTES_MAX) : '');
    // Notes past the limit are cut for use, but the whole text is kept aside (the store quarantines it).
    if (typeof notes === 'string' && notes.length > NOTES_MAX) skipped.push(`the notes after ${NOTES_MAX} characters`);
    if (isRecord(scores)) {
      const cleanScores: Scores = {};
      for (const [key, value] of Object.entries(scores)) {
        if (isDimension(key) && isScore(value)) cleanScores[key] = value;
        else skipped.push(`the score ${JSON.stringify(key.slice(0, 40))}`);
      }
      session.scores = cleanScores;
    } else if ('scores' in data) skipped.push('the scores');
    const validCovered = Array.isArray(covered) && covered.every((id) => typeof id === 'string' && ITEM_ID.test(id));
    take('covered', validCovered, validCovered ? [...new Set(covered as string[])] : []);
    take('runId', runId === null || (typeof runId === 'string' && RUN_ID.test(runId)), runId as string);
    // Entry by entry: a damaged record drops only itself (the store keeps the original aside).
    const { history } = data;
    if (Array.isArray(history)) {
      const records = history.map(readRecord);
      session.history = records.filter((r): r is MockRecord => r !== null);
      const damaged = records.length - session.history.length;
      if (damaged > 0) skipped.push(`${damaged} of the ${records.length} earlier mocks`);
    } else if ('history' in data) skipped.push('the earlier mocks');
    return { value: session, skipped };
  },
  write: (session) => ({ ...session }),
  migrate: {
    2: (old) => ({ ...old, version: 3, history: [] }),
    1: (old) => ({
      ...old,
      version: 2,
      // A slug that is no prompt id stays as it was, so reading names it as skipped.
      prompt: typeof old.prompt === 'string' ? (normalizePromptId(old.prompt) ?? old.prompt) : old.prompt,
      track: '',
      covered: [],
      runId: null,
    }),
  },
};
