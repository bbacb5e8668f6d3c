// axe (WCAG 2.1 AA) on the study features in their opened states (a case mock's debrief graded, a
// case's rubric graded, the interviewer view running, the deck's cards from mocks, a page marked read,
// a tooltip shown), in both themes. Every page in its first state is covered by site-quality.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeInBrowser, watchErrors } from '../browser.ts';

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
];

describeInBrowser('accessibility of the study features', ({ browser, url }) => {
  for (const scheme of ['light', 'dark'] as const) {
    // One context per theme, the pages in order: the deck shows the cards the mock before it made.
    describe(`in the ${scheme} theme`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser().newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
        page = await context.newPage();
      });
      afterAll(async () => context?.close());

      for (const { path, prepare } of PAGES) {
        it(`${path} passes axe with no console errors`, async () => {
          const errors = watchErrors(page);
          await page.goto(url(path), { waitUntil: 'load' });
          await prepare?.(page);
          const problems = [...(await axeViolations(page)), ...errors];
          page.removeAllListeners();
          expect(problems).toEqual([]);
        }, 120_000);
      }
    });
  }
});
