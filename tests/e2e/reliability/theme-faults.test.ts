// Starlight's theme picker with storage that fails (probe D10): blocked storage (reaching
// localStorage throws, as with cookies off) still gives the system theme and a working switch, a
// full one (saving throws) still switches, and neither logs an error. With storage, a choice lasts.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';
import { STORAGE_FAULTS, type StorageFault } from './storage-faults.ts';

async function open(browser: Browser, url: string, colorScheme: 'light' | 'dark', fault?: StorageFault) {
  const page = await freshPage(browser, { colorScheme, viewport: { width: 1280, height: 800 } });
  if (fault) await page.addInitScript(STORAGE_FAULTS[fault]);
  const errors = watchErrors(page);
  await page.goto(url, { waitUntil: 'load' });
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const choose = (value: string) => page.locator('starlight-theme-select select').first().selectOption(value);
  return { page, errors, theme, choose, close: () => page.close() };
}

describeInBrowser('the theme picker when storage fails', ({ browser, url }) => {
  for (const fault of ['blocked', 'quota'] as const) {
    it(`follows the system theme and switches both ways, with storage ${fault}`, async () => {
      const { errors, theme, choose, close } = await open(browser(), url('/lifecycle/'), 'light', fault);
      expect(await theme()).toBe('light');
      await choose('dark');
      expect(await theme()).toBe('dark');
      await choose('light');
      expect(await theme()).toBe('light');
      await choose('auto');
      expect(await theme()).toBe('light');
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('keeps a choice across pages when storage works, and follows the system otherwise', async () => {
    const { page, errors, theme, choose, close } = await open(browser(), url('/lifecycle/'), 'dark');
    expect(await theme()).toBe('dark');
    await choose('light');
    await page.goto(url('/serving/'), { waitUntil: 'load' });
    expect(await theme()).toBe('light');
    expect(await page.locator('starlight-theme-select select').first().inputValue()).toBe('light');
    expect(errors).toEqual([]);
    await close();
  });
});
