import { describe, expect, it } from 'vitest';
import {
  elapsedMs,
  finish,
  isRunning,
  isTimeUp,
  newSession,
  NOTES_MAX,
  MOCK_FORMAT,
  pause,
  reset,
  start,
} from '../../../src/study/mock/session.ts';
import { parseStored } from '../../../src/client/store.ts';
import { phaseAt } from '../../../src/study/mock/plan.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

describe('the mock timer', () => {
  it('computes elapsed time from the start time, so a reload 10 minutes later is in the Data phase', () => {
    const running = start(newSession(), T0);
    expect(isRunning(running)).toBe(true);
    // What a reload does: parse what was stored, then ask the clock.
    const reloaded = parseStored(MOCK_FORMAT, JSON.stringify(MOCK_FORMAT.write(running))).value;
    expect(elapsedMs(reloaded, T0 + 10 * MIN)).toBe(10 * MIN);
    expect(phaseAt(elapsedMs(reloaded, T0 + 10 * MIN)).phase.label).toBe('Data and labels');
  });

  it('pauses and resumes without losing or adding time', () => {
    let s = start(newSession(), T0);
    s = pause(s, T0 + 3 * MIN);
    expect(s).toMatchObject({ startedAt: null, elapsedBefore: 3 * MIN });
    expect(elapsedMs(s, T0 + 60 * MIN)).toBe(3 * MIN); // paused time does not run
    s = start(s, T0 + 60 * MIN);
    expect(elapsedMs(s, T0 + 62 * MIN)).toBe(5 * MIN);
    expect(start(s, T0 + 63 * MIN)).toBe(s); // starting a running timer changes nothing
    expect(pause(newSession(), T0)).toEqual(newSession());
  });

  it('stops at 45 minutes and will not start again until reset', () => {
    const s = start(newSession(), T0);
    expect(isTimeUp(s, T0 + 45 * MIN)).toBe(true);
    expect(elapsedMs(s, T0 + 90 * MIN)).toBe(45 * MIN);
    const done = finish(s, T0 + 50 * MIN);
    expect(done).toMatchObject({ finished: true, startedAt: null, elapsedBefore: 45 * MIN });
    expect(start(done, T0 + 51 * MIN)).toBe(done);
    expect(isRunning(done)).toBe(false);
  });

  it('never goes backwards when the clock is set back', () => {
    const s = pause(start(newSession(), T0), T0 + 5 * MIN);
    const resumed = start(s, T0 + 10 * MIN);
    expect(elapsedMs(resumed, T0)).toBe(5 * MIN);
  });

  it('resets the clock and scores but keeps the prompt, filters and notes', () => {
    const s = {
      ...finish(start(newSession(), T0), T0 + 9 * MIN),
      prompt: 'card-fraud-detection',
      level: 'Mid',
      notes: 'n',
      scores: { data: 3 as const },
    };
    expect(reset(s)).toMatchObject({
      prompt: 'card-fraud-detection',
      level: 'Mid',
      notes: 'n',
      scores: {},
      finished: false,
      elapsedBefore: 0,
      startedAt: null,
    });
  });
});

describe('stored session', () => {
  it('round-trips a session', () => {
    const s = {
      ...start(newSession(), T0),
      prompt: 'who-to-follow',
      domain: 'recsys',
      notes: 'Clarify: DAU?',
      scores: { clarify: 4 as const, communication: 2 as const },
    };
    expect(parseStored(MOCK_FORMAT, JSON.stringify(MOCK_FORMAT.write(s)))).toEqual({
      value: s,
      notices: [],
      lossy: false,
    });
  });

  it('starts fresh without a message when nothing is stored', () => {
    expect(parseStored(MOCK_FORMAT, null)).toEqual({ value: newSession(), notices: [], lossy: false });
  });

  it('keeps corrupt, foreign or newer data aside with a message', () => {
    for (const raw of ['{', '[]', '"x"', '{"version":2}']) {
      const parsed = parseStored(MOCK_FORMAT, raw);
      expect(parsed.value).toEqual(newSession());
      expect(parsed.lossy).toBe(true);
      expect(parsed.notices[0]).toMatch(/could not be read/);
    }
  });

  it('resets only the damaged fields, so the notes survive', () => {
    for (const damage of [{ startedAt: 'soon' }, { elapsedBefore: -1 }, { prompt: '<img src=x>' }, { level: 3 }]) {
      const parsed = parseStored(MOCK_FORMAT, JSON.stringify({ ...newSession(), notes: 'MY NOTES', ...damage }));
      expect(parsed.value.notes).toBe('MY NOTES');
      expect(parsed.lossy).toBe(true);
      expect(parsed.notices[0]).toContain(`the ${Object.keys(damage)[0]}`);
    }
  });

  it('uses only valid scores and the first part of over-long notes, names what it skipped, and caps elapsed time', () => {
    const raw = JSON.stringify({
      ...newSession(),
      scores: { clarify: 3, data: 7, hacking: 4, model: '2' },
      notes: 'x'.repeat(NOTES_MAX + 10),
      elapsedBefore: 99 * MIN,
    });
    const { value: session, notices, lossy } = parseStored(MOCK_FORMAT, raw);
    // Nothing is silently dropped: the skipped parts are named, and the store keeps the text aside.
    expect(lossy).toBe(true);
    expect(notices[0]).toContain(
      `the notes after ${NOTES_MAX} characters; the score "data"; the score "hacking" and 1 more`,
    );
    expect(session.scores).toEqual({ clarify: 3 });
    expect(session.notes).toHaveLength(NOTES_MAX);
    expect(session.elapsedBefore).toBe(45 * MIN);
  });
});
