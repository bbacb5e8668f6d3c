/**
 * The crawl of every built page, as a reader's browser sees it: no console errors or failed
 * requests, and no axe violations (WCAG 2.1 AA). One file per theme, each crawling its pages in two
 * concurrent shards, so the browser suite can spread the crawl over its workers.
 */
import { expect, it } from 'vitest';
import { axeViolations, describeInBrowser, watchErrors } from '../browser.ts';
import { sitemapPaths } from '../sitemap.ts';

/** The WCAG rules whose outcome depends on colours, and so on the theme. */
const THEME_RULES = ['color-contrast', 'link-in-text-block'];
const SHARDS = 2;

export function crawlEveryPage(scheme: 'light' | 'dark') {
  describeInBrowser(`every page in the ${scheme} theme`, ({ browser, url }) => {
    const paths = sitemapPaths();

    it('has the chapters of the sitemap', () => {
      expect(paths.length).toBeGreaterThan(60);
      expect(paths).toContain('lifecycle/evaluation/');
    });

    for (let shard = 0; shard < SHARDS; shard++) {
      it.concurrent(
        `loads cleanly and passes axe (WCAG 2.1 AA): pages ${shard + 1} of every ${SHARDS}`,
        async () => {
          const context = await browser().newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          const problems: string[] = [];
          for (const path of paths.filter((_, i) => i % SHARDS === shard)) {
            const errors = watchErrors(page);
            await page.goto(url(path), { waitUntil: 'load' });
            // Expressive Code makes wide code blocks focusable from a debounced script; let it settle.
            await page.waitForFunction(
              () =>
                [...document.querySelectorAll('.expressive-code pre')]
                  .filter((pre) => pre.checkVisibility()) // code in a closed <details> is not on screen
                  .every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
              null,
              { timeout: 15_000 },
            );
            // A theme changes colours only, so the dark pass runs the colour rules; the light pass runs all.
            const violations = await axeViolations(page, scheme === 'dark' ? { rules: THEME_RULES } : {});
            problems.push(...violations.map((v) => `${path}: ${v}`));
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
