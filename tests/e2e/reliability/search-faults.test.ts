// Search when its files cannot load (probe D1): with /pagefind/ blocked the dialog says so plainly
// instead of "Searching..." forever, with result fragments blocked it says that results failed, and
// in neither case is there an uncaught error. Ctrl+K in a text box edits it (probe C8).
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeInBrowser, freshPage } from '../browser.ts';

async function openSearch(browser: Browser, url: string, blocked?: string) {
  const page = await freshPage(browser);
  if (blocked) await page.route(blocked, (route) => route.abort());
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('button[data-open-modal]').first().click();
  return { page, uncaught, close: () => page.close() };
}

describeInBrowser('search when its files cannot load', ({ browser, url }) => {
  it('says the index cannot load, keeps the box shut and throws nothing, with /pagefind/ blocked', async () => {
    const { page, uncaught, close } = await openSearch(browser(), url('/lifecycle/'), '**/pagefind/**');
    const status = page.locator('#starlight__search').locator('xpath=preceding-sibling::p[@role="status"]');
    await expect.poll(() => status.textContent()).toMatch(/^Search cannot load its index right now/);
    expect(await page.locator('#starlight__search').evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    await page.keyboard.type('drift');
    expect(await page.locator('#starlight__search').textContent()).not.toMatch(/Searching/);
    expect(uncaught).toEqual([]);
    await close();
  });

  it('says results failed to load, and throws nothing, with the result fragments blocked', async () => {
    const { page, uncaught, close } = await openSearch(browser(), url('/lifecycle/'), '**/pagefind/fragment/**');
    await page.locator('#starlight__search input').fill('drift');
    const status = page.locator('.search-status');
    await expect.poll(() => status.textContent()).toMatch(/^Some results could not be loaded/);
    expect(uncaught).toEqual([]);
    await close();
  });

  it('searches as before when everything loads, and the status line stays empty', async () => {
    const { page, uncaught, close } = await openSearch(browser(), url('/lifecycle/'));
    await page.locator('#starlight__search input').fill('drift');
    await page.locator('#starlight__search .pagefind-ui__result-link').first().waitFor();
    expect(await page.locator('.search-status').textContent()).toBe('');
    expect(uncaught).toEqual([]);
    await close();
  });

  it('leaves Ctrl+K to a text box being edited; elsewhere it still opens search', async () => {
    const page = await freshPage(browser(), { viewport: { width: 1280, height: 900 } });
    await page.goto(url('/lifecycle/evaluation/?te.data=custom'), { waitUntil: 'networkidle' });
    await page.locator('threshold-explorer textarea').first().focus();
    await page.keyboard.press('Control+k');
    expect(await page.locator('site-search dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    await expect
      .poll(() => page.locator('site-search dialog').evaluate((d) => (d as HTMLDialogElement).open))
      .toBe(true);
    await page.close();
  });
});
