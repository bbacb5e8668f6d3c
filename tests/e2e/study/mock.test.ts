// Mock-interview mode in Chromium: pick a prompt from the cases and exercises, run the clock through
// a phase change, survive a reload with the right phase, finish into the debrief, grade the answer
// against the prompt's own rubric (loaded only at the end) into due flashcards "from your mocks", and
// the timer defects of the reliability probe (D12, D13, C1, C2) on Playwright's fake clock.
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';
import type { PromptData } from '../../../src/study/mock/prompts.ts';

const PAGE = '/practice/mock-interview-mode/';
const MIN = 60_000;
const T0 = new Date('2026-11-23T09:00:00Z');

async function open(browser: Browser, pageUrl: string, options: { fakeClock?: boolean } = {}) {
  // A paused fake clock: time moves only when a test says so, so nothing depends on timing. It
  // cannot be taken out of a browser context, and cannot go back in time, so such a test gets a
  // context of its own; the others take a reused tab.
  const context = options.fakeClock ? await browser.newContext({ viewport: { width: 1280, height: 900 } }) : undefined;
  const page = context ? await context.newPage() : await freshPage(browser);
  if (options.fakeClock) await page.clock.pauseAt(T0);
  const errors = watchErrors(page);
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
  const mock = page.locator('mock-interview');
  await mock.locator('[data-app]').waitFor();
  return { page, mock, errors, close: () => (context ? context.close() : page.close()) };
}

const stored = (page: Page, key: string) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as Record<string, unknown> | null, key);

describeInBrowser('mock interview mode', ({ browser, url }) => {
  it('picks a case or exercise that respects the filters and puts it in the address bar', async () => {
    const { page, mock, errors, close } = await open(browser(), url(PAGE));
    expect(await mock.locator('[data-nojs]').isVisible()).toBe(false);
    await mock.locator('select[name="track"]').selectOption('genai');
    await mock.locator('select[name="level"]').selectOption('Staff');
    await expect.poll(() => mock.locator('[data-filter-count]').textContent()).toMatch(/^\d+ prompts? match\.$/);
    await mock.getByRole('button', { name: 'Pick a random prompt' }).click();
    await expect
      .poll(() => mock.locator('[data-prompt-meta]').textContent())
      .toMatch(/^Case \d+ · Staff · Generative AI · /);
    const id = new URL(page.url()).searchParams.get('mi.prompt');
    expect(id).toMatch(/^cases\/[a-z0-9-]+$/);
    expect(await mock.locator('[data-prompt-link]').getAttribute('href')).toBe(`/ml-guide/practice/${id}/`);

    // Filters that match nothing say so instead of picking.
    await mock.locator('select[name="level"]').selectOption('Junior');
    await expect.poll(() => mock.locator('[data-filter-count]').textContent()).toMatch(/^No prompt matches /);

    // A peer opening the shared link gets the same prompt.
    const peer = await browser().newPage();
    await peer.goto(url(`${PAGE}?mi.prompt=${id}`), { waitUntil: 'networkidle' });
    const prompt = await mock.locator('[data-prompt-text]').textContent();
    await expect.poll(() => peer.locator('[data-prompt-text]').textContent()).toBe(prompt);
    await peer.close();
    expect(errors).toEqual([]);
    await close();
  });

  it('runs the clock on a fake timer, announces the phase change, and pauses by keyboard', async () => {
    // A bare exercise slug is how links from before the cases named a prompt: it still works.
    const { page, mock, close } = await open(browser(), url(`${PAGE}?mi.prompt=card-fraud-detection`), {
      fakeClock: true,
    });
    expect(await mock.locator('[data-prompt-meta]').textContent()).toMatch(/^Exercise \d+ · /);
    const toggle = mock.locator('[data-action="toggle"]');
    await toggle.focus();
    await page.keyboard.press('s'); // the documented shortcut, while focus is in the mock
    await expect.poll(() => toggle.textContent()).toBe('Pause');
    await page.clock.runFor(4 * MIN + 1000);
    await expect
      .poll(() => mock.locator('[data-live]').textContent())
      .toBe('One minute left in Clarify; Frame as ML is next.');
    await page.clock.runFor(MIN);
    await expect
      .poll(() => mock.locator('[data-phase-line]').textContent())
      .toMatch(/^Phase 2 of 8: Frame as ML, 2:5\d left in this phase$/);
    await page.clock.runFor(100); // lets the live region's short delay pass
    await expect
      .poll(() => mock.locator('[data-live]').textContent())
      .toMatch(/^Now phase 2 of 8: Frame as ML, 3 minutes\./);
    expect(await mock.locator('li[aria-current="step"] .mock-phase-name').textContent()).toBe('Frame as ML');
    expect(await mock.locator('[data-cover] li').first().textContent()).toBe('The ML task: input, output and label');
    await toggle.press('Space'); // a native button: Space pauses
    await expect.poll(() => toggle.textContent()).toBe('Resume');
    const remaining = await mock.locator('[data-remaining]').textContent();
    await page.clock.runFor(5 * MIN);
    expect(await mock.locator('[data-remaining]').textContent()).toBe(remaining);
    await close();
  });

  it('survives a reload: a start time 20 minutes ago shows the model phase with 25 minutes left', async () => {
    const { page, mock, errors, close } = await open(browser(), url(`${PAGE}?mi.prompt=exercises/who-to-follow`));
    await mock.getByRole('button', { name: 'Start' }).click();
    // Move the stored start time back, as if the reader had closed the tab 20 minutes ago.
    await page.evaluate((ms) => {
      const s = JSON.parse(localStorage.getItem('mlguide:mock')!);
      s.startedAt -= ms;
      localStorage.setItem('mlguide:mock', JSON.stringify(s));
    }, 20 * MIN);
    await page.reload({ waitUntil: 'networkidle' });
    await expect
      .poll(() => mock.locator('[data-phase-line]').textContent())
      .toMatch(/^Phase 4 of 8: Baseline and model, 4:5\d left in this phase$/);
    expect(await mock.locator('[data-remaining]').textContent()).toMatch(/^2[45]:\d\d$/);
    expect(await mock.locator('[data-action="toggle"]').textContent()).toBe('Pause');
    expect(errors).toEqual([]);
    await close();
  });

  it('grades a case mock against its own rubric, shown only at the end, into due cards from your mocks', async () => {
    const id = 'cases/news-feed';
    const { page, mock, errors, close } = await open(browser(), url(`${PAGE}?mi.prompt=${id}`));
    const data = (await (await page.request.get(url(`/prompt-data/${id}.json`))).json()) as PromptData;
    expect(data.rubric.length).toBeGreaterThan(4);
    const rubricRequests: string[] = [];
    page.on('request', (r) => void (r.url().includes('/prompt-data/') && rubricRequests.push(r.url())));

    // Before the end the candidate's page has no rubric: not in the markup, not fetched.
    await mock.getByRole('button', { name: 'Start' }).click();
    expect(await page.content()).not.toContain(data.rubric[0].cue);
    expect(rubricRequests).toEqual([]);

    await mock.getByRole('button', { name: 'Finish' }).click();
    const debrief = mock.locator('[data-debrief]');
    await debrief.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mock-debrief-h');
    expect(await debrief.locator('[data-outline-link]').getAttribute('href')).toBe(
      '/ml-guide/practice/cases/news-feed/#framing',
    );
    const boxes = debrief.locator('[data-checklist] input[data-covered]');
    await expect.poll(() => boxes.count()).toBe(data.rubric.length);
    expect(await debrief.locator('[data-checklist] summary').first().textContent()).toBe(data.rubric[0].cue);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    for (const fieldset of await debrief.locator('fieldset').all()) await fieldset.getByLabel('3').check();
    await debrief.locator('fieldset', { hasText: 'Communication' }).getByLabel('4').check();
    await debrief.locator('fieldset', { hasText: 'Trade-offs' }).getByLabel('4').check();
    await expect.poll(() => debrief.locator('[data-verdict]').textContent()).toBe('26 of 32: ready for senior loops.');

    const missed = data.rubric.length - 2;
    const grade = debrief.getByRole('button', { name: 'Make flashcards from what I missed' });
    await grade.click();
    await expect
      .poll(() => debrief.locator('[data-grade-status]').textContent())
      .toBe(
        `You covered 2 of ${data.rubric.length}. ${missed} cards from what you missed are now due in your flashcards.`,
      );
    // Grading the same mock again replaces its grading and makes no second card.
    await grade.click();
    await expect
      .poll(() => debrief.locator('[data-grade-status]').textContent())
      .toBe(`You covered 2 of ${data.rubric.length}. ${missed} cards you had already missed stay in the deck.`);
    const rubric = (await stored(page, 'mlguide:rubric')) as { gradings: unknown[]; cards: Record<string, unknown> };
    expect(rubric.gradings).toHaveLength(1);
    expect(Object.keys(rubric.cards)).toEqual(data.rubric.slice(2).map((item) => `practice/${id}#${item.id}`));

    // The ticks and scores survive a reload.
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => boxes.count()).toBe(data.rubric.length);
    expect(await boxes.nth(1).isChecked()).toBe(true);
    expect(await boxes.nth(2).isChecked()).toBe(false);
    expect(await mock.locator('[data-verdict]').textContent()).toBe('26 of 32: ready for senior loops.');

    // The missed items are due in the deck, filtered to "from your mocks".
    await page.goto(url('/practice/flashcards/?fc.source=mocks'), { waitUntil: 'networkidle' });
    const deck = page.locator('flashcard-deck');
    await expect.poll(() => deck.locator('[data-due]').textContent()).toBe(String(missed));
    expect(await deck.locator('[data-new]').textContent()).toBe('0');
    expect(await deck.locator('[data-front]').textContent()).toBe(data.rubric[2].cue);
    expect(await deck.locator('select[name="source"]').inputValue()).toBe('mocks');
    expect(errors).toEqual([]);

    // Reset asks first, then clears the clock, the scores and the ticks but keeps the notes.
    await page.goBack({ waitUntil: 'networkidle' });
    await mock.locator('textarea[name="notes"]').fill('Forgot the survey head.');
    page.once('dialog', (d) => void d.accept());
    await mock.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => mock.locator('[data-remaining]').textContent()).toBe('45:00');
    expect(await mock.locator('[data-debrief]').isVisible()).toBe(false);
    expect(await mock.locator('textarea[name="notes"]').inputValue()).toBe('Forgot the survey head.');
    const session = (await stored(page, 'mlguide:mock'))!;
    expect(session.scores).toEqual({});
    expect(session.covered).toEqual([]);
    await close();
  });

  it('keeps notes typed just before a reload (D13)', async () => {
    const { page, mock, close } = await open(browser(), url(`${PAGE}?mi.prompt=cases/news-feed`), {
      fakeClock: true,
    });
    // The fake clock is paused, so the save debounce never fires: only the pagehide flush can save.
    await mock.locator('textarea[name="notes"]').pressSequentially('label delay');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await mock.locator('textarea[name="notes"]').inputValue()).toBe('label delay');
    await close();
  });

  it('finishes, never sticks, when the time ran out before a tick and Pause is pressed (D12)', async () => {
    const { page, mock, errors, close } = await open(browser(), url(`${PAGE}?mi.prompt=cases/news-feed`), {
      fakeClock: true,
    });
    const toggle = mock.locator('[data-action="toggle"]');
    await toggle.click();
    await expect.poll(() => toggle.textContent()).toBe('Pause');
    // The wall clock moves 46 minutes on with no timer run: a sleeping laptop or a throttled tab.
    await page.clock.setSystemTime(new Date(T0.getTime() + 46 * MIN));
    await toggle.click();
    await mock.locator('[data-debrief]').waitFor();
    expect(await mock.locator('span[data-state]').textContent()).toBe('Finished');
    expect(await mock.locator('[data-remaining]').textContent()).toBe('0:00');
    expect(await toggle.isDisabled()).toBe(true);
    expect((await stored(page, 'mlguide:mock'))!.finished).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps counting when the system clock is set back an hour while running (D13)', async () => {
    const { page, mock, close } = await open(browser(), url(`${PAGE}?mi.prompt=cases/news-feed`), {
      fakeClock: true,
    });
    await mock.locator('[data-action="toggle"]').click();
    await page.clock.runFor(10 * MIN);
    await expect.poll(() => mock.locator('[data-remaining]').textContent()).toBe('35:00');
    await page.clock.setSystemTime(new Date(T0.getTime() + 10 * MIN - 60 * MIN));
    await page.clock.runFor(5_000);
    await expect.poll(() => mock.locator('[data-remaining]').textContent()).toBe('34:55');
    await page.clock.runFor(MIN);
    await expect.poll(() => mock.locator('[data-remaining]').textContent()).toBe('33:55');
    // A pause in that hour keeps the minutes that ran.
    await mock.locator('[data-action="toggle"]').click();
    expect(await mock.locator('[data-elapsed]').textContent()).toBe('11:05');
    await close();
  });

  it('shows remaining and elapsed time that add up to 45:00, and a double-click on Start just starts (C1, C2)', async () => {
    const { page, mock, close } = await open(browser(), url(`${PAGE}?mi.prompt=cases/news-feed`), {
      fakeClock: true,
    });
    const toggle = mock.locator('[data-action="toggle"]');
    await toggle.dblclick();
    await expect.poll(() => mock.locator('span[data-state]').textContent()).toBe('Running');
    expect(await toggle.textContent()).toBe('Pause');
    await page.clock.runFor(3_500);
    await expect.poll(() => mock.locator('[data-remaining]').textContent()).toBe('44:57');
    expect(await mock.locator('[data-elapsed]').textContent()).toBe('0:03');
    await close();
  });

  it('never loses gradings to storage faults: with storage full a damaged store stays as it was, and the reader is told', async () => {
    const page = await freshPage(browser());
    // A damaged rubric store from some earlier visit, and storage that is full for new writes.
    await page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('mlguide:rubric', '{"version":1,"gradings":[{"id":"x"}],"cards":{}}');
    });
    const errors = watchErrors(page);
    await page.goto(url(`${PAGE}?mi.prompt=cases/news-feed`), { waitUntil: 'networkidle' });
    const mock = page.locator('mock-interview');
    await mock.getByRole('button', { name: 'Start' }).click();
    await mock.getByRole('button', { name: 'Finish' }).click();
    await expect.poll(() => mock.locator('[data-checklist] li').count()).toBeGreaterThan(4);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    await mock.getByRole('button', { name: 'Make flashcards from what I missed' }).click();
    const status = mock.locator('[data-grade-status]');
    await expect.poll(() => status.textContent()).toMatch(/^You covered 0 of \d+\. \d+ cards from what you missed/);
    expect(await status.textContent()).toContain(
      'Your rubric gradings cannot be saved in this browser (storage is blocked or full); it lasts until you leave the page.',
    );
    // The damaged text was not overwritten: nothing could be kept aside or saved, so it stays as it was.
    expect(await page.evaluate(() => localStorage.getItem('mlguide:rubric'))).toBe(
      '{"version":1,"gradings":[{"id":"x"}],"cards":{}}',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores corrupt stored data and a bad shared prompt with a message', async () => {
    const page = await freshPage(browser());
    await page.addInitScript(() => localStorage.setItem('mlguide:mock', '{"version":2,"startedAt":"<b>x</b>"'));
    const errors = watchErrors(page);
    await page.goto(url(`${PAGE}?mi.prompt=nope/nope`), { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('mock-interview [data-notice]').textContent())
      .toContain('Your saved mock interview could not be read (it is not valid JSON). It was kept aside');
    const notice = await page.locator('mock-interview [data-notice]').textContent();
    expect(notice).toContain(
      'The link names a prompt "nope/nope" that is not one of the cases or exercises; it was ignored.',
    );
    expect(await page.locator('mock-interview [data-remaining]').textContent()).toBe('45:00');
    expect(await page.locator('mock-interview b').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
