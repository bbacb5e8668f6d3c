/**
 * Calendar days as "YYYY-MM-DD" strings, the unit of a study plan. Arithmetic runs in UTC on the
 * day number, so a daylight-saving change never shifts a day. Pure.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid "YYYY-MM-DD", or null (e.g. "2026-02-30" or "tomorrow"). */
export function dayNumber(day: string): number | null {
  const match = ISO_DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, date);
  // Date.UTC rolls 30 February over into March: a round trip catches it.
  return new Date(ms).toISOString().slice(0, 10) === day ? ms / DAY_MS : null;
}

export const isDay = (value: unknown): value is string => typeof value === 'string' && dayNumber(value) !== null;

/** The day `n` days after `day` ("2026-12-31", 1 -> "2027-01-01"). */
export function addDays(day: string, n: number): string {
  const start = dayNumber(day);
  if (start === null) throw new Error(`Not a day: "${day}"`);
  return new Date((start + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  if (from === null || to === null) throw new Error(`Not a day: "${from === null ? a : b}"`);
  return to - from;
}

/** The reader's local calendar day of `now`. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "Sat 5 Dec" for a day, in English whatever the browser's locale, like the rest of the guide. */
export function shortDate(day: string): string {
  const date = new Date(dayNumber(day)! * DAY_MS);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][date.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    date.getUTCMonth()
  ];
  return `${weekday} ${date.getUTCDate()} ${month}`;
}
