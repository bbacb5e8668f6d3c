/**
 * The crawl of every built page, as a reader's browser sees it: no console errors or failed
 * requests, no axe violations (WCAG 2.1 AA) in the light theme and in the dark one, and the text
 * the reader is looking at stays in place when something above it changes height. Each page is
 * loaded once and scanned in both themes, the color rules on the looks no page before it showed;
 * the pages are split into shards that run side by side.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeInBothThemes, describeInBrowser, noLooksJudged, preloadAxe, watchErrors } from '../browser.ts';
import { sitemapPaths } from '../sitemap.ts';

// Two shards: on two cores, 4 parallel page flows were slower than 2 (30 pages: 57 s against 45 s).
const SHARDS = 2;

/**
 * How far the text halfway down the page moves on screen when a 500 px block appears at the top of
 * the text: 0 when the browser keeps the reader's place (scroll anchoring), as it must while a long
 * chapter's blocks are laid out or a widget above answers. Until custom.css took the table of
 * contents column out of the anchors, the browser anchored to it (it never moves) and the text
 * moved on 107 pages. Null for a page too short to tell.
 */
function readersPlaceMoved(page: Page): Promise<number | null> {
  return page.evaluate(async () => {
    const drawn = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const text = document.querySelector('.sl-markdown-content');
    const middle = document.documentElement.scrollHeight / 2;
    if (!text?.firstElementChild || middle < innerHeight + 750) return null;
    scrollTo(0, middle - innerHeight / 2);
    await drawn();
    // The block of the text at the middle of the screen.
    const looked = [...text.children].find((block) => block.getBoundingClientRect().bottom > innerHeight / 2);
    if (!looked) return null;
    const before = looked.getBoundingClientRect().top;
    const block = document.createElement('div');
    block.style.height = '500px';
    text.prepend(block);
    await drawn();
    const moved = Math.round(looked.getBoundingClientRect().top - before);
    block.remove();
    return moved;
  });
}

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
        `loads cleanly, passes axe (WCAG 2.1 AA) in light and dark and keeps the reader's place: pages ${shard + 1} of every ${SHARDS}`,
        async () => {
          const context = await browser().newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 } });
          await preloadAxe(context);
          const page = await context.newPage();
          const problems: string[] = [];
          for (const path of paths.filter((_, i) => i % SHARDS === shard)) {
            const errors = watchErrors(page);
            await page.goto(url(path), { waitUntil: 'load' });
            problems.push(...(await axeInBothThemes(page, undefined, judged)).map((v) => `${path} ${v}`));
            const moved = await readersPlaceMoved(page);
            if (moved !== null && Math.abs(moved) > 1)
              problems.push(`${path}: the text on screen moved ${moved} px when a block above grew`);
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
