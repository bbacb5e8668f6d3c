import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  clampElapsed,
  formatClock,
  phaseAt,
  phaseRange,
  PHASES,
  remainingMs,
  spokenDuration,
  TOTAL_MS,
} from '../../../src/study/mock/plan.ts';

const MIN = 60_000;

describe('the mock plan', () => {
  it('lasts 45 minutes', () => {
    expect(TOTAL_MS).toBe(45 * MIN);
  });

  it('matches the "45-minute mock plan" table on the mock-interviews page (phases, minutes, clock)', () => {
    const page = readFileSync('content/docs/practice/mock-interviews.mdx', 'utf8');
    const section = page.slice(page.indexOf('## A 45-minute mock plan'));
    const rows = [...section.matchAll(/^\| ([^|]+?) \| (\d+) \| (\d+-\d+) \|/gm)].map((m) => [
      m[1],
      Number(m[2]),
      m[3],
    ]);
    expect(rows).toEqual(PHASES.map((p, i) => [p.label, p.minutes, phaseRange(i)]));
  });

  it('gives every phase a nudge and at least three things to cover', () => {
    for (const p of PHASES) {
      expect(p.nudge.length).toBeGreaterThan(20);
      expect(p.cover.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('phaseAt', () => {
  it('starts in "Clarify" with 5 minutes left', () => {
    expect(phaseAt(0)).toMatchObject({ index: 0, startMs: 0, endMs: 5 * MIN, remainingMs: 5 * MIN });
    expect(phaseAt(0).phase.label).toBe('Clarify');
  });

  it('gives a boundary to the next phase', () => {
    expect(phaseAt(5 * MIN - 1).index).toBe(0);
    expect(phaseAt(5 * MIN).index).toBe(1);
    expect(phaseAt(5 * MIN).phase.label).toBe('Frame as ML');
  });

  it('finds each phase by its clock range (0-5, 5-8, 8-15, 15-25, 25-32, 32-38, 38-42, 42-45)', () => {
    const at = (minutes: number) => phaseAt(minutes * MIN).phase.id;
    expect([at(3), at(6), at(10), at(20), at(30), at(35), at(40), at(44)]).toEqual([
      'clarify',
      'frame',
      'data',
      'model',
      'evaluate',
      'serving',
      'monitoring',
      'wrap-up',
    ]);
    expect(phaseAt(20 * MIN).remainingMs).toBe(5 * MIN);
  });

  it('stays in the last phase with nothing left once time is up, and treats bad times as 0', () => {
    expect(phaseAt(45 * MIN)).toMatchObject({ index: 7, remainingMs: 0 });
    expect(phaseAt(999 * MIN)).toMatchObject({ index: 7, remainingMs: 0 });
    expect(phaseAt(-5).index).toBe(0);
    expect(phaseAt(Number.NaN)).toMatchObject({ index: 0, remainingMs: 5 * MIN });
  });
});

describe('remaining time and formatting', () => {
  it('counts down from 45:00 and never below zero', () => {
    expect(remainingMs(0)).toBe(45 * MIN);
    expect(remainingMs(12 * MIN)).toBe(33 * MIN);
    expect(remainingMs(50 * MIN)).toBe(0);
    expect(remainingMs(-1)).toBe(45 * MIN);
    expect(clampElapsed(Infinity)).toBe(TOTAL_MS);
  });

  it('formats m:ss, rounding up so 0:00 means time is really up', () => {
    expect(formatClock(45 * MIN)).toBe('45:00');
    expect(formatClock(61_200)).toBe('1:02');
    expect(formatClock(999)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(Number.NaN)).toBe('0:00');
  });

  it('says durations in words', () => {
    expect(spokenDuration(6 * MIN + 5000)).toBe('6 minutes 5 seconds');
    expect(spokenDuration(MIN)).toBe('1 minute');
    expect(spokenDuration(1000)).toBe('1 second');
    expect(spokenDuration(0)).toBe('0 seconds');
  });
});
