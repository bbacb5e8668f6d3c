/**
 * A mock-interview session as it is kept in the reader's browser (localStorage "mlguide:mock"), and
 * the timer transitions on it. The timer stores when it was last started and how much time had run
 * before that, never a countdown, so the remaining time is recomputed from the clock after a reload,
 * a sleeping laptop or a background tab. Pure: every function takes `now` (ms since the epoch).
 */
import { clampElapsed, TOTAL_MS } from './plan.ts';
import { isDimension, isScore, type Scores } from './rubric.ts';
import type { StoredFormat } from '../../client/store.ts';

export const MOCK_KEY = 'mlguide:mock';
export const NOTES_MAX = 20_000;

export interface MockSession {
  version: 1;
  /** Exercise slug of the chosen prompt, or null before the first pick. */
  prompt: string | null;
  /** Prompt filters; "" means any. */
  level: string;
  domain: string;
  /** When the timer was last started or resumed (epoch ms); null while paused or stopped. */
  startedAt: number | null;
  /** Milliseconds that ran before `startedAt` (the total so far while paused). */
  elapsedBefore: number;
  /** True once the reader pressed Finish or the 45 minutes ran out. */
  finished: boolean;
  notes: string;
  scores: Scores;
}

export function newSession(): MockSession {
  return {
    version: 1,
    prompt: null,
    level: '',
    domain: '',
    startedAt: null,
    elapsedBefore: 0,
    finished: false,
    notes: '',
    scores: {},
  };
}

export function isRunning(s: MockSession): boolean {
  return s.startedAt !== null && !s.finished;
}

/** Time spent so far, limited to the 45 minutes; a clock set backwards never makes it shrink below the paused total. */
export function elapsedMs(s: MockSession, now: number): number {
  const running = s.startedAt === null ? 0 : Math.max(0, now - s.startedAt);
  return clampElapsed(s.elapsedBefore + running);
}

/** True when the 45 minutes have run out. */
export function isTimeUp(s: MockSession, now: number): boolean {
  return elapsedMs(s, now) >= TOTAL_MS;
}

/** Starts or resumes the timer (a finished session starts again from where it stopped only after a reset). */
export function start(s: MockSession, now: number): MockSession {
  if (isRunning(s) || s.finished || isTimeUp(s, now)) return s;
  return { ...s, startedAt: now };
}

/** Pauses the timer, folding the running time into `elapsedBefore`. */
export function pause(s: MockSession, now: number): MockSession {
  if (s.startedAt === null) return s;
  return { ...s, startedAt: null, elapsedBefore: elapsedMs(s, now) };
}

/** Stops the mock and opens the debrief (also what running out of time does). */
export function finish(s: MockSession, now: number): MockSession {
  return { ...pause(s, now), finished: true };
}

/** Back to 0:00 with no scores; the prompt, filters and notes stay. */
export function reset(s: MockSession): MockSession {
  return { ...s, startedAt: null, elapsedBefore: 0, finished: false, scores: {} };
}

/**
 * The stored format of a mock session, read field by field: a field that is damaged falls back to
 * its default on its own (named in the notice), so the notes survive a bad score or filter.
 * Unknown score keys are dropped; notes are cut to NOTES_MAX.
 */
export const MOCK_FORMAT: StoredFormat<MockSession> = {
  key: MOCK_KEY,
  noun: 'mock interview',
  version: 1,
  empty: newSession,
  read(data) {
    const session = newSession();
    const skipped: string[] = [];
    const take = <K extends keyof MockSession>(name: K, ok: boolean, value: MockSession[K]) => {
      if (ok) session[name] = value;
      else if (name in data) skipped.push(`the ${name}`);
    };
    const { prompt, level, domain, startedAt, elapsedBefore, finished, notes, scores } = data;
    take(
      'prompt',
      prompt === null || (typeof prompt === 'string' && /^[a-z0-9-]{1,100}$/.test(prompt)),
      prompt as string | null,
    );
    take('level', typeof level === 'string', level as string);
    take('domain', typeof domain === 'string', domain as string);
    const validStart =
      startedAt === null || (typeof startedAt === 'number' && Number.isFinite(startedAt) && startedAt >= 0);
    take('startedAt', validStart, startedAt as number | null);
    const validElapsed = typeof elapsedBefore === 'number' && Number.isFinite(elapsedBefore) && elapsedBefore >= 0;
    take('elapsedBefore', validElapsed, Math.min(elapsedBefore as number, TOTAL_MS));
    take('finished', typeof finished === 'boolean', finished as boolean);
    take('notes', typeof notes === 'string', typeof notes === 'string' ? notes.slice(0, NOTES_MAX) : '');
    // Notes past the limit are cut for use, but the whole text is kept aside (the store quarantines it).
    if (typeof notes === 'string' && notes.length > NOTES_MAX) skipped.push(`the notes after ${NOTES_MAX} characters`);
    if (isObject(scores)) {
      const cleanScores: Scores = {};
      for (const [key, value] of Object.entries(scores)) {
        if (isDimension(key) && isScore(value)) cleanScores[key] = value;
        else skipped.push(`the score ${JSON.stringify(key.slice(0, 40))}`);
      }
      session.scores = cleanScores;
    } else if ('scores' in data) skipped.push('the scores');
    return { value: session, skipped };
  },
  write: (session) => ({ ...session }),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
