// The interviewer view in Chromium: a peer opens the link the candidate sends, the follow-up ladder
// unlocks at its minute marks as the clock runs (Playwright's fake clock, paused, so only the test
// moves time), the interviewer ticks the rubric and scores, and the link or code they hand back fills
// in the candidate's debrief, whose missed items then become cards.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, watchErrors } from '../browser.ts';
import { followUpMarks } from '../../../src/study/interviewer/state.ts';
import type { PromptData } from '../../../src/study/mock/prompts.ts';

const ID = 'cases/news-feed';
const VIEW = `/practice/interviewer/?iv.prompt=${ID}`;
const MOCK = `/practice/mock-interview-mode/?mi.prompt=${ID}`;
const T0 = new Date('2026-11-23T09:00:00Z');

describeInBrowser('interviewer view', ({ browser, url }) => {
  async function promptData(page: Page) {
    return (await (await page.request.get(url(`/prompt-data/${ID}.json`))).json()) as PromptData;
  }

  it('reveals the follow-ups on schedule and hands the scores back by link and by code', async () => {
    const interviewer = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await interviewer.newPage();
    await page.clock.pauseAt(T0);
    const errors = watchErrors(page);
    await page.goto(url(VIEW), { waitUntil: 'networkidle' });
    const view = page.locator('interviewer-view');
    const data = await promptData(page);
    const marks = followUpMarks(data.followUps.length);
    const ladder = view.locator('[data-ladder] li');
    const unlocked = view.locator('[data-ladder] li:not([data-locked])');

    expect(await view.locator('[data-prompt-text]').textContent()).toBe(data.prompt);
    await expect.poll(() => ladder.count()).toBe(data.followUps.length);
    expect(await unlocked.count()).toBe(0);
    expect(await ladder.first().textContent()).toBe('Unlocks at 15:00');
    await expect.poll(() => view.locator('[data-checklist] li').count()).toBe(data.rubric.length);

    await view.getByRole('button', { name: 'Start' }).click();
    await page.clock.runFor(marks[0] - 1000);
    expect(await unlocked.count()).toBe(0);
    await page.clock.runFor(1000);
    await expect.poll(() => unlocked.count()).toBe(1);
    expect(await unlocked.first().locator('.iv-ask').textContent()).toBe(data.followUps[0].ask);
    await page.clock.runFor(100); // the live region's short delay
    await expect
      .poll(() => view.locator('[data-live]').textContent())
      .toBe(`Follow-up 1 is ready: ${data.followUps[0].ask}`);
    await page.clock.runFor(marks[1] - marks[0] - 1100);
    expect(await unlocked.count()).toBe(1);
    await page.clock.runFor(1000);
    await expect.poll(() => unlocked.count()).toBe(2);
    // A fast candidate: the next one early, by hand.
    await view.getByRole('button', { name: 'Reveal the next follow-up now' }).click();
    await expect.poll(() => unlocked.count()).toBe(3);

    // A reload keeps the sheet and the schedule.
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => unlocked.count()).toBe(3);

    const boxes = view.locator('[data-checklist] input[data-covered]');
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    for (const fieldset of await view.locator('fieldset').all()) await fieldset.getByLabel('3').check();
    await expect.poll(() => view.locator('[data-code]').textContent()).toMatch(/^c8-[0-9a-f]+-33333333-[0-9a-z]{4}$/);
    const code = (await view.locator('[data-code]').textContent())!;
    const link = (await view.locator('[data-handback-link]').getAttribute('href'))!;
    expect(link).toBe(url(`/practice/mock-interview-mode/?mi.scores=${code}`));
    expect(errors).toEqual([]);

    // The candidate, in their own browser, opens the link: the debrief shows the interviewer's ticks.
    const candidate = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const mine = await candidate.newPage();
    const candidateErrors = watchErrors(mine);
    await mine.goto(link, { waitUntil: 'networkidle' });
    const mock = mine.locator('mock-interview');
    await expect
      .poll(() => mock.locator('[data-import-status]').textContent())
      .toBe(
        `Imported your interviewer’s scores: 2 of ${data.rubric.length} rubric points covered. Check the ticks, then make flashcards from what you missed.`,
      );
    expect(new URL(mine.url()).searchParams.has('mi.scores')).toBe(false);
    const ticks = mock.locator('[data-checklist] input[data-covered]');
    await expect.poll(() => ticks.count()).toBe(data.rubric.length);
    expect(await ticks.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).checked))).toEqual(
      data.rubric.map((_, i) => i === 0 || i === 2),
    );
    expect(await mock.locator('[data-verdict]').textContent()).toMatch(/^24 of 32/);
    await mock.getByRole('button', { name: 'Make flashcards from what I missed' }).click();
    await expect
      .poll(() => mock.locator('[data-grade-status]').textContent())
      .toMatch(new RegExp(`^You covered 2 of ${data.rubric.length}\\. ${data.rubric.length - 2} cards`));
    expect(candidateErrors).toEqual([]);
    await candidate.close();

    // Another candidate finishes their own mock and pastes the code; a typo is refused first.
    const other = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const theirs = await other.newPage();
    await theirs.goto(url(MOCK), { waitUntil: 'networkidle' });
    const theirMock = theirs.locator('mock-interview');
    await theirMock.getByRole('button', { name: 'Start' }).click();
    await theirMock.getByRole('button', { name: 'Finish' }).click();
    const input = theirMock.getByLabel('A code from your interviewer');
    const typo = code.replace(/-(\d)3333333-/, (_, d: string) => `-${d === '3' ? '4' : '3'}3333333-`);
    await input.fill(typo);
    await theirMock.getByRole('button', { name: 'Import their scores' }).click();
    await expect
      .poll(() => theirMock.locator('[data-import-status]').textContent())
      .toMatch(/^This code does not check out.* Nothing was changed\.$/);
    await input.fill(` ${code.toUpperCase()} `);
    await theirMock.getByRole('button', { name: 'Import their scores' }).click();
    await expect
      .poll(() => theirMock.locator('[data-import-status]').textContent())
      .toMatch(/^Imported your interviewer’s scores: 2 of /);
    await other.close();
    await interviewer.close();
  });

  it('says so when the link names no prompt, and offers the list instead', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url('/practice/interviewer/?iv.prompt=cases/nope'), { waitUntil: 'networkidle' });
    const view = page.locator('interviewer-view');
    await expect
      .poll(() => view.locator('[data-notice]').textContent())
      .toBe('The link names a prompt "cases/nope" that is not one of the cases or exercises.');
    await view.locator('select[name="prompt"]').selectOption(ID);
    await expect.poll(() => view.locator('[data-ladder] li').count()).toBeGreaterThan(7);
    expect(errors).toEqual([]);
    await context.close();
  });
});
