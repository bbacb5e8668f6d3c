// The table of contents marks the section being read (src/components/starlight/toc.ts, in place of
// Starlight's element): on the desktop list with aria-current, on the mobile bar by its name.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, freshPage, watchErrors } from './browser.ts';

const CHAPTER = '/lifecycle/evaluation/';

/** Scrolls the element to just under the header, and waits for the list to follow. */
async function readAt(page: Page, selector: string, list: string, expected: string) {
  await page.evaluate((selector) => {
    const target = document.querySelector(selector)!;
    scrollTo(0, target.getBoundingClientRect().top + scrollY - 120);
  }, selector);
  await page.waitForFunction(
    ({ list, expected }) => document.querySelector(`${list} a[aria-current="true"]`)?.getAttribute('href') === expected,
    { list, expected },
  );
}

describeInBrowser('the table of contents', ({ browser, url }) => {
  it('follows the reader through the sections on a desktop screen', async () => {
    const page = await freshPage(browser());
    const errors = watchErrors(page);
    await page.goto(url(CHAPTER), { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-laid-out'));
    const current = () => page.locator('starlight-toc a[aria-current="true"]').getAttribute('href');
    expect(await current()).toBe('#_top');
    // A heading, then the middle of its section (the third block below it), then a level-3 heading.
    await readAt(page, '#calibration', 'starlight-toc', '#calibration');
    await readAt(page, ':has(> #calibration) + * + * + *', 'starlight-toc', '#calibration');
    await readAt(page, '#choose-slices-before-you-look', 'starlight-toc', '#choose-slices-before-you-look');
    await readAt(page, '#pitfalls', 'starlight-toc', '#pitfalls');
    // Back up: the list follows upward too.
    await readAt(page, '#roc-auc', 'starlight-toc', '#roc-auc');
    expect(await page.locator('starlight-toc a[aria-current="true"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the current section on the mobile bar', async () => {
    const page = await freshPage(browser(), { viewport: { width: 360, height: 740 } });
    const errors = watchErrors(page);
    await page.goto(url(CHAPTER), { waitUntil: 'load' });
    await readAt(page, '#ranking-metrics', 'mobile-starlight-toc', '#ranking-metrics');
    expect(await page.locator('mobile-starlight-toc .display-current').textContent()).toBe('Ranking metrics');
    // Headings the list leaves out (the progress page's dashboard has its own) belong to the section around them.
    await page.goto(url('/practice/progress/'), { waitUntil: 'load' });
    await readAt(page, '#db-mocks-h', 'mobile-starlight-toc', '#in-one-breath');
    expect(await page.locator('mobile-starlight-toc .display-current').textContent()).toBe('In one breath');
    expect(errors).toEqual([]);
    await page.close();
  });
});
