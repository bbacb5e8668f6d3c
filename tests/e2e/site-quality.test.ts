// Every built page, as a reader's browser sees it: no console errors or failed requests, no axe
// violations (WCAG 2.1 AA) in light or dark theme, a title and a description, and a place in the
// sidebar. Pages come from the sitemap, so a new chapter is covered without touching this file.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { axeViolations, describeInBrowser, watchErrors } from './browser.ts';
import { E2E_DIST } from './env.ts';

/** The WCAG rules whose outcome depends on colours, and so on the theme. */
const THEME_RULES = ['color-contrast', 'link-in-text-block'];

/** Page paths below the base ("lifecycle/evaluation/") from the built sitemap. */
function sitemapPaths(): string[] {
  const xml = readFileSync(`${E2E_DIST}/sitemap-0.xml`, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname.replace(/^\/[^/]+\//, '')).sort();
}

describeInBrowser('every page', ({ browser, url }) => {
  const paths = sitemapPaths();

  it('lists every chapter in the sitemap', () => {
    expect(paths.length).toBeGreaterThan(60);
    expect(paths).toContain('lifecycle/evaluation/');
  });

  for (const scheme of ['light', 'dark'] as const) {
    // The two themes run side by side (one browser context each) to halve the wall time.
    it.concurrent(
      `loads cleanly and passes axe (WCAG 2.1 AA) in the ${scheme} theme`,
      async () => {
        const context = await browser().newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        const problems: string[] = [];
        for (const path of paths) {
          const errors = watchErrors(page);
          await page.goto(url(path), { waitUntil: 'load' });
          // Expressive Code makes wide code blocks focusable from a debounced script; let it settle.
          await page.waitForFunction(
            () =>
              [...document.querySelectorAll('.expressive-code pre')]
                .filter((pre) => pre.checkVisibility()) // code in a closed <details> is not on screen
                .every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
            null,
            { timeout: 5000 },
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
      600_000,
    );
  }

  it('lays out every widget page on a 360 px phone without sideways scrolling or NaN, as the client would draw it', async () => {
    const widgetPages = paths.filter((path) =>
      readFileSync(`${E2E_DIST}/${path}index.html`, 'utf8').includes('class="widget not-content"'),
    );
    expect(widgetPages.length).toBeGreaterThan(8);
    const page = await browser().newPage({ viewport: { width: 360, height: 740 } });
    const problems: string[] = [];
    for (const path of widgetPages) {
      await page.goto(url(path), { waitUntil: 'load' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${path}: the page scrolls sideways by ${overflow}px`);
      const text = (await page.locator('.widget').allTextContents()).join(' ');
      if (/\bNaN\b|Infinity/.test(text)) problems.push(`${path}: a widget shows NaN or Infinity`);
      // Widgets keep their build-time output until the reader changes something, so that output must
      // be exactly what the client computes for the default state.
      const stale = await page.evaluate(() =>
        [...document.querySelectorAll('[data-output]')].map((output) => {
          type Widget = HTMLElement & { state?: unknown; view?: (s: unknown) => { ok: boolean; html?: string } };
          let widget: Widget | null = output.parentElement;
          while (widget && !widget.localName.includes('-')) widget = widget.parentElement; // the custom element
          if (!widget?.view) return 'an output outside a widget element';
          const result = widget.view(widget.state);
          const expected = document.createElement('template');
          expected.innerHTML = result.html ?? '';
          return result.ok && expected.innerHTML === output.innerHTML
            ? ''
            : `${widget.localName} differs from its view`;
        }),
      );
      problems.push(...stale.filter(Boolean).map((p) => `${path}: ${p}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it('gives every page a title and a description, and a place in the sidebar', async () => {
    const page = await browser().newPage();
    await page.goto(url('lifecycle/'), { waitUntil: 'domcontentloaded' });
    const inSidebar = new Set(
      await page
        .locator('nav.sidebar a[href]')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    );
    const missing: string[] = [];
    for (const path of paths) {
      const html = readFileSync(`${E2E_DIST}/${path}index.html`, 'utf8');
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
      if (title.trim().length < 3) missing.push(`${path}: no title`);
      if (description.length < 20) missing.push(`${path}: no description`);
      if (path !== '' && !inSidebar.has(new URL(url(path)).pathname)) missing.push(`${path}: not in the sidebar`);
    }
    await page.close();
    expect(missing).toEqual([]);
  });
});
