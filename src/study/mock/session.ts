/**
 * A mock-interview session as it is kept in the reader's browser, and the timer transitions on it.
 * Pure: every function takes `now` (ms since the epoch).
 *
 * Stored in localStorage "mlguide:mock" (version 2):
 *
 *   { "version": 2, "prompt": "cases/ad-click-prediction" | null, "track": "", "level": "", "domain": "",
 *     "startedAt": <epoch ms> | null, "elapsedBefore": <ms>, "finished": false, "notes": "...",
 *     "scores": { "<dimension id>": 1..4 }, "covered": ["<rubric item id>", ...], "runId": "m..." | null }
 *
 * The clock fields are those of clock.ts. `covered` holds the rubric items ticked in the debrief;
 * `runId` names this run of the mock (set when the timer first starts), so grading the same mock twice
 * replaces its grading instead of adding one. Version 1 stored a bare exercise slug as the prompt and
 * had no track, covered or runId; it is migrated on reading.
 */
import { clockInThePast, isTimeUp, pauseClock, readClock, startClock } from './clock.ts';
import { normalizePromptId } from './prompts.ts';
import { isDimension, isScore, type Scores } from './rubric.ts';
import { isRecord, type StoredFormat } from '../../client/store.ts';

export { elapsedMs, isTimeUp } from './clock.ts';

export const MOCK_KEY = 'mlguide:mock';
export const NOTES_MAX = 20_000;
const VERSION = 2;
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

/** Back to 0:00 with no scores and nothing ticked; the prompt, filters and notes stay. */
export function reset(s: MockSession): MockSession {
  return { ...s, startedAt: null, elapsedBefore: 0, finished: false, scores: {}, covered: [], runId: null };
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
    take('runId', runId === null || (typeof runId === 'string' && /^m[a-z0-9]{1,20}$/.test(runId)), runId as string);
    return { value: session, skipped };
  },
  write: (session) => ({ ...session }),
  migrate: {
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
