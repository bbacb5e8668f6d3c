// Glossary terms in chapters: a link to the glossary entry with its definition in a tooltip on focus
// and hover, dismissible with Escape, inside the screen on a phone.
import { expect, it } from 'vitest';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';

describeInBrowser('glossary terms', ({ browser, url }) => {
  it('shows the definition on keyboard focus, describes the link with it, and hides it on Escape', async () => {
    const page = await freshPage(browser(), { viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(url('/monitoring/drift/'), { waitUntil: 'networkidle' });
    const link = page.locator('.term > a', { hasText: 'PSI' }).first();
    const tip = page.locator(`#${await link.getAttribute('aria-describedby')}`);
    expect(await tip.getAttribute('role')).toBe('tooltip');
    expect(await tip.isVisible()).toBe(false);
    // Reach it from the previous focusable element with Tab, as a keyboard user would.
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/^PSI \(population stability index\): A drift score/);
    const description = await page.evaluate(async () => {
      const a = document.activeElement as HTMLElement;
      return document.getElementById(a.getAttribute('aria-describedby')!)!.textContent;
    });
    expect(description).toBe(await tip.textContent());
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe('/ml-guide/reference/glossary/#psi-population-stability-index');
    await link.click();
    await page.waitForURL(/#psi-population-stability-index$/);
    expect(await page.locator('#psi-population-stability-index').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Every block of a chapter paints as a layer of its own (custom.css), and the table of contents
  // sits beside the column: an open tooltip must still be on top wherever it reaches.
  it('paints an open tooltip over the blocks after it and inside the column', async () => {
    const page = await freshPage(browser(), { viewport: { width: 1280, height: 900 } });
    await page.goto(url('/llm/rag/'), { waitUntil: 'networkidle' });
    const links = page.locator('.sl-markdown-content .term > a');
    expect(await links.count()).toBeGreaterThan(10);
    const covered: string[] = [];
    for (const link of await links.all()) {
      await link.evaluate((a) => a.scrollIntoView({ block: 'center' })); // the tooltip below it on screen
      await link.focus();
      const tip = page.locator(`#${await link.getAttribute('aria-describedby')}`);
      await expect.poll(() => tip.isVisible()).toBe(true);
      // Nine points across the tooltip: the topmost element at each is the tooltip.
      const hidden = await tip.evaluate((tip) => {
        const box = tip.getBoundingClientRect();
        return [0.1, 0.5, 0.9].flatMap((fx) =>
          [0.2, 0.5, 0.8].filter((fy) => {
            const hit = document.elementFromPoint(box.left + fx * box.width, box.top + fy * box.height);
            return !hit || !tip.contains(hit);
          }),
        ).length;
      });
      if (hidden) covered.push(`${await link.textContent()}: ${hidden} of 9 points`);
    }
    expect(covered).toEqual([]);
    await page.close();
  });

  it('shows it on hover, and keeps it inside a 360 px screen', async () => {
    const page = await freshPage(browser(), { viewport: { width: 360, height: 740 } });
    await page.goto(url('/lifecycle/scaling-training/'), { waitUntil: 'networkidle' });
    for (const name of ['ZeRO', 'FSDP']) {
      const term = page.locator('.term', { hasText: name }).first();
      await term.scrollIntoViewIfNeeded();
      await term.locator('a').hover();
      const tip = term.locator('.term-tip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      const box = (await tip.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      // The pointer can move onto the tooltip without it closing.
      await page.mouse.move(box.x + box.width / 2, box.y + 5);
      expect(await tip.isVisible()).toBe(true);
      await page.mouse.move(5, 5);
    }
    await page.close();
  });
});
