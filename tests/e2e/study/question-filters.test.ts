// The question-bank, exercise and worked-case filters in Chromium: filters from the URL with a live count, marks
// that persist and filter, links to one question that scroll it into view, the no-JS fallback, and
// axe in both themes.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeInBothThemes, describeInBrowser, freshPage, noLooksJudged, watchErrors } from '../browser.ts';
import questions from '../../../content/data/questions.json';

const PAGE = '/practice/mlops-questions/';
const EXERCISES = '/practice/exercises/';
const CASES = '/practice/cases/';
const total = questions.length;

describeInBrowser('question bank, exercise and case filters', ({ browser, url }) => {
  /**
   * The filter bar applies the link's filters as its element is defined, which a loaded machine can
   * reach after the network has gone idle: wait for the element, not the network.
   */
  const filtersApplied = (page: Page) => page.evaluate(() => customElements.whenDefined('study-filter-bar'));

  async function open(path: string, options: { width?: number } = {}) {
    const page = await freshPage(browser(), { viewport: { width: options.width ?? 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(url(path), { waitUntil: 'networkidle' });
    await filtersApplied(page);
    return { page, errors };
  }

  const bar = (page: Page) => page.locator('study-filter-bar');
  const countText = (page: Page) => bar(page).locator('[data-count]').textContent();
  const visibleQuestions = (page: Page) =>
    page.locator('article.question:visible').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset));

  it('shows only Senior questions for ?qb.level=Senior, with the right count', async () => {
    const { page, errors } = await open(`${PAGE}?qb.level=Senior`);
    const senior = questions.filter((q) => q.level === 'Senior');
    expect(await bar(page).locator('select[name="level"]').inputValue()).toBe('Senior');
    const shown = await visibleQuestions(page);
    expect(shown.length).toBe(senior.length);
    expect(shown.every((d) => d.level === 'Senior')).toBe(true);
    expect(await countText(page)).toBe(`Showing ${senior.length} of ${total} questions`);
    expect(await bar(page).locator('[data-count]').getAttribute('aria-live')).toBe('polite');
    // A section heading with no Senior question is hidden with its questions.
    const frameworksSenior = senior.some((q) => q.section === 'frameworks');
    expect(await page.locator('h2#training-frameworks').isVisible()).toBe(frameworksSenior);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows by section from the controls and writes the filters into the URL', async () => {
    const { page } = await open(PAGE);
    expect(await countText(page)).toBe(`Showing ${total} of ${total} questions`);
    await bar(page).locator('select[name="section"]').selectOption('serving');
    await bar(page).locator('select[name="level"]').selectOption('Mid');
    const expected = questions.filter((q) => q.section === 'serving' && q.level === 'Mid');
    await expect.poll(() => countText(page)).toBe(`Showing ${expected.length} of ${total} questions`);
    expect(new URL(page.url()).search).toBe('?qb.level=Mid&qb.section=serving');
    expect((await visibleQuestions(page)).map((d) => d.section)).toEqual(expected.map(() => 'serving'));
    await bar(page).getByRole('button', { name: 'Show all' }).click();
    expect(await countText(page)).toBe(`Showing ${total} of ${total} questions`);
    expect(new URL(page.url()).search).toBe('');
    await page.close();
  });

  it('marks a question for review, keeps the mark after a reload, and filters on it', async () => {
    const { page } = await open(PAGE);
    const target = questions[4];
    const card = page.locator(`#q-${target.id}`);
    await card.getByRole('button', { name: 'Review' }).click();
    expect(await card.locator('[data-mark-badge]').textContent()).toBe('To review');
    expect(await card.getByRole('button', { name: 'Review' }).getAttribute('aria-pressed')).toBe('true');
    await page.locator(`#q-${questions[0].id}`).getByRole('button', { name: 'Got it' }).click();

    await page.goto(url(`${PAGE}?qb.mark=review`), { waitUntil: 'networkidle' });
    await filtersApplied(page);
    expect((await visibleQuestions(page)).length).toBe(1);
    expect(await card.isVisible()).toBe(true);
    expect(await card.locator('[data-mark-badge]').textContent()).toBe('To review');
    expect(await countText(page)).toBe(`Showing 1 of ${total} questions`);
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('mlguide:questions')))!);
    expect(saved).toEqual({ version: 1, marks: { [target.id]: 'review', [questions[0].id]: 'got' } });

    // Pressing the mark again clears it; the question leaves the "to review" list.
    await card.getByRole('button', { name: 'Review' }).click();
    await expect
      .poll(() => countText(page))
      .toBe(`Showing 0 of ${total} questions. None match: choose other filters or press "Show all".`);
    await page.close();
  });

  it('opens a copied link to one question scrolled into view', async () => {
    const { page } = await open(`${PAGE}?qb.level=Mid`);
    const target = questions.filter((q) => q.level === 'Mid').at(-1)!;
    const anchor = page.locator(`#q-${target.id} a.question-link`);
    await anchor.click();
    await page.waitForURL(new RegExp(`#q-${target.id}$`));
    const link = page.url();
    expect(link).toContain('?qb.level=Mid#q-');

    const other = await open(link.replace(url(''), ''));
    const card = other.page.locator(`#q-${target.id}`);
    expect(await card.isVisible()).toBe(true);
    // The page scrolls to the card once every script has laid out its controls; wait for it.
    const top = () => card.evaluate((el) => el.getBoundingClientRect().top);
    await expect.poll(top).toBeLessThan(400);
    expect(await top()).toBeGreaterThanOrEqual(0);
    await other.page.close();
    await page.close();
  });

  it('clears filters that would hide the linked question', async () => {
    const senior = questions.find((q) => q.level === 'Senior')!;
    const { page } = await open(`${PAGE}?qb.level=Junior#q-${senior.id}`);
    const card = page.locator(`#q-${senior.id}`);
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await bar(page).locator('[data-notice]').textContent()).toBe(
      'The filters were cleared to show the linked item.',
    );
    expect(await countText(page)).toBe(`Showing ${total} of ${total} questions`);
    const top = await card.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(400);
    await page.close();
  });

  it('warns about an unknown filter value and shows everything', async () => {
    const { page } = await open(`${PAGE}?qb.level=Expert`);
    // The bar reads the link once its script runs: wait for the notice rather than read it at load.
    await expect
      .poll(() => bar(page).locator('[data-notice]').textContent())
      .toBe("Level must be one of: (any), Junior, Mid, Senior. The link's value was replaced by the default.");
    expect(await countText(page)).toBe(`Showing ${total} of ${total} questions`);
    await page.close();
  });

  it('ignores corrupt saved marks with a message', async () => {
    const page = await freshPage(browser());
    await page.addInitScript(() => localStorage.setItem('mlguide:questions', '{"version":7}'));
    const errors = watchErrors(page);
    await page.goto(url(PAGE), { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('[data-marks-message]').textContent())
      .toContain(
        'Your saved question marks could not be read (it is version 7, saved by a newer guide; this page reads version 1). It was kept aside',
      );
    expect(await page.locator('[data-mark-badge]:visible').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every question and no filter bar without JavaScript', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url(`${PAGE}?qb.level=Senior`));
    expect(await page.locator('article.question:visible').count()).toBe(total);
    expect(await bar(page).locator('section').isVisible()).toBe(false);
    expect(await page.locator('.question-marks:visible').count()).toBe(0);
    await context.close();
  });

  it('filters the exercise index by level and domain', async () => {
    const { page, errors } = await open(`${EXERCISES}?qb.domain=fraud`);
    const rows = page.locator('table.exercise-list tbody tr');
    const all = await rows.count();
    const domains = await page
      .locator('table.exercise-list tbody tr:visible')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.domains ?? ''));
    expect(domains.length).toBeGreaterThan(0);
    expect(domains.every((d) => d.split(' ').includes('fraud'))).toBe(true);
    expect(await countText(page)).toBe(`Showing ${domains.length} of ${all} exercises`);
    await bar(page).locator('select[name="domain"]').selectOption('');
    await bar(page).locator('select[name="level"]').selectOption('Senior');
    const levels = await page
      .locator('table.exercise-list tbody tr:visible')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.level));
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['Senior']));
    expect(new URL(page.url()).search).toBe('?qb.level=Senior');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters the worked-case index by track, level and domain, with the filters in the URL', async () => {
    const { page, errors } = await open(`${CASES}?qb.track=genai`);
    const rows = page.locator('table.case-list tbody tr');
    const visible = (name: string) =>
      page
        .locator('table.case-list tbody tr:visible')
        .evaluateAll((els, key) => els.map((el) => (el as HTMLElement).dataset[key] ?? ''), name);
    const all = await rows.count();
    expect(all).toBeGreaterThanOrEqual(20);
    const tracks = await visible('track');
    expect(tracks.length).toBeGreaterThan(0);
    expect(tracks.length).toBeLessThan(all);
    expect(new Set(tracks)).toEqual(new Set(['genai']));
    expect(await countText(page)).toBe(`Showing ${tracks.length} of ${all} cases`);
    await bar(page).locator('select[name="track"]').selectOption('');
    await bar(page).locator('select[name="level"]').selectOption('Staff');
    await bar(page).locator('select[name="domain"]').selectOption('recsys');
    const levels = await visible('level');
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels)).toEqual(new Set(['Staff']));
    expect((await visible('domains')).every((d) => d.split(' ').includes('recsys'))).toBe(true);
    expect(new URL(page.url()).search).toBe('?qb.level=Staff&qb.domain=recsys');
    // The same link opens the same list for a peer.
    const peer = await page.context().newPage(); // a second tab of the same browser
    await peer.goto(page.url(), { waitUntil: 'networkidle' });
    await filtersApplied(peer);
    expect(await peer.locator('table.case-list tbody tr:visible').count()).toBe(levels.length);
    expect(errors).toEqual([]);
    await peer.close();
    await page.close();
  });

  it('passes axe (WCAG 2.1 AA) with filters and marks, in both themes, at 360 px', async () => {
    const judged = noLooksJudged();
    for (const path of [`${PAGE}?qb.level=Senior`, `${EXERCISES}?qb.level=Mid`, `${CASES}?qb.track=classical`]) {
      const { page } = await open(path, { width: 360 });
      const review = page.locator('article.question:visible').first().getByRole('button', { name: 'Review' });
      if (await review.count()) await review.click();
      const got = page.locator('article.question:visible').nth(1).getByRole('button', { name: 'Got it' });
      if (await got.count()) await got.click();
      expect((await axeInBothThemes(page, undefined, judged)).map((v) => `${path} ${v}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    }
  }, 180_000); // three long pages scanned in full at 360 px: seconds idle, a minute on a loaded machine
});
