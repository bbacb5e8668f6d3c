// The color rules run on one element per look (browser.ts, JudgedLooks): a look judged on one page
// is not scanned again, and a new look, even a single element of it, still fails the scan.
import { expect, it } from 'vitest';
import { axeInBothThemes, describeInBrowser, freshPage, noLooksJudged } from './browser.ts';

describeInBrowser('axe color rules, one element per look', ({ browser, url }) => {
  it('judges each look once, and finds a low-contrast element on a page of looks already judged', async () => {
    const page = await freshPage(browser());
    await page.goto(url('/start/framework/'), { waitUntil: 'load' });
    const judged = noLooksJudged();
    expect(await axeInBothThemes(page, 'main', judged)).toEqual([]);
    // A chapter shows a few dozen looks (body text, links, headings, code, tables, asides, captions).
    for (const theme of ['light', 'dark'] as const) {
      expect(judged[theme].size).toBeGreaterThan(10);
      expect(judged[theme].size).toBeLessThan(200);
    }

    // The same page again: nothing new to judge, so the color rules do not run at all.
    const before = [judged.light.size, judged.dark.size];
    await page.reload({ waitUntil: 'load' });
    expect(await axeInBothThemes(page, 'main', judged)).toEqual([]);
    expect([judged.light.size, judged.dark.size]).toEqual(before);

    // Now one paragraph too pale in light, one too dark in dark, and a link told from its text
    // by a color too close to it (1.8:1).
    await page.evaluate(() => {
      const add = (html: string) => document.querySelector('main p')!.insertAdjacentHTML('afterend', html);
      add('<p style="color: #aaa">Too pale on white.</p>');
      add('<p style="color: #333">Too dark on the dark theme.</p>');
      add(
        '<p>A sentence of ordinary words, then <a href="#x" style="color: #0b57d0; text-decoration: none">a link</a> told from them by its color alone.</p>',
      );
    });
    const lines = await axeInBothThemes(page, 'main', judged);
    expect(lines.filter((l) => l.startsWith('light: color-contrast'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('dark: color-contrast'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('light: link-in-text-block'))).toBe(true);
    await page.close();
  });
});
