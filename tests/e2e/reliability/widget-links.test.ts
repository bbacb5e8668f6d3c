// Every widget found on the built pages, with its text boxes filled to their limit (probe D7, D8):
// the address stays within about 2 KB of query, the widget says that a link carries only the
// settings, "Copy link" says so too, and its fallback text (clipboard denied) wraps at 360 px.
import { expect, it } from 'vitest';
import { builtWidgets } from '../../../scripts/built-widgets.ts';
import { largestPastes } from '../../../scripts/bench/widget-latency.ts';
import { MAX_QUERY_CHARS } from '../../../src/client/url-state.ts';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';
import { E2E_DIST } from '../env.ts';

const WIDTH = 360;
const withText = builtWidgets(E2E_DIST).filter((widget) => widget.textInput);

describeInBrowser('widget links stay short', ({ browser, url }) => {
  it('finds the widgets with text boxes on the built pages', () => {
    expect(withText.length).toBeGreaterThanOrEqual(10);
  });

  for (const { tag, path } of withText) {
    it(`${tag}: pasted data at its limit keeps the link under ${MAX_QUERY_CHARS} characters of query`, async () => {
      const page = await freshPage(browser(), { viewport: { width: WIDTH, height: 800 } });
      // The clipboard refuses, so "Copy link" shows its fallback text.
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
        });
      });
      const errors = watchErrors(page);
      await page.goto(url(path), { waitUntil: 'load' });
      await page.evaluate((name) => customElements.whenDefined(name), tag);
      const widget = page.locator(tag).first();
      await widget.scrollIntoViewIfNeeded();
      // Each text box gets its own default repeated up to its limits: realistic data, as long as allowed.
      await widget.evaluate((element) => (element as HTMLElement & { ready(): Promise<unknown> }).ready());
      const pastes = Object.entries(await largestPastes(widget));
      const longest = await widget.evaluate(async (element, texts) => {
        for (const [name, text] of texts) {
          const box = element.querySelector<HTMLTextAreaElement | HTMLInputElement>(`[name="${name}"]`)!;
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
        }
        // The widget computes the pasted data at once, in this task; returning only after the next
        // frame keeps DevTools from losing this function's promise under that much garbage.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return Math.max(...texts.map(([, text]) => encodeURIComponent(text).length));
      }, pastes);
      expect(longest).toBeGreaterThan(0);
      await page.locator(`${tag}[aria-busy="true"]`).waitFor({ state: 'detached' });
      const query = await page.evaluate(() => location.search.length);
      expect(query).toBeLessThanOrEqual(MAX_QUERY_CHARS + 1);
      const leftOut = longest > MAX_QUERY_CHARS;
      if (leftOut) expect(await widget.locator('[data-notice]').textContent()).toMatch(/too long for a link/);

      await widget.locator('button[data-copy-link]').click();
      const status = widget.locator('[data-copy-status]');
      await expect.poll(() => status.textContent()).toMatch(/^Copy this link/);
      if (leftOut) expect(await status.textContent()).toMatch(/your settings only: the pasted data stays on this page/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('keeps pasted data too long for the link through a reload in the same tab; another tab gets the settings only', async () => {
    const page = await freshPage(browser());
    const errors = watchErrors(page);
    await page.goto(url('/lifecycle/evaluation/?te.data=custom&te.t=0.3'), { waitUntil: 'load' });
    const widget = page.locator('threshold-explorer');
    await widget.scrollIntoViewIfNeeded();
    // 1,500 rows (12 KB): far over the link's budget, within the box's limits.
    const rows = Array.from({ length: 1500 }, (_, i) => `${((i * 37) % 1000) / 1000},${i % 3 === 0 ? 1 : 0}`).join(
      '\n',
    );
    await widget.locator('textarea[name="csv"]').fill(rows);
    await expect.poll(() => widget.locator('[data-summary]').textContent()).toMatch(/^Threshold 0\.30: /);
    const answer = await widget.locator('[data-summary]').textContent();
    expect(new URL(page.url()).search).toBe('?te.data=custom&te.t=0.3');
    expect(await widget.locator('[data-notice]').textContent()).toMatch(
      /the data stays on this page, and in this tab through a reload\.$/,
    );

    await page.reload({ waitUntil: 'load' });
    await page.locator('threshold-explorer[aria-busy="true"]').waitFor({ state: 'detached' });
    expect(await widget.locator('textarea[name="csv"]').inputValue()).toBe(rows);
    expect(await widget.locator('[data-summary]').textContent()).toBe(answer);

    const other = await browser().newPage();
    await other.goto(page.url(), { waitUntil: 'load' });
    const elsewhere = other.locator('threshold-explorer');
    await other.locator('threshold-explorer[aria-busy="true"]').waitFor({ state: 'detached' });
    expect(await elsewhere.locator('textarea[name="csv"]').inputValue()).not.toBe(rows);
    await other.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});
