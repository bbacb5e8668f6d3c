// Every stored feature (reading progress, question marks, flashcards, the mock interview, rubric
// gradings, the interviewer sheet: one per format in src/study/saved-formats.ts) against
// saved data it cannot fully read and storage that fails (probe D2, D3, D5, D6, D11). Saved text that
// is corrupt, from an old or a newer version, or has one bad entry is never overwritten on load, is
// kept aside before anything saves, and the notice says what was skipped and offers it as a download;
// the good entries of a damaged collection survive the reader's next action. With storage blocked or
// full every feature still works for the visit and says that nothing is saved. No uncaught error.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';
import { SAVED_FORMATS } from '../../../src/study/saved-formats.ts';
import { FAULT_SUITE_KEYS, STORAGE_FAULTS, type FaultSuiteKey, type StorageFault } from './storage-faults.ts';

const saved = (name: string) => JSON.parse(readFileSync(`tests/client/saved/${name}`, 'utf8')) as Record<string, never>;

interface Feature {
  name: string;
  page: string;
  /** Where the feature shows its notices about saved data. */
  notice: (page: Page) => Locator;
  /** A document with one damaged entry among good ones, and what must survive of it. */
  oneBad: Record<string, unknown>;
  survives: (stored: Record<string, never>) => void;
  /** A document of today's shape with another version number. */
  versioned: (version: number) => Record<string, unknown>;
  /** Uses the feature as a reader would; resolves once the page shows that it took effect. */
  use: (page: Page) => Promise<void>;
}

const read = saved('read.json');
const marks = saved('questions.json');
const cards = saved('flashcards.json');
const mock = saved('mock.json');
const rubric = saved('rubric.json');
const sheet = saved('interviewer.json');
const plan = saved('plan.json');

/** One feature per saved format: the keys are FAULT_SUITE_KEYS, which must name every format. */
const FEATURES: Record<FaultSuiteKey, Feature> = {
  'mlguide:read': {
    name: 'reading progress',
    page: '/monitoring/what-to-monitor/',
    notice: (page) => page.locator('mark-read [data-status]'),
    oneBad: { version: 1, pages: { ...(read.pages as object), 'Not a page!': 5 } },
    survives: (stored) => expect(stored.pages).toMatchObject(read.pages),
    versioned: (version) => ({ ...read, version }),
    use: async (page) => {
      await page.locator('mark-read button[aria-pressed]').click();
      await expect.poll(() => page.locator('mark-read button[aria-pressed]').getAttribute('aria-pressed')).toBe('true');
    },
  },
  'mlguide:questions': {
    name: 'question marks',
    page: '/practice/mlops-questions/',
    notice: (page) => page.locator('[data-marks-message]'),
    oneBad: { version: 1, marks: { ...(marks.marks as object), 'old-q': 'maybe' } },
    survives: (stored) => expect(stored.marks).toMatchObject(marks.marks),
    versioned: (version) => ({ ...marks, version }),
    use: async (page) => {
      const seeded = Object.keys(marks.marks).map((id) => `:not(#q-${id})`);
      const card = page.locator(`article.question${seeded.join('')}`).first();
      await card.locator('button[data-mark="got"]').click();
      await expect.poll(() => card.getAttribute('data-user-mark')).toBe('got');
    },
  },
  'mlguide:flashcards': {
    name: 'flashcard progress',
    page: '/practice/flashcards/',
    notice: (page) => page.locator('flashcard-deck [data-error]'),
    oneBad: {
      ...cards,
      cards: {
        ...(cards.cards as object),
        'psi-bands': { ...(cards.cards as Record<string, object>)['psi-bands'], stability: -1 },
      },
    },
    survives: (stored) => {
      const good = Object.keys(cards.cards).filter((id) => id !== 'psi-bands');
      expect(Object.keys(stored.cards)).toEqual(expect.arrayContaining(good));
    },
    versioned: (version) => ({ ...cards, version }),
    use: async (page) => {
      const deck = page.locator('flashcard-deck');
      const front = await deck.locator('[data-front]').textContent();
      await deck.locator('[data-answer] summary').click();
      await deck.getByRole('button', { name: /Good/ }).click();
      await expect.poll(() => deck.locator('[data-front]').textContent()).not.toBe(front);
    },
  },
  'mlguide:mock': {
    name: 'mock interview',
    page: '/practice/mock-interview-mode/',
    notice: (page) => page.locator('mock-interview [data-notice]'),
    // One earlier mock damaged among two good ones.
    oneBad: { ...mock, history: [...(mock.history as object[]), { runId: 'not a run', prompt: null, scores: {} }] },
    survives: (stored) => {
      expect(stored.scores).toEqual(mock.scores);
      expect(stored.domain).toBe(mock.domain);
      expect(stored.history).toEqual(mock.history);
    },
    versioned: (version) => ({ ...mock, version }),
    use: async (page) => {
      await page.locator('mock-interview textarea[name="notes"]').fill('Typed after the damage.');
      await expect
        .poll(() => page.locator('mock-interview [data-notes-status]').textContent())
        .toMatch(/^(Saved in this browser|Not saved)\.$/);
    },
  },
  'mlguide:rubric': {
    name: 'rubric gradings',
    page: '/practice/exercises/card-fraud-detection/',
    notice: (page) => page.locator('rubric-grader [data-grade-status]'),
    oneBad: { ...rubric, gradings: [...(rubric.gradings as object[]), { id: 'not a grading', source: 'page' }] },
    survives: (stored) => {
      const ids = (rubric.gradings as { id: string }[]).map((g) => g.id);
      expect((stored.gradings as { id: string }[]).map((g) => g.id)).toEqual(expect.arrayContaining(ids));
      expect(stored.cards).toMatchObject(rubric.cards);
    },
    versioned: (version) => ({ ...rubric, version }),
    use: async (page) => {
      await page.locator('rubric-grader input[data-covered]').first().check();
      await page.locator('rubric-grader button[data-grade]').click();
      await expect
        .poll(() => page.locator('rubric-grader [data-grade-status]').textContent())
        .toMatch(/^You covered 1 of/);
    },
  },
  'mlguide:interviewer': {
    name: 'interviewer sheet',
    page: '/practice/interviewer/',
    notice: (page) => page.locator('interviewer-view [data-notice]'),
    oneBad: { ...sheet, scores: { ...(sheet.scores as object), 'not-a-dimension': 2 } },
    survives: (stored) => {
      expect(stored.scores).toEqual(sheet.scores);
      expect(stored.covered).toEqual(sheet.covered);
      expect(stored.prompt).toBe(sheet.prompt);
    },
    versioned: (version) => ({ ...sheet, version }),
    use: async (page) => {
      const toggle = page.locator('interviewer-view button[data-action="toggle"]');
      await toggle.click();
      await expect.poll(() => toggle.textContent()).toBe('Pause');
    },
  },
  'mlguide:plan': {
    name: 'study plan',
    page: '/practice/plan/',
    notice: (page) => page.locator('study-plan [data-notice]'),
    oneBad: { ...plan, done: { ...(plan.done as object), 'not-a-time': 'yesterday' } },
    survives: (stored) => {
      expect(stored.done).toMatchObject(plan.done);
      expect(stored.plan).toEqual(plan.plan);
    },
    versioned: (version) => ({ ...plan, version }),
    use: async (page) => {
      // With a plan on screen the reader ticks an item off; without one they make a plan.
      if (await page.locator('study-plan [data-result]:not([hidden])').count()) {
        // Pinned by its key: a ":not(:checked)" locator would move on to the next box once this one is ticked.
        const key = await page
          .locator('study-plan input[type="checkbox"]:not(:checked)')
          .first()
          .getAttribute('data-key');
        const box = page.locator(`study-plan input[data-key="${key}"]`);
        await box.check();
        await expect.poll(() => box.isChecked()).toBe(true);
        return;
      }
      const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await page.locator('study-plan input[name="interview"]').fill(inTenDays);
      await page.locator('study-plan [data-submit]').click();
      await page.locator('study-plan [data-result]:not([hidden])').waitFor();
    },
  },
};

async function open(browser: Browser, url: string, setup: { stored?: [string, string]; fault?: StorageFault }) {
  const page = await freshPage(browser);
  // Seeded once, before the first page script, as the reader's browser would hold it.
  if (setup.stored)
    await page.addInitScript(([key, text]) => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem(key, text);
      sessionStorage.setItem('seeded', '1');
    }, setup.stored);
  if (setup.fault) await page.addInitScript(STORAGE_FAULTS[setup.fault]);
  const errors = watchErrors(page);
  await page.goto(url, { waitUntil: 'load' });
  // These tests are about storage, so they use the page once its layout steps are done (the steps
  // have their own tests): in one full run, a rubric checkbox checked at once did not stay checked.
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-laid-out'));
  const stored = (key: string) => page.evaluate((k) => localStorage.getItem(k), key);
  return { page, errors, stored, close: () => page.close() };
}

describeInBrowser('stored features when saved data is damaged or storage fails', ({ browser, url }) => {
  it('covers every saved format', () => {
    expect([...FAULT_SUITE_KEYS].sort()).toEqual(SAVED_FORMATS.map((format) => format.key).sort());
  });

  for (const key of FAULT_SUITE_KEYS) {
    const feature = { ...FEATURES[key], key };
    const newer = (SAVED_FORMATS.find((format) => format.key === key)?.version ?? 1) + 1;
    const damaged: [string, string, RegExp][] = [
      ['corrupt', '{"version":1,', /could not be read \(it is not valid JSON\)/],
      ['from an old version', JSON.stringify(feature.versioned(0)), /version 0 cannot be upgraded/],
      [
        'from a newer version',
        JSON.stringify(feature.versioned(newer)),
        new RegExp(`version ${newer}, saved by a newer guide`),
      ],
      [
        'with one bad entry',
        JSON.stringify(feature.oneBad),
        /could not be read and was skipped \(.+\); the rest loaded/,
      ],
    ];
    for (const [kind, text, why] of damaged) {
      it(`${feature.name} ${kind}: kept aside, named, offered as a download, and nothing good is lost`, async () => {
        const { page, errors, stored, close } = await open(browser(), url(feature.page), {
          stored: [feature.key, text],
        });
        const notice = feature.notice(page);
        await expect.poll(() => notice.textContent()).toMatch(why);
        expect(await notice.textContent()).toContain('"Download what was kept aside" saves it as a file');
        // Never overwritten on load, and a copy is aside before anything can save.
        expect(await stored(feature.key)).toBe(text);
        expect(JSON.parse((await stored(`${feature.key}:quarantine`))!)).toEqual([text]);

        await feature.use(page);
        expect(JSON.parse((await stored(`${feature.key}:quarantine`))!)).toEqual([text]);
        if (kind === 'with one bad entry') feature.survives(JSON.parse((await stored(feature.key))!));

        const download = page.waitForEvent('download');
        await page.locator(`button[data-kept-aside="${feature.key}"]`).click();
        const file = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
        expect(file).toMatchObject({ format: 'mlguide-kept-aside', key: feature.key, items: [text] });
        expect(errors).toEqual([]);
        await close();
      });
    }

    for (const fault of ['blocked', 'quota'] as const) {
      it(`${feature.name} with storage ${fault}: works for the visit and says nothing is saved`, async () => {
        const { page, errors, close } = await open(browser(), url(feature.page), { fault });
        await feature.use(page);
        await expect.poll(() => feature.notice(page).textContent()).toMatch(/cannot be saved in this browser/);
        expect(errors).toEqual([]);
        await close();
      });
    }
  }
});
