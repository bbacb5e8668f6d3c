/**
 * Point-in-time join explorer, pure view: labelled events and a feature log -> each event with the
 * feature value a naive latest-value join or a point-in-time (as-of) join gives it, the rows that
 * leak future information, and a small timeline of both.
 */
import {
  asOfJoin,
  leakingRows,
  naiveLatestJoin,
  type FeatureEvent,
  type FeatureRow,
  type JoinedEvent,
} from '../../lib/systems/feature-join.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { linearScale } from '../kit/scale.ts';
import { escapeHtml, fmtInt } from '../kit/format.ts';
import { legend } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** Most rows the box accepts: enough for any example, few enough to read as a table. */
export const MAX_ROWS = 60;
/** Most users drawn on the timeline (the table always lists every event). */
export const MAX_LANES = 8;

/** An event as typed: string user, time in days, and its label as text ('' when none is given). */
export interface LabelledEvent extends FeatureEvent {
  entityId: string;
  labelText: string;
}
/** A feature row as typed: string user and value. */
export type TypedRow = FeatureRow<string> & { entityId: string };
export interface PitData {
  events: LabelledEvent[];
  features: TypedRow[];
}

/** Reads a time in days: "3", "3.5" or "3 09:00" (day 3 at 09:00). Returns a message when it cannot. */
export function parseTime(text: string, line: number): number | string {
  if (/^-/.test(text)) return `Line ${line}: the time ${text} is negative; count days from 0.`;
  const match = text.match(/^(\d+(?:\.\d+)?)(?:\s+(\d{1,2}):(\d{2}))?$/);
  if (!match) return `Line ${line}: the time "${text}" is not a day number (write 3, 3.5 or 3 09:00).`;
  const day = Number(match[1]);
  if (match[2] === undefined) return day;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (!Number.isInteger(day) || hours > 23 || minutes > 59) {
    return `Line ${line}: the time "${text}" is not a valid day and clock time (write 3 09:00, hours 0-23).`;
  }
  return day + hours / 24 + minutes / 1440;
}

/** Reads the rows box: "event,user,time[,label]" and "feature,user,time,value"; # starts a comment. */
export function parsePitRows(text: string): PitData {
  const events: LabelledEvent[] = [];
  const features: TypedRow[] = [];
  const fail = (message: string): never => {
    throw new MetricInputError(message, 'out-of-range');
  };
  let rows = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const cells = trimmed.split(',').map((c) => c.trim());
    const kind = cells[0]!.toLowerCase();
    if (kind === 'kind' || kind === 'type') return; // a header row
    if (++rows > MAX_ROWS) fail(`Keep it to ${MAX_ROWS} rows or fewer: this is a sketch of a join, not a warehouse.`);
    if (kind !== 'event' && kind !== 'feature') {
      fail(`Line ${line}: start the row with "event" or "feature", not "${cells[0]}".`);
    }
    const [, user = '', timeText = ''] = cells;
    if (kind === 'event' && (cells.length < 3 || cells.length > 4)) {
      fail(`Line ${line}: an event row has 3 or 4 values (event,user,time[,label]); this one has ${cells.length}.`);
    }
    if (kind === 'feature' && cells.length !== 4) {
      fail(`Line ${line}: a feature row has 4 values (feature,user,time,value); this one has ${cells.length}.`);
    }
    if (user === '') fail(`Line ${line}: the user is empty.`);
    const time = parseTime(timeText, line);
    if (typeof time === 'string') fail(time);
    if (kind === 'event') events.push({ entityId: user, time: time as number, labelText: cells[3] ?? '' });
    else {
      const value = cells[3]!;
      if (value === '') fail(`Line ${line}: the feature value is empty.`);
      features.push({ entityId: user, time: time as number, value });
    }
  });
  if (rows === 0) fail('Type or paste rows: event,user,time[,label] and feature,user,time,value, one per line.');
  if (events.length === 0) fail('Add at least one event row (event,user,time) to join features to.');
  if (features.length === 0)
    fail('Add at least one feature row (feature,user,time,value): with no feature rows there is nothing to join.');
  return { events, features };
}

/** "day 3" or "day 3 09:00". */
export function fmtTime(time: number): string {
  let day = Math.floor(time);
  let minutes = Math.round((time - day) * 1440);
  if (minutes === 1440) {
    day += 1;
    minutes = 0;
  }
  if (minutes === 0) return `day ${fmtInt(day)}`;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `day ${fmtInt(day)} ${hh}:${mm}`;
}

/** A positive gap in days as "30 min", "1 h", "2.6 days". */
export function fmtGap(days: number): string {
  const minutes = Math.round(days * 1440);
  if (minutes < 60) return `${fmtInt(minutes)} min`;
  if (days < 1) return `${Math.round(minutes / 6) / 10} h`;
  const rounded = Math.round(days * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
}

const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

type Joined = JoinedEvent<LabelledEvent, string>;

/** One lane per user: feature rows (circles, value above), events (squares), and each join as an arc. */
function timeline(data: PitData, joined: Joined[], leaks: Set<number>, title: string): string {
  const users = [...new Set([...data.events, ...data.features].map((r) => r.entityId))];
  const width = 340;
  const left = 64;
  const right = 16;
  const top = 12;
  const lane = 50;
  const height = top + users.length * lane + 30;
  const times = [...data.events, ...data.features].map((r) => r.time);
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.05;
  const x = linearScale([lo - pad, hi + pad], [left, width - right]);
  const r = (v: number) => Math.round(v * 10) / 10;
  const laneY = (user: string) => top + users.indexOf(user) * lane + lane / 2 + 2;
  const parts: string[] = [];
  for (const t of x.ticks(5)) {
    parts.push(`<line class="grid" x1="${r(x(t))}" x2="${r(x(t))}" y1="${top}" y2="${height - 30}"/>`);
    parts.push(
      `<text class="tick" x="${r(x(t))}" y="${height - 16}" text-anchor="middle">day ${x.tickFormat(5)(t)}</text>`,
    );
  }
  for (const user of users) {
    const y = laneY(user);
    parts.push(`<line class="axis" x1="${left}" x2="${width - right}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text class="tick" x="${left - 8}" y="${y + 4}" text-anchor="end">${escapeHtml(cut(user, 8))}</text>`);
  }
  joined.forEach((event, i) => {
    if (event.featureTime === null) return;
    const y = laneY(event.entityId);
    const from = r(x(event.time));
    const to = r(x(event.featureTime));
    const leak = leaks.has(i);
    parts.push(
      `<path class="series tone-${leak ? 2 : 4}${leak ? ' dashed' : ''}" d="M${from},${y + 5} Q${r((from + to) / 2)},${y + 20} ${to},${y + 5}"><title>${leak ? 'Leak: ' : ''}${escapeHtml(`${event.entityId} at ${fmtTime(event.time)} uses the value written at ${fmtTime(event.featureTime)}`)}</title></path>`,
    );
  });
  for (const row of data.features) {
    const cx = r(x(row.time));
    const y = laneY(row.entityId);
    parts.push(
      `<circle class="marker tone-1" cx="${cx}" cy="${y}" r="5"><title>${escapeHtml(`${row.entityId}: ${row.value}, written at ${fmtTime(row.time)}`)}</title></circle>`,
    );
    parts.push(
      `<text class="tick" x="${cx}" y="${y - 10}" text-anchor="middle">${escapeHtml(cut(row.value, 7))}</text>`,
    );
  }
  for (const event of data.events) {
    const cx = r(x(event.time));
    const y = laneY(event.entityId);
    parts.push(
      `<rect class="marker tone-3" x="${cx - 5}" y="${y - 5}" width="10" height="10"><title>${escapeHtml(`${event.entityId}: event at ${fmtTime(event.time)}${event.labelText ? `, label ${event.labelText}` : ''}`)}</title></rect>`,
    );
  }
  return `<svg class="widget-chart pj-timeline" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}

type Leak = { asOfValue: string | null; asOfTime: number | null; naiveValue: string; naiveTime: number };

function statusCell(mode: 'naive' | 'asof', event: Joined, i: number, leaks: Map<number, Leak>): string {
  const badge = (kind: 'leak' | 'ok' | 'none', text: string) => `<span class="pj-badge pj-${kind}">${text}</span>`;
  const leak = leaks.get(i);
  if (mode === 'naive' && leak) {
    const instead =
      leak.asOfTime === null
        ? 'nothing was written yet'
        : `it was ${escapeHtml(leak.asOfValue!)} (${fmtTime(leak.asOfTime)})`;
    return `${badge('leak', 'leaks')} written ${fmtGap(leak.naiveTime - event.time)} after the event; at the event ${instead}`;
  }
  if (event.featureTime === null) {
    return `${badge('none', 'no value')} ${mode === 'asof' ? 'nothing written yet' : 'no rows for this user'}`;
  }
  const when = event.featureTime === event.time ? 'written at the event time' : 'written before the event';
  const naiveNote =
    mode === 'asof' && leak ? `; naive would take ${escapeHtml(leak.naiveValue)} (${fmtTime(leak.naiveTime)})` : '';
  return `${badge('ok', 'ok')} ${when}${naiveNote}`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const data = parsePitRows(state.rows);
    const mode = state.join === 'asof' ? 'asof' : 'naive';
    const joined = mode === 'asof' ? asOfJoin(data.events, data.features) : naiveLatestJoin(data.events, data.features);
    const naiveLeaks = leakingRows(data.events, data.features);
    const leakByEvent = new Map(naiveLeaks.map((l) => [l.eventIndex, l]));
    // Rows of the chosen join whose feature row was written after the event (none for the as-of join).
    const leaking = new Set(joined.flatMap((e, i) => (e.featureTime !== null && e.featureTime > e.time ? [i] : [])));
    const missing = joined.filter((e) => e.featureTime === null).length;
    const ties = joined.some((e) => e.featureTime === e.time);
    const n = data.events.length;

    const value = (e: Joined) =>
      e.featureTime === null ? '–' : `${escapeHtml(e.featureValue!)}<br><small>${fmtTime(e.featureTime)}</small>`;
    const rows = joined
      .map(
        (e, i) =>
          `<tr${leaking.has(i) ? ' class="pj-leak-row"' : ''}><th scope="row">${escapeHtml(e.entityId)}<br><small>${fmtTime(e.time)}</small></th><td>${e.labelText === '' ? '–' : escapeHtml(e.labelText)}</td><td>${value(e)}</td><td>${statusCell(mode, e, i, leakByEvent)}</td></tr>`,
      )
      .join('');
    const joinName = mode === 'asof' ? 'Point-in-time join' : 'Naive join';
    const table = `<div class="pj-scroll"><table class="pj-table"><caption>${joinName}: each event and the feature value it gets</caption><thead><tr><th scope="col">Event</th><th scope="col">Label</th><th scope="col">Joined value</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table></div>`;

    let verdict: string;
    if (mode === 'naive') {
      verdict =
        leaking.size > 0
          ? `<strong>${leaking.size} of ${n}</strong> event${n === 1 ? '' : 's'} leak: the naive join hands them a value written after the event, which a live model could never have seen. Switch the join to point-in-time.`
          : 'No event leaks here: no user has a feature row newer than their events, so the naive join happens to give the right values. Add a later feature row and it breaks.';
    } else {
      verdict = `No event leaks: each one gets the latest value written at or before its time.${naiveLeaks.length > 0 ? ` The naive join would leak ${naiveLeaks.length} of ${n}.` : ''}`;
      if (missing > 0) {
        verdict += ` ${missing} event${missing === 1 ? ' gets' : 's get'} no value because nothing had been written yet: that is the honest answer, and the model must cope with the gap as it would live.`;
      }
    }
    const tieNote = ties
      ? '<p class="widget-intro">A feature row written at exactly the event time counts as known here (as in pandas merge_asof by default). If such a value really lands a moment later, stamp it with its arrival time.</p>'
      : '';
    const lanes = new Set([...data.events, ...data.features].map((r) => r.entityId)).size;
    const picture =
      lanes <= MAX_LANES
        ? `${timeline(data, joined, leaking, `Timeline of feature rows and events, with the ${joinName.toLowerCase()}`)}${legend(
            [
              { name: 'Feature row (circle, value above)', tone: 1 },
              { name: 'Event (square)', tone: 3 },
              { name: 'Join: value known at the event', tone: 4 },
              { name: 'Join from the future: a leak', tone: 2, dashed: true },
            ],
          )}`
        : `<p class="widget-intro">The timeline draws up to ${MAX_LANES} users; the table lists all ${lanes}.</p>`;

    const html = `${readouts([
      ['Events', fmtInt(n)],
      ['Feature rows', fmtInt(data.features.length)],
      ['Leaking rows', `${fmtInt(leaking.size)} of ${fmtInt(n)}`],
      ['No value', fmtInt(missing)],
    ])}
<p class="widget-verdict">${verdict}</p>${tieNote}
${picture}
${table}`;
    const summary = `${joinName}: ${leaking.size} of ${n} event${n === 1 ? '' : 's'} leak${n === 1 ? 's' : ''}, ${missing} without a value${mode === 'asof' && naiveLeaks.length > 0 ? `; the naive join would leak ${naiveLeaks.length}` : ''}.`;
    return { html, summary };
  });
}
