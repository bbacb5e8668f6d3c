// A malformed #hash never throws (probe D20): bad percent escapes on the pages that read the hash,
// on load and on a later hashchange.
import { expect, it } from 'vitest';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';

const PAGES = ['/practice/mlops-questions/', '/practice/exercises/', '/monitoring/drift/'];
const HASHES = ['#%E0%A4%A', '#%', '#%ZZ'];

describeInBrowser('malformed hashes', ({ browser, url }) => {
  it('load and change without an error on every page that reads the hash', async () => {
    const page = await freshPage(browser());
    const errors = watchErrors(page);
    for (const path of PAGES) {
      await page.goto(url(`${path}${HASHES[0]}`), { waitUntil: 'load' });
      for (const hash of HASHES.slice(1)) await page.evaluate((h) => (location.hash = h), hash);
      // A hashchange is handled in a task of its own: one more round trip lets any error surface.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
