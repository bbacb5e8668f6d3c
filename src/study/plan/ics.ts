/**
 * A study plan as an iCalendar file (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545), so a
 * calendar app shows each study day: one all-day event a day listing its items with links, and one
 * for the interview. Pure: the caller passes the time stamp and how a page id becomes a URL.
 *
 * The RFC's rules that calendar apps enforce, each kept here:
 * - lines end in CRLF (3.1);
 * - a line longer than 75 octets is folded: CRLF and one space, never inside a UTF-8 character (3.1);
 * - TEXT values escape backslash, semicolon, comma and line breaks (3.3.11);
 * - every VEVENT has a UID and a DTSTAMP in UTC (3.6.1); all-day events use VALUE=DATE, with DTEND
 *   the day after (3.6.1: DTEND is exclusive).
 */
import { addDays } from './dates.ts';
import { daySummary, formatMinutes, type Plan } from './planner.ts';

export const PRODID = '-//ML System Design Guide//Study plan//EN';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: "a, b; c\d" + newline -> "a\, b\; c\\d\n". */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * Folds one content line into lines of at most 75 octets (UTF-8), each continuation starting with
 * a space. Returns the lines joined by CRLF, without a final CRLF.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** "2026-12-05" -> "20261205". */
const icsDate = (day: string) => day.replace(/-/g, '');

/** A UTC time as DATE-TIME form 2: "20261203T223400Z". */
export function icsTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface IcsOptions {
  /** When the file is made (DTSTAMP). */
  now: Date;
  /** The absolute URL of a page id, for the links in each day's description. */
  pageUrl: (page: string) => string;
}

/**
 * The plan as the text of an .ics file. UIDs name the interview date and the day, so importing a
 * re-planned file updates the same events instead of adding a second set.
 */
export function planToIcs(plan: Plan, { now, pageUrl }: IcsOptions): string {
  const stamp = icsTimestamp(now);
  const uid = (day: string) =>
    `mlguide-plan-${icsDate(plan.settings.interview)}-${icsDate(day)}@ml-system-design-guide`;
  const event = (day: string, summary: string, description: string) => [
    'BEGIN:VEVENT',
    `UID:${uid(day)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(day)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(day, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('ML interview study plan')}`,
    ...plan.days.flatMap((day) =>
      event(
        day.date,
        `Study: ${daySummary(day)}`,
        day.items.map((i) => `- ${i.title} (${formatMinutes(i.minutes)}): ${pageUrl(i.page)}`).join('\n'),
      ),
    ),
    ...event(plan.settings.interview, 'Interview day', `Good luck. Your plan: ${pageUrl('practice/plan')}`),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
