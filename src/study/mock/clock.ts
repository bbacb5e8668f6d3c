/**
 * The 45-minute stopwatch shared by the mock and the interviewer view, as it is stored: when it was
 * last started and how much time had run before that, never a countdown, so the time is recomputed
 * from the clock after a reload, a sleeping laptop or a background tab. Pure: every function takes
 * `now` (ms since the epoch) and returns a new value.
 */
import { clampElapsed, TOTAL_MS } from './plan.ts';

export interface Clock {
  /** When the clock was last started or resumed (epoch ms); null while paused or stopped. */
  startedAt: number | null;
  /** Milliseconds that ran before `startedAt` (the total so far while paused). */
  elapsedBefore: number;
}

/** Time run so far, limited to the 45 minutes; a start time in the future counts as no running time. */
export function elapsedMs(clock: Clock, now: number): number {
  const running = clock.startedAt === null ? 0 : Math.max(0, now - clock.startedAt);
  return clampElapsed(clock.elapsedBefore + running);
}

export function isTimeUp(clock: Clock, now: number): boolean {
  return elapsedMs(clock, now) >= TOTAL_MS;
}

/** Starts the clock (a running clock, or one whose time is up, is returned unchanged). */
export function startClock<C extends Clock>(clock: C, now: number): C {
  if (clock.startedAt !== null || isTimeUp(clock, now)) return clock;
  return { ...clock, startedAt: now };
}

/** Stops the clock, folding the running time into `elapsedBefore`. */
export function pauseClock<C extends Clock>(clock: C, now: number): C {
  if (clock.startedAt === null) return clock;
  return { ...clock, startedAt: null, elapsedBefore: elapsedMs(clock, now) };
}

/**
 * Moves a running clock's start by `deltaMs`, for when the system clock jumps: the page measures the
 * jump against its monotonic clock and shifts the start by as much, so the time shown neither
 * freezes nor leaps. Never moves the start before the epoch.
 */
export function shiftClock<C extends Clock>(clock: C, deltaMs: number): C {
  if (clock.startedAt === null || !Number.isFinite(deltaMs) || deltaMs === 0) return clock;
  return { ...clock, startedAt: Math.max(0, clock.startedAt + deltaMs) };
}

/**
 * A running clock whose start lies in the future (the system clock went back while the page was
 * closed) restarts from now, keeping the time that ran before; anything else is returned unchanged.
 */
export function clockInThePast<C extends Clock>(clock: C, now: number): C {
  return clock.startedAt !== null && clock.startedAt > now ? { ...clock, startedAt: now } : clock;
}

/** The valid parts of stored clock fields, or null for each one that is damaged. */
export function readClock(data: Record<string, unknown>): {
  startedAt: number | null | undefined;
  elapsedBefore: number | undefined;
} {
  const { startedAt, elapsedBefore } = data;
  const validStart =
    startedAt === null || (typeof startedAt === 'number' && Number.isFinite(startedAt) && startedAt >= 0);
  const validElapsed = typeof elapsedBefore === 'number' && Number.isFinite(elapsedBefore) && elapsedBefore >= 0;
  return {
    startedAt: validStart ? (startedAt as number | null) : undefined,
    elapsedBefore: validElapsed ? Math.min(elapsedBefore as number, TOTAL_MS) : undefined,
  };
}
