// Mock-interview mode in Chromium: pick a prompt, run the clock through a phase change, survive a
// reload with the right phase, finish into the debrief and keep the self-score.
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeInBrowser, watchErrors } from '../browser.ts';

const PAGE = '/practice/mock-interview-mode/';
const MIN = 60_000;

async function open(browser: Browser, pageUrl: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(pageUrl, { waitUntil: 'networkidle' });
  const mock = page.locator('mock-interview');
  await mock.locator('[data-app]').waitFor();
  return { context, page, mock, errors };
}

describeInBrowser('mock interview mode', ({ browser, url }) => {
  it('picks a prompt that respects the filters and puts it in the address bar', async () => {
    const { context, page, mock, errors } = await open(browser(), url(PAGE));
    expect(await mock.locator('[data-nojs]').isVisible()).toBe(false);
    await mock.locator('select[name="level"]').selectOption('Senior');
    await mock.locator('select[name="domain"]').selectOption('search');
    await expect.poll(() => mock.locator('[data-filter-count]').textContent()).toMatch(/^\d+ prompts? match\.$/);
    await mock.getByRole('button', { name: 'Pick a random prompt' }).click();
    await expect
      .poll(() => mock.locator('[data-prompt-meta]').textContent())
      .toMatch(/^Exercise \d+ · Senior · .*search/);
    const slug = new URL(page.url()).searchParams.get('mi.prompt');
    expect(slug).toMatch(/^[a-z0-9-]+$/);
    expect(await mock.locator('[data-prompt-link]').getAttribute('href')).toBe(`/ml-guide/practice/exercises/${slug}/`);

    // A peer opening the shared link gets the same prompt.
    const peer = await browser().newPage();
    await peer.goto(url(`${PAGE}?mi.prompt=${slug}`), { waitUntil: 'networkidle' });
    expect(await peer.locator('[data-prompt-text]').textContent()).toBe(
      await mock.locator('[data-prompt-text]').textContent(),
    );
    await peer.close();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs the clock on a fake timer, announces the phase change, and pauses by keyboard', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
    await page.goto(url(`${PAGE}?mi.prompt=card-fraud-detection`), { waitUntil: 'networkidle' });
    const mock = page.locator('mock-interview');
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
    await context.close();
  });

  it('survives a reload: a start time 20 minutes ago shows the model phase with 25 minutes left', async () => {
    const { context, page, mock, errors } = await open(browser(), url(`${PAGE}?mi.prompt=who-to-follow`));
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
    expect(await mock.locator('[data-prompt-meta]').textContent()).toMatch(/^Exercise \d+ · /);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finishes into a debrief with the outline link, the rubric link and a saved self-score', async () => {
    const { context, page, mock } = await open(browser(), url(`${PAGE}?mi.prompt=card-fraud-detection`));
    await mock.locator('textarea[name="notes"]').fill('Forgot label delay.');
    await mock.getByRole('button', { name: 'Start' }).click();
    await mock.getByRole('button', { name: 'Finish' }).click();
    const debrief = mock.locator('[data-debrief]');
    await debrief.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mock-debrief-h');
    expect(await debrief.locator('[data-outline-link]').getAttribute('href')).toBe(
      '/ml-guide/practice/exercises/card-fraud-detection/#worked-outline',
    );
    expect(await debrief.getByRole('link', { name: 'Read the rubric' }).getAttribute('href')).toBe(
      '/ml-guide/practice/mock-interviews/#the-rubric',
    );
    for (const fieldset of await debrief.locator('fieldset').all()) await fieldset.getByLabel('3').check();
    await debrief.locator('fieldset', { hasText: 'Communication' }).getByLabel('4').check();
    await debrief.locator('fieldset', { hasText: 'Trade-offs' }).getByLabel('4').check();
    await expect.poll(() => debrief.locator('[data-verdict]').textContent()).toBe('26 of 32: ready for senior loops.');
    await page.waitForTimeout(500); // notes save after a short pause in typing
    await page.reload({ waitUntil: 'networkidle' });
    expect(await mock.locator('[data-debrief]').isVisible()).toBe(true);
    expect(await mock.locator('[data-verdict]').textContent()).toBe('26 of 32: ready for senior loops.');
    expect(await mock.locator('textarea[name="notes"]').inputValue()).toBe('Forgot label delay.');
    expect(await mock.locator('[data-action="toggle"]').isDisabled()).toBe(true);

    // Reset asks first, then clears the clock and the scores but keeps the notes.
    page.once('dialog', (d) => void d.accept());
    await mock.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => mock.locator('[data-remaining]').textContent()).toBe('45:00');
    expect(await mock.locator('[data-debrief]').isVisible()).toBe(false);
    expect(await mock.locator('textarea[name="notes"]').inputValue()).toBe('Forgot label delay.');
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('mlguide:mock')))!).scores).toEqual({});
    await context.close();
  });

  it('ignores corrupt stored data and a bad shared prompt with a message', async () => {
    const context = await browser().newContext();
    await context.addInitScript(() => localStorage.setItem('mlguide:mock', '{"version":1,"startedAt":"<b>x</b>"'));
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url(`${PAGE}?mi.prompt=nope`), { waitUntil: 'networkidle' });
    const notice = await page.locator('mock-interview [data-notice]').textContent();
    expect(notice).toContain('Your saved mock interview could not be read (it is not valid JSON). It was kept aside');
    expect(notice).toContain('The link names a prompt "nope" that is not one of the exercises; it was ignored.');
    expect(await page.locator('mock-interview [data-remaining]').textContent()).toBe('45:00');
    expect(await page.locator('mock-interview b').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
