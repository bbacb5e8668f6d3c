// The point-in-time join explorer in Chromium: switching the join changes the values and the leak
// count, schema.presets load, bad rows show a message, and a shared URL reproduces the state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { leakingRows } from '../../../src/lib/systems/feature-join.ts';
import { parsePitRows } from '../../../src/widgets/pit-join/view.ts';
import { schema } from '../../../src/widgets/pit-join/schema.ts';

const PAGE = '/lifecycle/features/';
const TAG = 'pit-join';
const leaks = (rows: string) => {
  const { events, features } = parsePitRows(rows);
  return `${leakingRows(events, features).length} of ${events.length}`;
};

describeInBrowser('point-in-time join', ({ browser, url }) => {
  it('shows the naive leaks of the chapter example, then none with the point-in-time join', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Leaking rows')).toBe(leaks(schema.fields.rows.default));
    expect(leaks(schema.fields.rows.default)).toBe('2 of 2');
    expect(await widget.locator('.pj-badge.pj-leak').allTextContents()).toEqual(['leaks', 'leaks']);
    await setField(widget, 'join', 'asof');
    await expect.poll(() => readout(widget, 'Leaking rows')).toBe('0 of 2');
    expect(await widget.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual(['0.91day 1', '0.84day 6']);
    expect(await widget.locator('.pj-badge.pj-leak').count()).toBe(0);
    expect(page.url()).toContain('pj.join=asof');

    await setField(widget, 'rows', 'event,u1,5,1\nfeature,u1,2,a\nfeature,u1,7,b');
    await setField(widget, 'join', 'naive');
    await expect.poll(() => readout(widget, 'Leaking rows')).toBe('1 of 1');
    expect(errors).toEqual([]);
    await close();
  });

  it('loads the backfill preset: 3 of 4 rows leak, and as of their time nothing was known', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await widget.locator('button', { hasText: 'Backfill that leaks' }).click();
    await expect.poll(() => readout(widget, 'Leaking rows')).toBe(leaks(schema.presets[2]!.state.rows!));
    expect(leaks(schema.presets[2]!.state.rows!)).toBe('3 of 4');
    await setField(widget, 'join', 'asof');
    await expect.poll(() => readout(widget, 'No value')).toBe('3');
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'rows', '');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Type or paste rows: event,user,time[,label] and feature,user,time,value, one per line.');
    await setField(widget, 'rows', 'event,u1,soon\nfeature,u1,1,2');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 1: the time "soon" is not a day number (write 3, 3.5 or 3 09:00).');
    await setField(widget, 'rows', 'event,u1,-2\nfeature,u1,1,2');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 1: the time -2 is negative; count days from 0.');
    await setField(widget, 'rows', 'event,u1,3\nfeature,u1,1');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Line 2: a feature row has 4 values (feature,user,time,value); this one has 3.');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, copies it, and fits a 360 px screen', async () => {
    const rows = schema.presets[1]!.state.rows!;
    const shared = `${url(PAGE)}?${new URLSearchParams({ 'pj.rows': rows, 'pj.join': 'asof' })}`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG, 360);
    expect(await widget.locator('textarea[name="rows"]').inputValue()).toBe(rows);
    expect(await widget.locator('select[name="join"]').inputValue()).toBe('asof');
    expect(await widget.locator('tbody tr td:nth-child(3)').allTextContents()).toEqual([
      '95day 5 02:00',
      '40day 5 02:00',
    ]);
    expect(await widget.locator('section.widget').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    // The copied link is the shared one, settings in the schema's order.
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.pathname).toBe(new URL(shared).pathname);
    expect(Object.fromEntries(copied.searchParams)).toEqual(Object.fromEntries(new URL(shared).searchParams));
    await close();
  });
});
