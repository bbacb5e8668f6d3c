/**
 * The crawl of every built page, as a reader's browser sees it: no console errors or failed
 * requests, and no axe violations (WCAG 2.1 AA) in the light theme and in the dark one. Each page is
 * loaded once and scanned in both themes, the color rules on the looks no page before it showed;
 * the pages are split into shards that run side by side.
 */
import { expect, it } from 'vitest';
import { axeInBothThemes, describeInBrowser, noLooksJudged, preloadAxe, watchErrors } from '../browser.ts';
import { sitemapPaths } from '../sitemap.ts';

// Two shards: on two cores, 4 parallel page flows were slower than 2 (30 pages: 57 s against 45 s).
const SHARDS = 2;

export function crawlEveryPage() {
  describeInBrowser('every page, in both themes', ({ browser, url }) => {
    const paths = sitemapPaths();
    // The shards share what they have judged: a look (body text, a sidebar link) is checked once.
    const judged = noLooksJudged();

    it('has the chapters of the sitemap', () => {
      expect(paths.length).toBeGreaterThan(100);
      expect(paths).toContain('lifecycle/evaluation/');
    });

    for (let shard = 0; shard < SHARDS; shard++) {
      it.concurrent(
        `loads cleanly and passes axe (WCAG 2.1 AA) in light and dark: pages ${shard + 1} of every ${SHARDS}`,
        async () => {
          const context = await browser().newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
          await preloadAxe(context);
          const page = await context.newPage();
          const problems: string[] = [];
          for (const path of paths.filter((_, i) => i % SHARDS === shard)) {
            const errors = watchErrors(page);
            await page.goto(url(path), { waitUntil: 'load' });
            problems.push(...(await axeInBothThemes(page, undefined, judged)).map((v) => `${path} ${v}`));
            problems.push(...errors.map((e) => `${path}: ${e}`));
            page.removeAllListeners();
          }
          await context.close();
          expect(problems).toEqual([]);
        },
        900_000,
      );
    }
  });
}
