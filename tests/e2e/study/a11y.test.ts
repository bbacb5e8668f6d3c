// axe (WCAG 2.1 AA) on the study features in their opened states (a case mock's debrief graded, a
// case's rubric graded, the interviewer view running, the deck's cards from mocks, a page marked read,
// a tooltip shown), in both themes. Every page in its first state is covered by site-quality.test.ts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeInBothThemes, describeInBrowser, freshPage, noLooksJudged, watchErrors } from '../browser.ts';

const PAGES: { path: string; prepare?: (page: Page) => Promise<void> }[] = [
  {
    path: '/practice/mock-interview-mode/?mi.prompt=cases/news-feed',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.locator('[data-checklist] input[data-covered]').first().check();
      await page.locator('[data-debrief] fieldset').first().getByLabel('3').check();
      await page.getByRole('button', { name: 'Make flashcards from what I missed' }).click();
      await page.locator('[data-grade-status]:not(:empty)').waitFor();
    },
  },
  {
    path: '/practice/cases/news-feed/',
    prepare: async (page) => {
      await page.locator('rubric-grader input[data-covered]').first().check();
      await page.getByRole('button', { name: 'Save my grading' }).click();
      await page.locator('rubric-grader [data-grade-status]:not(:empty)').waitFor();
    },
  },
  {
    path: '/practice/exercises/card-fraud-detection/',
    prepare: async (page) => {
      await page.locator('rubric-grader input[data-covered]').nth(1).check();
      await page.getByRole('button', { name: 'Save my grading' }).click();
      await page.locator('rubric-grader [data-grade-status]:not(:empty)').waitFor();
    },
  },
  {
    path: '/practice/interviewer/?iv.prompt=cases/news-feed',
    prepare: async (page) => {
      await page.locator('interviewer-view [data-checklist] input[data-covered]').first().check();
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('button', { name: 'Reveal the next follow-up now' }).click();
    },
  },
  {
    path: '/practice/flashcards/?fc.source=mocks',
    prepare: async (page) => page.locator('flashcard-deck [data-front]').waitFor(),
  },
  {
    path: '/lifecycle/evaluation/',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Mark as read' }).click();
      await page.locator('.term > a').first().focus();
    },
  },
  { path: '/monitoring/drift/', prepare: async (page) => page.locator('.term > a').first().focus() },
  {
    path: '/practice/plan/',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Make my plan' }).click();
      await page.locator('study-plan input[data-kind="cards"]').first().check();
      await page.locator('study-plan [data-extra] summary').click();
    },
  },
  {
    // Every part filled: a read page (from above), a forgotten card, a kept-aside text, a refused import.
    path: '/practice/progress/',
    prepare: async (page) => {
      await page.evaluate(() => {
        const card = {
          due: '2030-01-01T00:00:00.000Z',
          stability: 5,
          difficulty: 5,
          elapsed_days: 1,
          scheduled_days: 5,
        };
        const memory = { learning_steps: 0, reps: 4, lapses: 2, state: 2, last_review: '2026-12-01T00:00:00.000Z' };
        const cards = { 'case-visual-search-index-memory': { ...card, ...memory } };
        localStorage.setItem('mlguide:flashcards', JSON.stringify({ format: 'mlguide-flashcards', version: 1, cards }));
        localStorage.setItem('mlguide:questions', '{"version":1,"marks":"damaged"}');
      });
      await page.reload({ waitUntil: 'load' });
      await page
        .locator('study-dashboard input[type="file"]')
        .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('nope') });
      await page.locator('study-dashboard [data-error]:not(:empty)').waitFor();
    },
  },
];

describeInBrowser('accessibility of the study features', ({ browser, url }) => {
  // One tab, the pages in order: the deck shows the cards the mock before it made. Each page
  // is prepared once and scanned in the light theme, then in the dark one.
  let page: Page;
  // The states share what they have judged: a look shown in one state is not checked again.
  const judged = noLooksJudged();
  beforeAll(async () => {
    page = await freshPage(browser());
  });
  afterAll(async () => page?.close());

  for (const { path, prepare } of PAGES) {
    it(`${path} passes axe in both themes with no console errors`, async () => {
      const errors = watchErrors(page);
      await page.goto(url(path), { waitUntil: 'load' });
      await prepare?.(page);
      const problems = [...(await axeInBothThemes(page, undefined, judged)), ...errors];
      page.removeAllListeners();
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
