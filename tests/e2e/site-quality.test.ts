// Every built page: a title and a description, a place in the sidebar, and every widget page laid
// out on a phone exactly as its client would draw it. The axe and console crawl of every page, in
// both themes, is in tests/e2e/crawl/. Pages come from the sitemap, so a new chapter is covered.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowser, freshPage } from './browser.ts';
import { E2E_DIST } from './env.ts';
import { sitemapPaths } from './sitemap.ts';

describeInBrowser('every page', ({ browser, url }) => {
  const paths = sitemapPaths();

  it('lists every chapter in the sitemap', () => {
    expect(paths.length).toBeGreaterThan(60);
    expect(paths).toContain('lifecycle/evaluation/');
  });

  it('lays out every widget page on a 360 px phone without sideways scrolling or NaN, as the client would draw it', async () => {
    const widgetPages = paths.filter((path) =>
      readFileSync(`${E2E_DIST}/${path}index.html`, 'utf8').includes('class="widget not-content"'),
    );
    expect(widgetPages.length).toBeGreaterThan(8);
    const page = await freshPage(browser(), { viewport: { width: 360, height: 740 } });
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
        Promise.all(
          [...document.querySelectorAll('[data-output]')].map(async (output) => {
            type View = (s: unknown) => { ok: boolean; html?: string };
            type Widget = HTMLElement & { state?: unknown; loadView?: () => Promise<View> };
            let widget: Widget | null = output.parentElement;
            while (widget && !widget.localName.includes('-')) widget = widget.parentElement; // the custom element
            if (!widget?.loadView) return 'an output outside a widget element';
            const result = (await widget.loadView())(widget.state);
            const expected = document.createElement('template');
            expected.innerHTML = result.html ?? '';
            return result.ok && expected.innerHTML === output.innerHTML
              ? ''
              : `${widget.localName} differs from its view`;
          }),
        ),
      );
      problems.push(...stale.filter(Boolean).map((p) => `${path}: ${p}`));
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 300_000);

  it('gives every page a title and a description, and a place in the sidebar', async () => {
    const page = await freshPage(browser());
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
