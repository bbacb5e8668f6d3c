// The traffic splitter in Chromium: the share and ramp change the counts, users already in treatment
// stay there when the share grows, the assignment survives a reload, bad input shows a message, and
// a shared URL reproduces the same state.
import { expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, settled, widgetText } from './widget-page.ts';
import { assignUsers, compareAssignments, generateUserIds } from '../../../src/lib/systems/traffic-split.ts';

const PAGE = '/serving/rollouts/';
const TAG = 'traffic-splitter';
const users = generateUserIds(10_000);
const treated = (experiment: string, share: number) =>
  assignUsers(users, experiment, share)
    .filter((a) => a === 'treatment')
    .length.toLocaleString('en-US');

/** The table's rows as [id, variant now, variant after the ramp, variant under the other name]. */
async function tableRows(widget: Locator): Promise<string[][]> {
  return widget
    .locator('.ts-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].filter((_, i) => i !== 1).map((cell) => cell.textContent ?? '')),
    );
}

describeInBrowser('traffic splitter', ({ browser, url }) => {
  it('renders its first state at build time, then recomputes when the share moves', async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'In treatment')).toBe(treated('ranker-v7', 0.1));
    await setField(widget, 'share', '20');
    await expect.poll(() => readout(widget, 'In treatment')).toBe(treated('ranker-v7', 0.2));
    expect(page.url()).toContain('ts.share=20');
    await setField(widget, 'exp', 'checkout-v2');
    await expect.poll(() => readout(widget, 'In treatment')).toBe(treated('checkout-v2', 0.2));
    expect(page.url()).toContain('ts.exp=checkout-v2');
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps every treatment user in treatment when the share grows from 10% to 20%', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    const change = compareAssignments(assignUsers(users, 'ranker-v7', 0.1), assignUsers(users, 'ranker-v7', 0.2));
    expect(change.leftTreatment).toBe(0);
    expect(await readout(widget, 'Left treatment at 20%')).toBe('0');
    expect(await widget.locator('.widget-verdict').nth(1).textContent()).toContain(
      `every one of the 996 users in treatment stays there, ${change.joinedTreatment.toLocaleString('en-US')} join from control and 0 move back`,
    );
    const rows = await tableRows(widget);
    expect(rows).toHaveLength(20);
    for (const [, now, ramped] of rows) if (now === 'treatment') expect(ramped).toBe('treatment');
    await close();
  });

  it('gives the same variants after a reload', async () => {
    const { widget, page, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'share', '50');
    await expect.poll(() => readout(widget, 'Requested share')).toBe('50%');
    const before = await tableRows(widget);
    await page.reload({ waitUntil: 'load' });
    await settled(page, TAG);
    const again = page.locator(TAG).first();
    expect(await again.locator('input[type=number][name="share"]').inputValue()).toBe('50');
    expect(await tableRows(again)).toEqual(before);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'share', '150');
    await expect
      .poll(() => widget.locator('[data-problem-for="share"]').first().textContent())
      .toBe('Treatment share (%) must be between 0 and 100.');
    await setField(widget, 'share', '10');
    await setField(widget, 'exp', '   ');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('The experiment name is empty; give it a name, since the name salts the hash.');
    await setField(widget, 'exp', 'ranker-v7');
    await setField(widget, 'ids', 'pasted');
    await setField(widget, 'list', ' , ');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Paste at least one user id (one per line or comma-separated).');
    await setField(widget, 'list', 'alice\nbob\nalice');
    await expect.poll(() => readout(widget, 'Users')).toBe('2');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly', async () => {
    const shared = `${url(PAGE)}?ts.exp=homepage-carousel&ts.share=50&ts.ramp=50&ts.other=homepage-carousel-rerun`;
    const { widget, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('input[type=text][name="exp"]').inputValue()).toBe('homepage-carousel');
    expect(await readout(widget, 'In treatment')).toBe(treated('homepage-carousel', 0.5));
    const rename = compareAssignments(
      assignUsers(users, 'homepage-carousel', 0.5),
      assignUsers(users, 'homepage-carousel-rerun', 0.5),
    );
    expect(await widget.locator('.widget-verdict').nth(2).textContent()).toContain(
      `only ${rename.stayedTreatment.toLocaleString('en-US')} of the`,
    );
    await close();
  });
});
