// What a reader does on the built site, under a GitHub Pages-style base path.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, freshPage, watchErrors } from './browser.ts';

describeInBrowser('the built site', ({ browser, url }) => {
  async function open(
    path: string,
    colorScheme: 'light' | 'dark' = 'light',
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await freshPage(browser(), { colorScheme });
    const errors = watchErrors(page);
    await page.goto(url(path), { waitUntil: 'networkidle' });
    return { page, errors };
  }

  it('loads the landing page with no console errors or failed requests', async () => {
    const { page, errors } = await open('/');
    expect(await page.title()).toContain('ML System Design Guide');
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('ML System Design Guide');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ends a title too long for a 320 px header in an ellipsis (probe C7), and says search needs JavaScript without it, or hides it on a phone (C9)', async () => {
    const phone = await freshPage(browser(), { viewport: { width: 320, height: 640 } });
    await phone.goto(url('/monitoring/drift/'), { waitUntil: 'load' });
    const title = await phone.locator('.site-title span').evaluate((span) => {
      const style = getComputedStyle(span);
      return {
        cut: span.scrollWidth > span.clientWidth,
        ending: style.textOverflow,
        overflow: style.overflow,
        wrap: style.whiteSpace,
      };
    });
    expect(title).toEqual({ cut: true, ending: 'ellipsis', overflow: 'hidden', wrap: 'nowrap' });
    await phone.close();

    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('/monitoring/drift/'));
    expect(await page.locator('button[data-open-modal]').first().isDisabled()).toBe(true);
    await expect.poll(() => page.locator('.search-needs-js').isVisible()).toBe(true);
    expect(await page.locator('.search-needs-js').textContent()).toBe('Search needs JavaScript');
    // A phone's header has no room for the note: the button that cannot work is not shown.
    await page.setViewportSize({ width: 320, height: 640 });
    await expect.poll(() => page.locator('site-search').first().isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
    await context.close();
  });

  it('navigates with the hero button and the sidebar', async () => {
    const { page } = await open('/');
    await page.getByRole('link', { name: 'Start here' }).first().click();
    await page.waitForURL(url('/start/how-to-use/'));
    const lifecycle = page
      .locator('nav.sidebar details')
      .filter({ has: page.locator('summary', { hasText: 'Lifecycle' }) });
    await lifecycle.locator('summary').click();
    await lifecycle.getByRole('link', { name: 'Overview' }).click();
    await page.waitForURL(url('/lifecycle/'));
    expect(await page.locator('h1').textContent()).toBe('The ML lifecycle');
    await page.close();
  });

  it('finds a phrase with search and opens the right page at the right section', async () => {
    const { page } = await open('/lifecycle/');
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input').fill('study plans');
    const hit = page.locator('#starlight__search a[href*="/start/how-to-use/#study-plans"]').first();
    await hit.waitFor({ timeout: 15_000 });
    await hit.click();
    await page.waitForURL(/\/ml-guide\/start\/how-to-use\/#study-plans$|\/start\/how-to-use\/#study-plans$/);
    expect(await page.locator('#study-plans').isVisible()).toBe(true);
    const top = await page.locator('#study-plans').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(400);
    await page.close();
  });

  it('ranks the LLM chapters first for the LLM terms interviewers ask about', async () => {
    const { page } = await open('/');
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('#starlight__search input');
    for (const term of [
      'KV cache',
      'speculative decoding',
      'LLM-as-judge',
      'prompt injection',
      'reciprocal rank fusion',
    ]) {
      await input.fill(term);
      // The message names the query once the results for it are drawn, so an old list is never read.
      await page.locator('.pagefind-ui__message', { hasText: term }).waitFor({ timeout: 15_000 });
      // Each result fetches its own data, so wait for the first one's link rather than the first link drawn.
      const first = page
        .locator('#starlight__search .pagefind-ui__result')
        .first()
        .locator('.pagefind-ui__result-link')
        .first();
      await first.waitFor({ timeout: 15_000 });
      expect(await first.getAttribute('href'), term).toMatch(/\/llm\//);
    }
    await page.close();
  });

  // KaTeX writes a formula three times (MathML, its TeX source, the visual copy); search reads one.
  it('shows formulas in search excerpts once, without their TeX source', async () => {
    const { page } = await open('/');
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input').fill('ZeRO per-GPU memory');
    await page.locator('.pagefind-ui__message', { hasText: 'ZeRO per-GPU memory' }).waitFor({ timeout: 15_000 });
    // Each result fetches its own excerpt: wait until every result drawn has its link.
    await page.waitForFunction(() => {
      const results = [...document.querySelectorAll('#starlight__search .pagefind-ui__result')];
      return results.length > 0 && results.every((result) => result.querySelector('.pagefind-ui__result-link'));
    });
    const excerpts = await page.locator('#starlight__search .pagefind-ui__result-excerpt').allTextContents();
    expect(excerpts.some((text) => /\bZeRO\b/.test(text))).toBe(true);
    expect(excerpts.filter((text) => /\\[a-zA-Z]+|[_^]\{/.test(text))).toEqual([]);
    await page.close();
  });

  it("dates each chapter's last fact check in its footer", async () => {
    const { page } = await open('/llm/serving/');
    const reviewed = page.locator('.page-reviewed time');
    expect(await reviewed.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('.page-reviewed').textContent()).toMatch(/last checked on [A-Z][a-z]+ \d{1,2}, \d{4}\./);
    await page.close();
  });

  it('finds words that appear only inside a diagram', async () => {
    const { page } = await open('/start/how-to-use/');
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input').fill('identical update on every copy');
    await page.locator('#starlight__search a[href*="/lifecycle/"]').first().waitFor({ timeout: 15_000 });
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws diagrams legibly in the ${scheme} theme`, async () => {
      const { page, errors } = await open('/lifecycle/', scheme);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      const svg = page.locator('figure.diagram svg').first();
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(50);
      await expect.poll(() => svg.locator('text').allTextContents()).toContain('Project setup');
      // Label color against the page background: dark on light, light on dark.
      const [label, background] = await page.evaluate(() => {
        const text = document.querySelector('figure.diagram svg g.node text')!;
        return [getComputedStyle(text).fill, getComputedStyle(document.body).backgroundColor];
      });
      const lum = (rgb: string) => {
        const [r, g, b] = rgb.match(/[\d.]+/g)!.map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      expect(Math.abs(lum(label) - lum(background))).toBeGreaterThan(120);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('typesets formulas, including stretchy square roots', async () => {
    const { page } = await open('/deep-dives/');
    const formula = page.locator('.katex-display').first();
    expect(await formula.isVisible()).toBe(true);
    expect(await page.locator('.katex-display .katex-html').first().textContent()).toContain('Attention');
    const rootHeight = await page
      .locator('.katex .sqrt svg')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    expect(rootHeight).toBeGreaterThan(8);
    await page.close();
  });

  it('resolves a heading anchor link', async () => {
    const { page } = await open('/start/how-to-use/');
    const anchor = page.locator('a.sl-anchor-link[href="#study-plans"]');
    await anchor.click();
    await page.waitForURL(/#study-plans$/);
    const top = await page.locator('#study-plans').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(400);
    await page.close();
  });

  it('serves a 404 page under the base path that leads home', async () => {
    const { page } = await open('/no-such-page/');
    expect(await page.locator('h1').textContent()).toContain('Page not found');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL(url('/'));
    await page.close();
  });
});
