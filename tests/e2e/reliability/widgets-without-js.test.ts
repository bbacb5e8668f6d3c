// Every widget found on the built pages, opened without JavaScript (probe D19): the build-time
// numbers show, a note says the controls need JavaScript and that the numbers are the defaults even
// when the link carried others, and presets and "Copy link" are not offered. With JavaScript the
// note never shows and they are.
import { expect, it } from 'vitest';
import { builtWidgets } from '../../../scripts/built-widgets.ts';
import { describeInBrowser } from '../browser.ts';
import { E2E_DIST } from '../env.ts';

const pages = [...new Set(builtWidgets(E2E_DIST).map((widget) => widget.path))];

describeInBrowser('widgets without JavaScript', ({ browser, url }) => {
  it('marks every widget on every widget page as needing JavaScript, with the defaults shown', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(url(`${path}?shared=1`));
      const widgets = page.locator('section.widget');
      for (let i = 0; i < (await widgets.count()); i++) {
        const widget = widgets.nth(i);
        expect(await widget.locator('.widget-nojs').textContent(), path).toMatch(
          /need JavaScript, which is off: the numbers below are for the default settings/,
        );
        expect(await widget.locator('[data-output]').textContent(), path).not.toBe('');
        expect(await widget.locator('button[data-copy-link]').isVisible(), path).toBe(false);
        if ((await widget.locator('button[data-preset]').count()) > 0)
          expect(await widget.locator('button[data-preset]').first().isVisible(), path).toBe(false);
      }
    }
    await context.close();
  });

  it('shows no such note with JavaScript, and offers presets and Copy link', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(url(pages[0]), { waitUntil: 'load' });
    const widget = page.locator('section.widget').first();
    await expect.poll(() => widget.locator('button[data-copy-link]').isVisible()).toBe(true);
    expect(await widget.locator('.widget-nojs').count()).toBe(0);
    await context.close();
  });
});
