import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsTimestamp, planToIcs, PRODID } from '../../../src/study/plan/ics.ts';
import { buildPlan, type Catalog } from '../../../src/study/plan/planner.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;
/** RFC 5545 3.1: a CRLF followed by one space or tab is removed when unfolding. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

const CATALOG: Catalog = {
  chapters: [
    { id: 'start/a', title: 'Framing, scope; and "trade-offs"', section: 'start', minutes: 10 },
    {
      id: 'lifecycle/b',
      title: 'Évaluation des modèles à grande échelle, un très long titre',
      section: 'lifecycle',
      minutes: 20,
    },
  ],
  cases: [],
  exercises: [],
};
const plan = buildPlan(
  { start: '2026-12-30', interview: '2027-01-02', hoursPerDay: 1, level: 'Mid', focus: 'classical' },
  CATALOG,
);
const ics = planToIcs(plan, {
  now: new Date('2026-12-03T22:34:05.123Z'),
  pageUrl: (page) => `https://example.github.io/ml-guide/${page}/`,
});

describe('iCalendar text values', () => {
  it('escapes backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
  });

  it('folds at 75 octets with a leading space, never inside a UTF-8 character (3.1)', () => {
    const ascii = 'D'.repeat(80);
    expect(foldLine(ascii)).toBe(`${'D'.repeat(75)}\r\n ${'D'.repeat(5)}`);
    const accented = `${'a'.repeat(74)}é`; // é is 2 octets: 76 would overrun
    expect(foldLine(accented)).toBe(`${'a'.repeat(74)}\r\n é`);
    expect(foldLine('short')).toBe('short');
    const long = 'SUMMARY:' + 'ü'.repeat(200);
    for (const line of foldLine(long).split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(foldLine(long))).toBe(long);
  });

  it('stamps times in UTC, form 2 (3.3.5)', () => {
    expect(icsTimestamp(new Date('2026-12-03T22:34:05.123Z'))).toBe('20261203T223405Z');
  });
});

describe('a plan as an .ics file', () => {
  it('uses CRLF everywhere and keeps every line within 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n').slice(0, -1)) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('is one calendar with an all-day event per study day and one for the interview', () => {
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:${PRODID}`,
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:ML interview study plan',
    ]);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    const events = unfold(ics).split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(4); // 30 Dec, 31 Dec, 1 Jan, and the interview on 2 Jan
    const uids = events.map((e) => /\r\nUID:(.+)\r\n/.exec(e)![1]);
    expect(new Set(uids).size).toBe(4);
    expect(uids[0]).toBe('mlguide-plan-20270102-20261230@ml-system-design-guide');
    for (const event of events) {
      expect(event).toContain('\r\nDTSTAMP:20261203T223405Z\r\n');
      expect(event).toMatch(/\r\nDTSTART;VALUE=DATE:\d{8}\r\nDTEND;VALUE=DATE:\d{8}\r\n/);
      expect(event).toContain('END:VEVENT');
    }
    // DTEND is the exclusive next day, across the new year.
    expect(events[1]).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(events[3]).toContain('SUMMARY:Interview day\r\n');
  });

  it('lists each day’s items with their links, escaped', () => {
    const first = unfold(ics).split('BEGIN:VEVENT')[1];
    expect(first).toContain('SUMMARY:Study: 2 chapters\\, flashcards (40 min)\r\n');
    expect(first).toContain(
      'DESCRIPTION:- Flashcards (10 min): https://example.github.io/ml-guide/practice/flashcards/\\n' +
        '- Framing\\, scope\\; and "trade-offs" (10 min): https://example.github.io/ml-guide/start/a/\\n' +
        '- Évaluation des modèles à grande échelle\\, un très long titre (20 min): https://example.github.io/ml-guide/lifecycle/b/\r\n',
    );
  });
});
