// The flashcard deck in Chromium: grading with keys and buttons, a schedule that survives a reload,
// export and import (bad files refused, saved progress untouched), filters in the URL, no-JS fallback,
// and axe in both themes. The clock is fixed so due times are exact.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeInBrowser, freshPage, watchErrors } from '../browser.ts';
import { inDeckOrder } from '../../../src/study/flashcards/deck.ts';

// The deck as a new reader meets it: every file in the flashcards folder, in deck order.
const FOLDER = 'content/data/flashcards';
const cards = inDeckOrder(
  readdirSync(FOLDER)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap(
      (name) =>
        JSON.parse(readFileSync(`${FOLDER}/${name}`, 'utf8')) as {
          id: string;
          section: string;
          level: string;
          front: string;
          link: string;
        }[],
    )
    .map((card, position) => ({ ...card, position })),
);

const PAGE = '/practice/flashcards/';
const KEY = 'mlguide:flashcards';
const T0 = new Date('2026-03-02T09:00:00.000Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describeInBrowser('flashcards', ({ browser, url }) => {
  /** The file's own browser context: a fake clock cannot be taken out of one. */
  let clocked: Promise<BrowserContext> | undefined;
  async function open(path = PAGE, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) {
    const context = await (clocked ??= browser().newContext());
    await context.clock.setFixedTime(T0);
    const page = await freshPage(browser(), {
      context,
      colorScheme: options.colorScheme ?? 'light',
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    const errors = watchErrors(page);
    await page.goto(url(path), { waitUntil: 'networkidle' });
    await deck(page).scrollIntoViewIfNeeded();
    return { context, page, errors };
  }

  const deck = (page: Page) => page.locator('flashcard-deck');
  const count = (page: Page, which: 'due' | 'new' | 'later') => deck(page).locator(`[data-${which}]`).textContent();
  const front = (page: Page) => deck(page).locator('[data-front]').textContent();
  const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

  async function reload(page: Page) {
    await page.reload({ waitUntil: 'networkidle' });
    await deck(page).scrollIntoViewIfNeeded();
  }

  it('shows the first card without JavaScript, with a note that scheduling needs it', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url(PAGE));
    expect(await front(page)).toBe(cards[0].front);
    expect(await deck(page).locator('[data-nojs]').textContent()).toContain('need JavaScript');
    expect(await deck(page).locator('[data-link]').getAttribute('href')).toBe(`/ml-guide${cards[0].link}`);
    expect(await deck(page).locator('select[name="section"]').isVisible()).toBe(false);
    await context.close();
  });

  it('grades with the keyboard, and the schedule survives a reload', async () => {
    const { context, page, errors } = await open();
    expect(await count(page, 'due')).toBe('0');
    expect(await count(page, 'new')).toBe(String(cards.length));
    expect(await deck(page).locator('[data-nojs]').count()).toBe(0);
    expect(await front(page)).toBe(cards[0].front);

    // Grading before the answer shows is refused; Space flips; 1 grades Again.
    await page.keyboard.press('1');
    await expect.poll(() => deck(page).locator('[data-status]').textContent()).toContain('Show the answer first');
    await page.keyboard.press(' ');
    await expect.poll(() => deck(page).locator('[data-answer]').getAttribute('open')).not.toBeNull();
    expect(await deck(page).locator('[data-grade="1"] [data-interval]').textContent()).toBe('1 min');
    await page.keyboard.press('1');
    await expect
      .poll(() => deck(page).locator('[data-status]').textContent())
      .toBe('Again: this card comes back in 1 min.');
    expect(await front(page)).toBe(cards[1].front);
    expect(await count(page, 'new')).toBe(String(cards.length - 1));
    expect(await count(page, 'later')).toBe('1');

    // A second card graded Good with the button.
    await deck(page).locator('[data-answer] summary').click();
    await deck(page).getByRole('button', { name: /Good/ }).click();
    expect(await count(page, 'later')).toBe('2');

    await reload(page);
    expect(await count(page, 'new')).toBe(String(cards.length - 2));
    expect(await count(page, 'later')).toBe('2');
    const saved = JSON.parse((await stored(page))!);
    expect(saved).toMatchObject({ format: 'mlguide-flashcards', version: 2, retired: {} });
    expect(saved.cards[cards[0].id].due).toBe(later(1).toISOString());
    expect(saved.cards[cards[1].id].due).toBe(later(10).toISOString());

    // Two minutes later the Again card is due and comes first.
    await context.clock.setFixedTime(later(2));
    await reload(page);
    expect(await count(page, 'due')).toBe('1');
    expect(await count(page, 'later')).toBe('1');
    expect(await front(page)).toBe(cards[0].front);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores shortcuts while the reader types in a field', async () => {
    const { page } = await open();
    await page.keyboard.press(' ');
    await deck(page).locator('select[name="level"]').focus();
    await page.keyboard.press('3');
    await page.locator('button[data-open-modal]').first().click();
    const search = page.locator('#starlight__search input');
    await search.fill('');
    await search.pressSequentially('1 2 3 4');
    expect(await search.inputValue()).toBe('1 2 3 4');
    await page.keyboard.press('Escape');
    expect(await count(page, 'new')).toBe(String(cards.length));
    expect(await stored(page)).toBeNull();
    await page.close();
  });

  it('refuses a bad import with a message and keeps the saved progress', async () => {
    const { page } = await open();
    await page.keyboard.press(' ');
    await page.keyboard.press('3');
    const before = await stored(page);
    expect(before).not.toBeNull();
    const input = deck(page).locator('input[type=file]');
    const error = deck(page).locator('[data-error]');
    const bad: [string, string][] = [
      ['{"format": "mlguide-flashcards", "vers', 'This file is not valid JSON'],
      [JSON.stringify({ version: 1, marks: {} }), 'not a flashcard progress file from this guide'],
      [JSON.stringify({ format: 'mlguide-flashcards', version: 9, cards: {} }), 'format version 9'],
      [
        JSON.stringify({
          format: 'mlguide-flashcards',
          version: 1,
          cards: { 'no-such-card': JSON.parse(before!).cards[cards[0].id] },
        }),
        'this deck does not have ("no-such-card")',
      ],
    ];
    for (const [text, message] of bad) {
      await input.setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect.poll(() => error.textContent()).toContain(message);
      expect(await error.textContent()).toContain('Your saved progress was not changed.');
      expect(await stored(page)).toBe(before);
    }
    await reload(page);
    expect(await count(page, 'later')).toBe('1');
    await page.close();
  });

  it('exports progress to a file that imports into a fresh browser', async () => {
    const first = await open();
    await first.page.keyboard.press(' ');
    await first.page.keyboard.press('4');
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      deck(first.page).getByRole('button', { name: 'Export progress' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mlguide-flashcards-2026-03-02.json');
    const file = readFileSync((await download.path())!);
    await first.page.close();

    const second = await open();
    expect(await count(second.page, 'later')).toBe('0');
    await deck(second.page)
      .locator('input[type=file]')
      .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: file });
    await expect
      .poll(() => deck(second.page).locator('[data-status]').textContent())
      .toBe('Imported progress for 1 card.');
    expect(await count(second.page, 'later')).toBe('1');
    expect(await deck(second.page).locator('[data-error]').textContent()).toBe('');
    await reload(second.page);
    expect(await count(second.page, 'later')).toBe('1');
    await second.page.close();
  });

  it('imports an export from the old deck (2026-11-23): renamed and retired cards keep their history', async () => {
    const { page, errors } = await open();
    const fixture = readFileSync('tests/fixtures/flashcards-progress-2026-11-23.json');
    await deck(page)
      .locator('input[type=file]')
      .setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: fixture });
    await expect.poll(() => deck(page).locator('[data-status]').textContent()).toBe('Imported progress for 165 cards.');
    const saved = JSON.parse((await stored(page))!);
    const old = JSON.parse(fixture.toString()).cards as Record<string, unknown>;
    const kept = Object.keys(old).filter((id) => saved.cards[id] ?? saved.retired[id]);
    expect(kept).toHaveLength(165);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads section and level filters from the URL and links each card to its chapter', async () => {
    const { page } = await open(`${PAGE}?fc.section=monitoring&fc.level=Senior`);
    const expected = cards.filter((c) => c.section === 'monitoring' && c.level === 'Senior');
    expect(await deck(page).locator('select[name="section"]').inputValue()).toBe('monitoring');
    expect(await count(page, 'new')).toBe(String(expected.length));
    expect(await front(page)).toBe(expected[0].front);
    expect(await deck(page).locator('[data-card-level]').textContent()).toBe('Senior');
    expect(await deck(page).locator('[data-link]').getAttribute('href')).toBe(`/ml-guide${expected[0].link}`);

    await deck(page).locator('select[name="level"]').selectOption('');
    expect(page.url()).toContain('fc.section=monitoring');
    expect(page.url()).not.toContain('fc.level');
    const monitoring = cards.filter((c) => c.section === 'monitoring');
    expect(await count(page, 'new')).toBe(String(monitoring.length));
    expect(await front(page)).toBe(monitoring[0].front);

    await deck(page).locator('[data-link]').click();
    await page.waitForURL(url(monitoring[0].link));
    await page.close();
  });

  it('ignores corrupt saved progress with a message instead of breaking', async () => {
    const page = await freshPage(browser());
    await page.addInitScript(
      (key) => localStorage.setItem(key, '{"format":"mlguide-flashcards","version":1,"cards":{"x":{}}}'),
      KEY,
    );
    const errors = watchErrors(page);
    await page.goto(url(`${PAGE}?fc.level=Expert`), { waitUntil: 'networkidle' });
    // The deck writes its message once its script has run: wait for it rather than for the network.
    const error = deck(page).locator('[data-error]');
    await expect.poll(() => error.textContent()).toContain('Level must be one of: (any), Junior, Mid, Senior.');
    expect(await error.textContent()).toContain(
      'Some of your saved flashcard progress could not be read and was skipped (card "x"',
    );
    expect(await count(page, 'new')).toBe(String(cards.length));
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe (WCAG 2.1 AA) with the answer showing in the ${colorScheme} theme`, async () => {
      const { page } = await open(PAGE, { colorScheme, width: 360 });
      await deck(page).locator('[data-answer] summary').click();
      expect(await axeViolations(page, { include: 'flashcard-deck' })).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    });
  }
});
