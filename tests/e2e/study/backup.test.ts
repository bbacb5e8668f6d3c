// One backup of all study state: the progress page exports every store as one file, a second
// browser imports it and merges (newer progress is never overwritten), a malformed file is refused
// with a message and changes nothing, and data kept aside by the store can be downloaded.
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';

const PROGRESS = '/practice/progress/';
const CARD = 'case-visual-search-index-memory';

const card = (lastReview: string, reps: number, lapses = 0) => ({
  due: '2030-01-01T00:00:00.000Z',
  stability: 5,
  difficulty: 5,
  elapsed_days: 1,
  scheduled_days: 5,
  learning_steps: 0,
  reps,
  lapses,
  state: 2,
  last_review: lastReview,
});

/** A fresh browser profile with `items` in localStorage, on the progress page. */
async function progressPage(browser: Browser, url: (path: string) => string, items: Record<string, unknown>) {
  const page = await freshPage(browser);
  const errors = watchErrors(page);
  await page.goto(url(PROGRESS), { waitUntil: 'networkidle' });
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries))
      localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value));
  }, items);
  await page.reload({ waitUntil: 'networkidle' });
  return { page, errors };
}

const stored = (page: Page, key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);

describeInBrowser('backup and progress', ({ browser, url }) => {
  it('exports all study state, and a second browser imports it with a merge that keeps newer progress', async () => {
    const a = await progressPage(browser(), url, {
      'mlguide:read': { version: 1, pages: { 'lifecycle/evaluation': 1_790_000_000_000 } },
      'mlguide:flashcards': {
        format: 'mlguide-flashcards',
        version: 1,
        savedAt: '2026-12-01T00:00:00.000Z',
        cards: { [CARD]: card('2026-11-01T00:00:00.000Z', 2, 3) },
      },
      'mlguide:questions': { version: 1, marks: { 'q-1': 'got' } },
    });
    const dashboard = a.page.locator('study-dashboard');
    await expect
      .poll(() => dashboard.locator('[data-cards-line]').textContent())
      .toMatch(/^0 due now · 1 studied · \d+ new/);
    expect(await dashboard.locator('[data-weak]').textContent()).toBe(
      'Practice: 3 forgotten cards. Go back to Visual search',
    );
    expect(await a.page.locator('reading-progress h2').textContent()).toMatch(/^Your progress: 1 of \d+ pages read$/);
    const [download] = await Promise.all([
      a.page.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Export all study state' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mlguide-backup-\d{4}-\d{2}-\d{2}\.json$/);
    // The download goes when its tab does, so the test keeps the text.
    const text = await readFile((await download.path())!, 'utf8');
    const file = { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) };
    const backup = JSON.parse(text);
    expect(backup).toMatchObject({ format: 'mlguide-backup', version: 1 });
    expect(Object.keys(backup.stores)).toEqual([
      'mlguide:read',
      'mlguide:flashcards',
      'mlguide:questions',
      'mlguide:mock',
      'mlguide:plan',
      'mlguide:rubric',
      'mlguide:interviewer',
    ]);
    expect(a.errors).toEqual([]);
    await a.page.close();

    // The second browser has read another page, reviewed the same card more recently, and marked
    // the same question differently.
    const newer = card('2026-12-02T00:00:00.000Z', 5);
    const b = await progressPage(browser(), url, {
      'mlguide:read': { version: 1, pages: { 'monitoring/drift': 1_790_000_000_000 } },
      'mlguide:flashcards': {
        format: 'mlguide-flashcards',
        version: 1,
        savedAt: '2026-12-02T00:00:00.000Z',
        cards: { [CARD]: newer },
      },
      'mlguide:questions': { version: 1, marks: { 'q-1': 'review' } },
    });
    await b.page.locator('study-dashboard input[type="file"]').setInputFiles(file);
    const status = b.page.locator('study-dashboard [data-status]');
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Imported. reading progress: 1 page added; flashcard progress: 1 card kept as yours (yours is newer or differs); question marks: 1 question mark kept as yours (yours is newer or differs).',
      );
    expect(Object.keys((await stored(b.page, 'mlguide:read')).pages).sort()).toEqual([
      'lifecycle/evaluation',
      'monitoring/drift',
    ]);
    expect((await stored(b.page, 'mlguide:flashcards')).cards[CARD]).toEqual(newer);
    expect((await stored(b.page, 'mlguide:questions')).marks).toEqual({ 'q-1': 'review' });
    // The landing-style overview on the page follows the import at once.
    await expect.poll(() => b.page.locator('reading-progress h2').textContent()).toMatch(/^Your progress: 2 of/);

    // Importing the same file again changes nothing.
    await b.page.locator('study-dashboard input[type="file"]').setInputFiles(file);
    await expect
      .poll(() => status.textContent())
      .toBe(
        'Imported. flashcard progress: 1 card kept as yours (yours is newer or differs); question marks: 1 question mark kept as yours (yours is newer or differs).',
      );
    expect(b.errors).toEqual([]);
    await b.page.close();
  });

  it('refuses a malformed file with a message and changes nothing', async () => {
    const read = { version: 1, pages: { 'lifecycle/evaluation': 1_790_000_000_000 } };
    const { page, errors } = await progressPage(browser(), url, { 'mlguide:read': read });
    const input = page.locator('study-dashboard input[type="file"]');
    const error = page.locator('study-dashboard [data-error]');
    const upload = (text: string) =>
      input.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await upload('{"format":"mlguide-backup",');
    await expect
      .poll(() => error.textContent())
      .toBe('Import failed: This file is not valid JSON, so it is not a backup of this guide. Nothing was changed.');
    await upload(
      JSON.stringify({
        format: 'mlguide-backup',
        version: 1,
        stores: { 'mlguide:read': { version: 1, pages: { 'monitoring/drift': 1 } }, 'mlguide:plan': { version: 1 } },
      }),
    );
    await expect
      .poll(() => error.textContent())
      .toBe(
        'Import failed: The study plan in this file cannot be read: it is not in the expected shape. Nothing was changed.',
      );
    // All or nothing: the valid reading progress in the refused file was not merged either.
    expect(await stored(page, 'mlguide:read')).toEqual(read);
    expect(await page.locator('study-dashboard [data-status]').textContent()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the data the store kept aside for download', async () => {
    const { page, errors } = await progressPage(browser(), url, {
      'mlguide:read': '{"version":1,"pages":"all"}',
    });
    const dashboard = page.locator('study-dashboard');
    await expect
      .poll(() => dashboard.locator('[data-quarantine-line]').textContent())
      .toBe('1 saved text could not be read and was kept aside unchanged.');
    expect(await dashboard.locator('[data-notice]').textContent()).toContain('could not be read');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Download kept-aside data' }).click(),
    ]);
    const kept = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(kept.entries).toEqual({ 'mlguide:read:quarantine': ['{"version":1,"pages":"all"}'] });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the scored mocks newest first, and drills what the latest one scored low', async () => {
    const full = {
      clarify: 3,
      data: 2,
      model: 3,
      evaluation: 3,
      serving: 2,
      monitoring: 3,
      tradeoffs: 3,
      communication: 4,
    };
    const { page, errors } = await progressPage(browser(), url, {
      'mlguide:mock': {
        ...JSON.parse(await readFile(new URL('../../client/saved/mock.json', import.meta.url), 'utf8')),
        // The mock on screen is finished and scored: it is the latest, before it joins the history.
        finished: true,
        scores: { ...full, data: 3, serving: 3, model: 1 },
      },
    });
    const dashboard = page.locator('study-dashboard');
    await expect.poll(() => dashboard.locator('[data-mocks] li').count()).toBe(3);
    const lines = await dashboard.locator('[data-mocks] li').allTextContents();
    expect(lines[0]).toMatch(/^Latest: Detect fraudulent card transactions: 23 of 32/);
    expect(lines[1]).toMatch(/^Your own prompt: 25 of 32/);
    expect(lines[2]).toMatch(/^Ad click prediction: 23 of 32/);
    const weak = await dashboard.locator('[data-weak] li').allTextContents();
    expect(weak.filter((line) => line.includes('in a mock'))).toEqual([
      'Model and baseline: scored 1 of 4 in a mock. See the rubric',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits 360 px', async () => {
    const page = await freshPage(browser(), { viewport: { width: 360, height: 800 } });
    await page.goto(url(PROGRESS), { waitUntil: 'networkidle' });
    expect(await page.locator('study-dashboard [data-app]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});
