/** Time from typing a query to the first search result, on the served build. */
import { chromium } from 'playwright-core';
import { chromePath } from '../chrome.ts';
import { BROWSER_ARGS, ORIGIN } from './config.ts';

export async function searchTimings() {
  const browser = await chromium.launch({ executablePath: chromePath, args: BROWSER_ARGS });
  const out: Record<string, number> = {};
  for (const query of ['PSI threshold', 'point-in-time join', 'ZeRO stage 2']) {
    const page = await browser.newPage();
    await page.goto(`${ORIGIN}/lifecycle/`, { waitUntil: 'networkidle' });
    await page.locator('button[data-open-modal]').first().click();
    const started = Date.now();
    await page.locator('#starlight__search input').fill(query);
    await page.locator('#starlight__search .pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    out[query] = Date.now() - started;
    await page.close();
  }
  await browser.close();
  return out;
}
