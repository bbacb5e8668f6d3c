// The mock session: the timer on the stored start time (a reload, a sleep, a clock set back or time
// running out unseen never loses or freezes time), and the stored format, read field by field.
import { describe, expect, it } from 'vitest';
import {
  elapsedMs,
  finish,
  HISTORY_MAX,
  isRunning,
  isTimeUp,
  newSession,
  NOTES_MAX,
  MOCK_FORMAT,
  pause,
  reset,
  scoredMocks,
  settle,
  start,
} from '../../../src/study/mock/session.ts';
import { shiftClock } from '../../../src/study/mock/clock.ts';
import type { Scores } from '../../../src/study/mock/rubric.ts';
import { SCORED } from './scored.ts';
import { parseStored } from '../../../src/client/store.ts';
import { formatClock, formatElapsed, phaseAt, remainingMs } from '../../../src/study/mock/plan.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
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

  it('keeps counting when the system clock goes back by the jump the page measured (D13)', () => {
    const running = start(newSession(), T0);
    // 10 minutes in, the clock is set back an hour: the tick sees the wall clock 1 h behind the monotonic one.
    const shifted = shiftClock(running, -60 * MIN);
    expect(elapsedMs(shifted, T0 + 10 * MIN - 60 * MIN)).toBe(10 * MIN);
    expect(elapsedMs(shifted, T0 + 11 * MIN - 60 * MIN)).toBe(11 * MIN);
    expect(shiftClock(pause(running, T0 + MIN), -60 * MIN)).toEqual(pause(running, T0 + MIN)); // paused: nothing runs
    // Reopened after the clock went back, a start in the future restarts from now, keeping the time before.
    const reopened = settle({ ...running, elapsedBefore: 3 * MIN, startedAt: T0 + 60 * MIN }, T0);
    expect(reopened).toMatchObject({ startedAt: T0, elapsedBefore: 3 * MIN, finished: false });
  });

  it('finishes, never sticks at a paused 0:00, when the time ran out before a tick (D12)', () => {
    const running = start(newSession(), T0);
    const late = T0 + 46 * MIN; // the laptop slept through the end
    expect(pause(running, late)).toMatchObject({ finished: true, elapsedBefore: 45 * MIN, startedAt: null });
    expect(settle(running, late)).toMatchObject({ finished: true });
    // A session saved paused at 0:00 by the old page opens finished, and Start cannot leave it stuck either.
    const stuck = { ...newSession(), elapsedBefore: 45 * MIN };
    expect(settle(stuck, late).finished).toBe(true);
    expect(start(stuck, late).finished).toBe(true);
    expect(settle(pause(running, T0 + MIN), late)).toEqual(pause(running, T0 + MIN));
  });

  it('shows elapsed and remaining times that add up to 45:00 (C1)', () => {
    for (const ms of [0, 999, 3_500, 4_000, 61_200, 44 * MIN + 59_999, 45 * MIN]) {
      const [left, spent] = [formatClock(remainingMs(ms)), formatElapsed(ms)].map((t) => {
        const [m, sec] = t.split(':').map(Number);
        return m * 60 + sec;
      });
      expect(left + spent, `${ms} ms`).toBe(45 * 60);
    }
    expect(formatElapsed(3_500)).toBe('0:03');
    expect(formatClock(remainingMs(3_500))).toBe('44:57');
  });

  it('names the run when the timer first starts, keeps the name on resume and clears it on reset', () => {
    const first = start(newSession(), T0);
    expect(first.runId).toBe(`m${T0.toString(36)}`);
    expect(start(pause(first, T0 + MIN), T0 + 2 * MIN).runId).toBe(first.runId);
    expect(reset(first).runId).toBeNull();
  });

  it('resets the clock and scores but keeps the prompt, filters and notes', () => {
    const s = {
      ...finish(start(newSession(), T0), T0 + 9 * MIN),
      prompt: 'exercises/card-fraud-detection',
      level: 'Mid',
      notes: 'n',
      scores: { data: 3 as const },
      covered: ['label-delay'],
    };
    expect(reset(s)).toMatchObject({
      prompt: 'exercises/card-fraud-detection',
      level: 'Mid',
      notes: 'n',
      scores: {},
      covered: [],
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
      prompt: 'cases/people-you-may-know',
      track: 'classical',
      domain: 'recsys',
      notes: 'Clarify: DAU?',
      scores: { clarify: 4 as const, communication: 2 as const },
      covered: ['graph-candidates', 'two-hop'],
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
    for (const raw of ['{', '[]', '"x"', '{"version":4}']) {
      const parsed = parseStored(MOCK_FORMAT, raw);
      expect(parsed.value).toEqual(newSession());
      expect(parsed.lossy).toBe(true);
      expect(parsed.notices[0]).toMatch(/could not be read/);
    }
  });

  it('resets only the damaged fields, so the notes survive', () => {
    for (const damage of [
      { startedAt: 'soon' },
      { elapsedBefore: -1 },
      { prompt: '<img src=x>' },
      { prompt: 'card-fraud-detection' }, // version 2 stores ids, not bare slugs
      { level: 3 },
      { covered: ['<b>'] },
      { runId: 7 },
    ]) {
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

  it('migrates a version 1 session: the exercise slug becomes its prompt id, the notes stay', () => {
    const v1 = {
      version: 1,
      prompt: 'card-fraud-detection',
      level: 'Senior',
      domain: 'fraud',
      startedAt: null,
      elapsedBefore: 754000,
      finished: false,
      notes: 'MY NOTES',
      scores: { clarify: 3 },
    };
    expect(parseStored(MOCK_FORMAT, JSON.stringify(v1))).toEqual({
      value: { ...newSession(), ...v1, version: 3, prompt: 'exercises/card-fraud-detection' },
      notices: [],
      lossy: false,
    });
    const bad = parseStored(MOCK_FORMAT, JSON.stringify({ ...v1, prompt: 'Bad Prompt!' }));
    expect(bad.value).toMatchObject({ prompt: null, notes: 'MY NOTES' });
    expect(bad.notices[0]).toContain('the prompt');
  });
  it('migrates a version 2 session to an empty history, keeping everything else', () => {
    const v2 = { ...newSession(), version: 2, notes: 'MY NOTES', scores: { clarify: 3 } } as Record<string, unknown>;
    delete v2.history;
    expect(parseStored(MOCK_FORMAT, JSON.stringify(v2))).toEqual({
      value: { ...newSession(), notes: 'MY NOTES', scores: { clarify: 3 } },
      notices: [],
      lossy: false,
    });
  });

  it('reads the history entry by entry: a damaged record drops only itself, and is named', () => {
    const good = { runId: 'm1', prompt: 'cases/ad-click-prediction', scores: SCORED };
    const history = [
      good,
      { ...good, runId: 'x y' },
      { ...good, prompt: 'Bad Prompt!' },
      { ...good, scores: { ...SCORED, data: 9 } },
      { ...good, scores: { clarify: 3 } },
      { ...good, scores: { ...SCORED, hacking: 2 } },
      'junk',
      { ...good, runId: 'm2', prompt: null },
    ];
    const parsed = parseStored(MOCK_FORMAT, JSON.stringify({ ...newSession(), notes: 'MY NOTES', history }));
    expect(parsed.value.history).toEqual([good, { ...good, runId: 'm2', prompt: null }]);
    expect(parsed.value.notes).toBe('MY NOTES');
    expect(parsed.lossy).toBe(true);
    expect(parsed.notices[0]).toContain('6 of the 8 earlier mocks');
    const notAList = parseStored(MOCK_FORMAT, JSON.stringify({ ...newSession(), history: { m1: good } }));
    expect(notAList.value.history).toEqual([]);
    expect(notAList.notices[0]).toContain('the earlier mocks');
  });

  it('keeps a scored mock in the history on reset, once, and lists it while it is still on screen', () => {
    const scored = {
      ...finish(start(newSession(), T0), T0 + 40 * MIN),
      prompt: 'cases/ad-click-prediction',
      scores: SCORED,
    };
    const record = { runId: scored.runId!, prompt: 'cases/ad-click-prediction', scores: SCORED };
    expect(scoredMocks(scored)).toEqual([record]);
    // Not finished, or a dimension unscored: not a result yet, and reset keeps nothing of it.
    const partly = { ...scored, scores: { ...SCORED, data: undefined } as Scores };
    expect(scoredMocks(partly)).toEqual([]);
    expect(scoredMocks({ ...scored, finished: false })).toEqual([]);
    expect(reset(partly).history).toEqual([]);

    const next = reset(scored);
    expect(next.history).toEqual([record]);
    expect(scoredMocks(next)).toEqual([record]);
    // The second mock: rescored after finishing, it is still one record, listed after the first.
    const second = { ...finish(start(next, T0 + DAY), T0 + DAY + 30 * MIN), scores: { ...SCORED, model: 1 as const } };
    const again = { ...second, scores: { ...SCORED, model: 2 as const } };
    expect(scoredMocks(again).map((r) => [r.runId, r.scores.model])).toEqual([
      [scored.runId, 3],
      [second.runId, 2],
    ]);
    expect(reset(reset(again)).history).toEqual(scoredMocks(again));
  });

  it('keeps the latest HISTORY_MAX mocks', () => {
    const many = Array.from({ length: HISTORY_MAX }, (_, i) => ({ runId: `m${i}`, prompt: null, scores: SCORED }));
    const s = { ...newSession(), history: many, finished: true, runId: 'mlast', scores: SCORED };
    const kept = reset(s).history;
    expect(kept).toHaveLength(HISTORY_MAX);
    expect(kept[0].runId).toBe('m1');
    expect(kept.at(-1)!.runId).toBe('mlast');
  });
});
