// Reading progress: mark a chapter read, reload, see the tick in the sidebar (without moving the
// link) and the count on the landing page; reset it there.
import { expect, it } from 'vitest';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';

const CHAPTER = '/lifecycle/evaluation/';

describeInBrowser('reading progress', ({ browser, url }) => {
  it('marks a page read, keeps it across a reload, ticks the sidebar and counts it on the landing page', async () => {
    const page = await freshPage(browser());
    const errors = watchErrors(page);
    await page.goto(url(CHAPTER), { waitUntil: 'networkidle' });
    const toggle = page.getByRole('button', { name: 'Mark as read' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const link = page.locator(`nav.sidebar a[href="/ml-guide${CHAPTER}"]`);
    const before = await link.boundingBox();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => page.locator('mark-read [data-status]').textContent())
      .toBe('Marked as read. 1 page read so far.');
    expect(await link.getAttribute('data-read')).toBe('');

    await page.reload({ waitUntil: 'networkidle' });
    await expect
      .poll(() => page.getByRole('button', { name: 'Mark as read' }).getAttribute('aria-pressed'))
      .toBe('true');
    await expect.poll(() => link.getAttribute('data-read')).toBe('');
    const mark = await link.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(mark).toContain('✓');
    expect(await link.boundingBox()).toEqual(before); // no layout shift
    // Another page's link is not marked.
    expect(
      await page.locator('nav.sidebar a[href="/ml-guide/lifecycle/features/"]').getAttribute('data-read'),
    ).toBeNull();

    await page.goto(url('/'), { waitUntil: 'networkidle' });
    const overview = page.locator('reading-progress');
    expect(await overview.isVisible()).toBe(true);
    const total = await page.evaluate(
      () => JSON.parse(document.querySelector('reading-progress')!.getAttribute('data-pages')!).length,
    );
    expect(total).toBeGreaterThan(70);
    await expect.poll(() => overview.locator('h2').textContent()).toBe(`Your progress: 1 of ${total} pages read`);
    expect(await overview.locator('[data-section="lifecycle"] [data-count]').textContent()).toMatch(/^1 of 1\d$/);
    expect(await overview.locator('[data-section="serving"] [data-count]').textContent()).toMatch(/^0 of \d+$/);

    page.once('dialog', (d) => void d.accept());
    await overview.getByRole('button', { name: 'Reset progress' }).click();
    await expect.poll(() => overview.locator('h2').textContent()).toBe(`Your progress: 0 of ${total} pages read`);
    expect(await overview.locator('[data-status]').textContent()).toBe('Reading progress cleared.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('unmarks a page, and follows a change made in another tab', async () => {
    const a = await freshPage(browser());
    const b = await a.context().newPage(); // a second tab of the same browser
    await a.goto(url(CHAPTER), { waitUntil: 'networkidle' });
    await b.goto(url('/lifecycle/features/'), { waitUntil: 'networkidle' });
    await a.getByRole('button', { name: 'Mark as read' }).click();
    await expect.poll(() => b.locator(`nav.sidebar a[href="/ml-guide${CHAPTER}"]`).getAttribute('data-read')).toBe('');
    await a.getByRole('button', { name: 'Mark as read' }).click();
    expect(await a.locator('mark-read [data-status]').textContent()).toBe('Marked as not read.');
    await expect
      .poll(() => b.locator(`nav.sidebar a[href="/ml-guide${CHAPTER}"]`).getAttribute('data-read'))
      .toBeNull();
    await b.close();
    await a.close();
  });

  it('is hidden on the landing page chapter list and 404 page, and survives corrupt storage', async () => {
    const page = await freshPage(browser());
    await page.addInitScript(() => localStorage.setItem('mlguide:read', '{"version":1,"pages":"all"}'));
    const errors = watchErrors(page);
    await page.goto(url(CHAPTER), { waitUntil: 'networkidle' });
    expect(await page.locator('mark-read [data-status]').textContent()).toBe(
      'Your saved reading progress could not be read (it is not in the expected shape). It was kept aside unchanged under "mlguide:read:quarantine" in this browser; "Download what was kept aside" saves it as a file.',
    );
    // Never overwritten on load: the unreadable text is still there, and a copy is kept aside.
    expect(await page.evaluate(() => localStorage.getItem('mlguide:read'))).toBe('{"version":1,"pages":"all"}');
    expect(await page.evaluate(() => localStorage.getItem('mlguide:read:quarantine'))).toBe(
      JSON.stringify(['{"version":1,"pages":"all"}']),
    );
    expect(await page.locator('mark-read button[aria-pressed]').getAttribute('aria-pressed')).toBe('false');
    await page.goto(url('/'), { waitUntil: 'networkidle' });
    expect(await page.locator('mark-read').count()).toBe(0);
    expect(await page.locator('reading-progress h2').textContent()).toMatch(/^Your progress: 0 of \d+ pages read$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows nothing without JavaScript', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url('/'));
    expect(await page.locator('reading-progress').isVisible()).toBe(false);
    await page.goto(url(CHAPTER));
    expect(await page.locator('mark-read').isVisible()).toBe(false);
    await context.close();
  });
});
