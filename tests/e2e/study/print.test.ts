// Print styles: the cheat sheet prints as content only, external links say where they go.
import { expect, it } from 'vitest';
import { describeInBrowser, freshPage } from '../browser.ts';

describeInBrowser('print', ({ browser, url }) => {
  it('prints the cheat sheet with no sidebar, header, search, theme toggle, TOC or pagination', async () => {
    const page = await freshPage(browser(), { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
    await page.goto(url('/reference/cheat-sheet/'), { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    for (const selector of [
      'nav.sidebar',
      'header.header',
      'site-search',
      'starlight-theme-select',
      '.right-sidebar-container',
      '.pagination-links',
      'mark-read',
    ]) {
      const visible = await page
        .locator(selector)
        .evaluateAll((els) =>
          els.some((el) => (el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0),
        );
      expect(visible, selector).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.sl-markdown-content table').first().isVisible()).toBe(true);
    // Dark mode on screen, but paper is light: dark text on a light background.
    const [text, bg] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.sl-markdown-content p')!).color,
      getComputedStyle(document.body).backgroundColor,
    ]);
    const lum = (rgb: string) =>
      rgb
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map(Number)
        .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    expect(lum(bg) - lum(text)).toBeGreaterThan(150);
    // The content starts at the left edge of the paper: no sidebar column is reserved.
    const left = await page.locator('h1').evaluate((h) => h.getBoundingClientRect().left);
    expect(left).toBeLessThan(60);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });

  it('shows the target of external links after the link text, not of site links', async () => {
    const page = await freshPage(browser());
    await page.goto(url('/practice/mock-interviews/'), { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    const external = page.locator('.sl-markdown-content a[href^="https://developers.google.com"]').first();
    expect(await external.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(
      '" (https://developers.google.com/machine-learning/guides/rules-of-ml)"',
    );
    const internal = page.locator('.sl-markdown-content a[href="/ml-guide/start/framework/"]').first();
    expect(await internal.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
    await page.close();
  });

  it('keeps diagrams and formulas whole, and hides widget controls but not their output', async () => {
    const page = await freshPage(browser(), { viewport: { width: 1280, height: 900 } });
    await page.goto(url('/lifecycle/evaluation/'), { waitUntil: 'networkidle' });
    await page.emulateMedia({ media: 'print' });
    const formula = page.locator('.katex-display').first();
    expect(await formula.evaluate((el) => getComputedStyle(el).overflowX)).toBe('visible');
    expect(await formula.isVisible()).toBe(true);
    const widget = page.locator('.widget').first();
    expect(await widget.locator('.widget-output').isVisible()).toBe(true);
    expect(await widget.locator('.widget-controls').isVisible()).toBe(false);
    expect(await widget.locator('button').first().isVisible()).toBe(false);
    const diagrams = page.locator('figure.diagram svg');
    if ((await diagrams.count()) > 0) expect(await diagrams.first().isVisible()).toBe(true);
    await page.close();
  });
});
