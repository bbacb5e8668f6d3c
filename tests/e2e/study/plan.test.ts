// The study plan: made from the form, kept across a reload, ticked off, exported as an .ics file
// that follows RFC 5545, re-planned after missed days, and bad input answered with a message.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';
import { buildPlan } from '../../../src/study/plan/planner.ts';

const PLAN_PAGE = '/practice/plan/';

/** The browser's local day `offset` days from now, as the page computes "today". */
const dayFromToday = (page: Page, offset: number) =>
  page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    const pad = (x: number) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, offset);

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describeInBrowser('study plan', ({ browser, url }) => {
  it('makes a plan, keeps it across a reload, ticks items off and exports a valid .ics', async () => {
    const page = await freshPage(browser(), { viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(url(PLAN_PAGE), { waitUntil: 'networkidle' });
    const interview = await dayFromToday(page, 10);
    await page.getByLabel('Interview date').fill(interview);
    await page.getByLabel('Hours a day').fill('2');
    await page.getByLabel('Target level').selectOption('Staff');
    await page.getByLabel('Focus').selectOption('genai');
    await page.getByRole('button', { name: 'Make my plan' }).click();
    const plan = page.locator('study-plan');
    await expect.poll(() => plan.locator('[data-status]').textContent()).toBe('Plan made: 10 days to your interview.');
    const summary = await plan.locator('[data-summary]').textContent();
    expect(summary).toMatch(
      /^10 days to your interview on \w{3} \d{1,2} \w{3} \(Staff, GenAI, 2 h a day\)\. Done: 0 of \d+ items\.$/,
    );
    expect(await plan.locator('[data-days] > li').count()).toBe(10);
    // GenAI reads the LLM section before the lifecycle.
    const chapters = await plan
      .locator('input[data-kind="chapter"]')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLElement).dataset.page!));
    expect(chapters.findIndex((p) => p.startsWith('llm/'))).toBeLessThan(
      chapters.findIndex((p) => p.startsWith('lifecycle/')),
    );
    expect(await plan.locator('[data-days] > li[data-today]').count()).toBe(1);

    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => plan.locator('[data-summary]').textContent()).toBe(summary);
    expect(await page.getByLabel('Target level').inputValue()).toBe('Staff');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mlguide:plan')!));
    expect(stored).toMatchObject({
      version: 1,
      plan: { settings: { interview, hoursPerDay: 2, level: 'Staff', focus: 'genai' } },
    });

    // Ticking a chapter marks it read everywhere; ticking flashcards is the plan's own mark. The
    // keyboard stays on the box it toggled.
    const chapterBox = plan.locator('input[data-kind="chapter"]').first();
    const chapterPage = await chapterBox.getAttribute('data-page');
    await chapterBox.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('mlguide:read'))).toContain(chapterPage!);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.page)).toBe(chapterPage);
    await plan.locator('input[data-kind="cards"]').first().check();
    await expect.poll(() => plan.locator('[data-summary]').textContent()).toMatch(/Done: 2 of \d+ items\.$/);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await plan.locator('input[data-kind="cards"]').first().isChecked()).toBe(true);
    expect(await plan.locator(`input[data-page="${chapterPage}"]`).isChecked()).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ml-interview-study-plan.ics');
    const ics = await readFile((await download.path())!, 'utf8');
    // RFC 5545 3.1: CRLF line ends, lines of at most 75 octets, continuations start with a space.
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(unfolded.slice(0, 3)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//ML System Design Guide//Study plan//EN',
    ]);
    const events = unfolded.filter((l) => l === 'BEGIN:VEVENT').length;
    expect(events).toBe(11); // ten study days and the interview
    expect(unfolded.filter((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l))).toHaveLength(11);
    const uids = unfolded.filter((l) => l.startsWith('UID:'));
    expect(new Set(uids).size).toBe(11);
    expect(unfolded).toContain(`DTSTART;VALUE=DATE:${interview.replace(/-/g, '')}`);
    expect(unfolded.find((l) => l.startsWith('DESCRIPTION:'))).toContain(url('/practice/flashcards/'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when days were missed and re-plans what is left from today', async () => {
    const page = await freshPage(browser());
    const errors = watchErrors(page);
    await page.goto(url(PLAN_PAGE), { waitUntil: 'networkidle' });
    const start = await dayFromToday(page, -3);
    const interview = await dayFromToday(page, 5);
    const catalog = {
      chapters: [
        { id: 'start/how-to-use', title: 'How to use this guide', section: 'start', minutes: 30 },
        { id: 'llm/rag', title: 'RAG', section: 'llm', minutes: 30 },
        { id: 'llm/agents', title: 'Agents', section: 'llm', minutes: 30 },
      ],
      cases: [],
      exercises: [],
    };
    const old = buildPlan({ start, interview, hoursPerDay: 1, level: 'Mid', focus: 'genai' }, catalog);
    await page.evaluate((saved) => localStorage.setItem('mlguide:plan', JSON.stringify(saved)), {
      version: 1,
      updatedAt: Date.now() - 3 * 86_400_000,
      plan: old,
      done: {},
    });
    await page.reload({ waitUntil: 'networkidle' });
    const plan = page.locator('study-plan');
    const behind = plan.locator('[data-behind]');
    await expect.poll(() => behind.isVisible()).toBe(true);
    expect(await plan.locator('[data-behind-text]').textContent()).toMatch(
      /^You are \d+ items behind \(.+\)\. Re-plan/,
    );
    await behind.getByRole('button', { name: 'Re-plan from today' }).click();
    await expect.poll(() => behind.isVisible()).toBe(false);
    expect(await plan.locator('[data-status]').textContent()).toBe(
      'Re-planned from today: what is left is spread over 5 days.',
    );
    expect(await plan.locator('[data-days] > li').first().getAttribute('data-today')).toBe('');
    // The interview date stayed; the plan is the real catalog's now, from today.
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('mlguide:plan')!));
    expect(saved.plan.settings).toMatchObject({ start: await dayFromToday(page, 0), interview, level: 'Mid' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers bad input with a message and works at 360 px', async () => {
    const page = await freshPage(browser(), { viewport: { width: 360, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(url(PLAN_PAGE), { waitUntil: 'networkidle' });
    const error = page.locator('study-plan [data-error]');
    await page.getByLabel('Hours a day').fill('');
    await page.getByRole('button', { name: 'Make my plan' }).click();
    expect(await error.textContent()).toBe('Enter the hours a day you can study, such as 1.5.');
    await page.getByLabel('Hours a day').fill('1');
    await page.getByLabel('Interview date').fill(await dayFromToday(page, -1));
    await page.getByRole('button', { name: 'Make my plan' }).click();
    expect(await error.textContent()).toBe('The interview date must be after today.');
    expect(await page.locator('study-plan [data-result]').isVisible()).toBe(false);
    await page.getByLabel('Interview date').fill(await dayFromToday(page, 30));
    await page.getByRole('button', { name: 'Make my plan' }).click();
    await expect.poll(() => error.textContent()).toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await page.close();
  });
});
