// The point-in-time join explorer's pure view: the features chapter's driver example, the presets,
// the time format, and bad input.
import { describe, expect, it } from 'vitest';
import { fmtGap, fmtTime, parsePitRows, parseTime, view } from '../../src/widgets/pit-join/view.ts';
import { schema } from '../../src/widgets/pit-join/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);
/** Table rows as text: event (user and time), label, joined value (and when it was written), status. */
function rows(markup: string): string[][] {
  const body = markup.match(/<tbody>(.*)<\/tbody>/s)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) =>
      c[1]!
        .replace(/<br>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .trim(),
    ),
  );
}

describe('pit-join view: the chapter example (driver 7, acceptance rate)', () => {
  it('the naive join gives both events the Mar 12 value 0.62, from the future: 2 of 2 leak', () => {
    const markup = html({});
    expect(readout(markup, 'Leaking rows')).toBe('2 of 2');
    expect(rows(markup)).toEqual([
      [
        'driver7 day 3 09:00',
        '0',
        '0.62 day 12',
        'leaks written 8.6 days after the event; at the event it was 0.91 (day 1)',
      ],
      [
        'driver7 day 9 18:00',
        '1',
        '0.62 day 12',
        'leaks written 2.3 days after the event; at the event it was 0.84 (day 6)',
      ],
    ]);
    // Highlighted with a class and a text badge, not colour alone.
    expect(markup.match(/class="pj-leak-row"/g)).toHaveLength(2);
    expect(markup).toContain('<span class="pj-badge pj-leak">leaks</span>');
    const result = view(state({}));
    expect(result.ok && result.summary).toBe('Naive join: 2 of 2 events leak, 0 without a value.');
  });

  it('the point-in-time join gives 0.91 (Mar 1) and 0.84 (Mar 6): nothing leaks', () => {
    const markup = html({ join: 'asof' });
    expect(readout(markup, 'Leaking rows')).toBe('0 of 2');
    expect(rows(markup)).toEqual([
      ['driver7 day 3 09:00', '0', '0.91 day 1', 'ok written before the event; naive would take 0.62 (day 12)'],
      ['driver7 day 9 18:00', '1', '0.84 day 6', 'ok written before the event; naive would take 0.62 (day 12)'],
    ]);
    expect(markup).not.toContain('pj-leak-row');
    expect(markup).toContain('The naive join would leak 2 of 2.');
  });

  it('draws a timeline with dashed arcs for the leaks', () => {
    expect(html({})).toContain('<svg class="widget-chart pj-timeline"');
    expect(html({}).match(/class="series tone-2 dashed"/g)).toHaveLength(2);
    expect(html({ join: 'asof' })).not.toContain('series tone-2 dashed');
  });
});

describe('pit-join view: presets', () => {
  it('clean case: the latest rows predate every event, so neither join leaks', () => {
    const markup = html(schema.presets[0]!.state);
    expect(readout(markup, 'Leaking rows')).toBe('0 of 3');
    expect(markup).toContain('No event leaks here');
    expect(rows(markup).map((r) => r[2])).toEqual(['5 day 4', '5 day 4', '1 day 2']);
  });

  it('late-arriving feature: the 02:00 batch after the events leaks by 2.5 h and 1 h', () => {
    const markup = html(schema.presets[1]!.state);
    expect(readout(markup, 'Leaking rows')).toBe('2 of 2');
    expect(rows(markup).map((r) => r[3])).toEqual([
      'leaks written 2.5 h after the event; at the event it was 95 (day 5 02:00)',
      'leaks written 1 h after the event; at the event it was 40 (day 5 02:00)',
    ]);
    expect(rows(html({ ...schema.presets[1]!.state, join: 'asof' })).map((r) => r[2])).toEqual([
      '95 day 5 02:00',
      '40 day 5 02:00',
    ]);
  });

  it('backfill: 3 of 4 events get the day-30 value; as of their time nothing was known', () => {
    const naive = html(schema.presets[2]!.state);
    expect(readout(naive, 'Leaking rows')).toBe('3 of 4');
    const asOf = html({ ...schema.presets[2]!.state, join: 'asof' });
    expect(readout(asOf, 'Leaking rows')).toBe('0 of 4');
    expect(readout(asOf, 'No value')).toBe('3');
    expect(asOf).toContain('3 events get no value because nothing had been written yet');
    expect(rows(asOf).map((r) => r[2])).toEqual(['–', '–', '–', '0.40 day 30']);
    expect(rows(asOf)[0]![3]).toBe('no value nothing written yet');
  });
});

describe('pit-join view: times, ties and escaping', () => {
  it('reads days and clock times, and writes them back', () => {
    expect(parseTime('3', 1)).toBe(3);
    expect(parseTime('3.5', 1)).toBe(3.5);
    expect(parseTime('3 09:00', 1)).toBe(3.375);
    expect(fmtTime(3.375)).toBe('day 3 09:00');
    expect(fmtTime(12)).toBe('day 12');
    expect(fmtTime(5 + 23.99999 / 24)).toBe('day 6');
    expect(fmtGap(1 / 48)).toBe('30 min');
    expect(fmtGap(2.5 / 24)).toBe('2.5 h');
    expect(fmtGap(1)).toBe('1 day');
    expect(fmtGap(8.625)).toBe('8.6 days');
  });

  it('counts a row written at the event time as known, and says so', () => {
    const markup = html({ rows: 'event,u1,3\nfeature,u1,3,x', join: 'asof' });
    expect(rows(markup)[0]![3]).toBe('ok written at the event time');
    expect(markup).toContain('A feature row written at exactly the event time counts as known here');
  });

  it('handles a user with no feature rows, headers and comments', () => {
    const markup = html({ rows: 'kind,user,time,value\n# a comment\nevent,u1,3\nfeature,u2,1,x' });
    expect(readout(markup, 'No value')).toBe('1');
    expect(rows(markup)[0]![3]).toBe('no value no rows for this user');
    expect(parsePitRows('event,u1,3,1\nfeature,u1,1,a').events).toEqual([{ entityId: 'u1', time: 3, labelText: '1' }]);
  });

  it('escapes user names, labels and values', () => {
    const markup = html({ rows: 'event,<b>u</b>,3,<i>\nfeature,<b>u</b>,1,<script>' });
    expect(markup).not.toMatch(/<b>u<\/b>|<script>|<i>/);
    expect(markup).toContain('&#60;b&#62;u&#60;/b&#62;');
  });
});

describe('pit-join view: bad input', () => {
  it('asks for rows, events and feature rows', () => {
    expect(error({ rows: '' })).toBe(
      'Type or paste rows: event,user,time[,label] and feature,user,time,value, one per line.',
    );
    expect(error({ rows: '# only a comment' })).toBe(
      'Type or paste rows: event,user,time[,label] and feature,user,time,value, one per line.',
    );
    expect(error({ rows: 'feature,u1,3,1' })).toBe('Add at least one event row (event,user,time) to join features to.');
    expect(error({ rows: 'event,u1,3' })).toBe(
      'Add at least one feature row (feature,user,time,value): with no feature rows there is nothing to join.',
    );
  });

  it('names the line of a malformed row', () => {
    const base = 'event,u1,3\n';
    expect(error({ rows: `${base}evnt,u1,3` })).toBe(
      'Line 2: start the row with &#34;event&#34; or &#34;feature&#34;, not &#34;evnt&#34;.',
    );
    expect(error({ rows: `${base}feature,u1,1` })).toBe(
      'Line 2: a feature row has 4 values (feature,user,time,value); this one has 3.',
    );
    expect(error({ rows: 'event,u1\nfeature,u1,1,2' })).toBe(
      'Line 1: an event row has 3 or 4 values (event,user,time[,label]); this one has 2.',
    );
    expect(error({ rows: `${base}feature,,1,2` })).toBe('Line 2: the user is empty.');
    expect(error({ rows: `${base}feature,u1,1,` })).toBe('Line 2: the feature value is empty.');
  });

  it('refuses non-numeric, negative and impossible times', () => {
    const feature = '\nfeature,u1,1,2';
    expect(error({ rows: `event,u1,soon${feature}` })).toBe(
      'Line 1: the time &#34;soon&#34; is not a day number (write 3, 3.5 or 3 09:00).',
    );
    expect(error({ rows: `event,u1,${feature}` })).toBe(
      'Line 1: the time &#34;&#34; is not a day number (write 3, 3.5 or 3 09:00).',
    );
    expect(error({ rows: `event,u1,-2${feature}` })).toBe('Line 1: the time -2 is negative; count days from 0.');
    expect(error({ rows: `event,u1,3 25:00${feature}` })).toBe(
      'Line 1: the time &#34;3 25:00&#34; is not a valid day and clock time (write 3 09:00, hours 0-23).',
    );
  });

  it('caps the rows and the join choice', () => {
    const many = Array.from({ length: 61 }, (_, i) => `event,u1,${i}`).join('\n');
    expect(error({ rows: many })).toBe('Keep it to 60 rows or fewer: this is a sketch of a join, not a warehouse.');
    expect(fieldProblem(schema.fields.join, 'latest')).toBe('Join must be one of: naive, asof.');
  });
});
