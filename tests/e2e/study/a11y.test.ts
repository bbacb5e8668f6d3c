// axe (WCAG 2.1 AA) on the study features in their opened states (mock debrief, a page marked read,
// a tooltip shown), in both themes. Every page in its first state is covered by site-quality.test.ts.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeInBrowser, watchErrors } from '../browser.ts';

const PAGES: { path: string; prepare?: (page: Page) => Promise<void> }[] = [
  {
    path: '/practice/mock-interview-mode/?mi.prompt=card-fraud-detection',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.locator('[data-debrief] fieldset').first().getByLabel('3').check();
    },
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
    it(`passes axe in the ${scheme} theme`, async () => {
      const context = await browser().newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const { path, prepare } of PAGES) {
        const errors = watchErrors(page);
        await page.goto(url(path), { waitUntil: 'load' });
        await prepare?.(page);
        problems.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
        problems.push(...errors.map((e) => `${path}: ${e}`));
        page.removeAllListeners();
      }
      await context.close();
      expect(problems).toEqual([]);
    }, 180_000);
  }
});
