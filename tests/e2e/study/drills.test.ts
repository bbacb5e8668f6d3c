// Diagram drills (src/study/drills): a blueprint's box hidden, named from the keyboard, and the
// answer's link to the section that explains it; the drilled state passes axe in both themes.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeInBrowser, freshPage, watchErrors } from '../browser.ts';

/** Starts the first blueprint's drill from the keyboard; resolves to its panel. */
async function startDrill(page: Page) {
  const panel = page.locator('.diagram-drill').first();
  await panel.getByRole('button', { name: /Drill: hide a component/ }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => panel.locator('form:not([hidden])').count()).toBe(1);
  return panel;
}

describeInBrowser('diagram drills', ({ browser, url }) => {
  it('hides a box, takes an answer from the keyboard and links to its chapter', async () => {
    const page = await freshPage(browser(), { viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(url('/reference/blueprints/'), { waitUntil: 'load' });
    const panel = await startDrill(page);
    const figure = page.locator('figure.diagram').first();
    const form = panel.locator('form:not([hidden])');

    // The box and its name in the text alternative are hidden; the question places it in words.
    await expect.poll(() => figure.locator('g.node[data-id="G"]').getAttribute('class')).toContain('drill-hidden');
    expect(await figure.locator('.diagram-text').textContent()).not.toContain('Candidate generation: ANN and rules');
    expect(await form.locator('legend').textContent()).toContain('takes input from “User request with context”');

    // Enter with nothing picked asks for a pick; then arrows pick the answer and Enter checks it.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('radio');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Pick one of the options first.');
    const options = await form
      .locator('input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    const target = options.indexOf('Candidate generation');
    if (target === 0) await page.keyboard.press('Space');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Right: Candidate generation.');
    const link = form.getByRole('link', { name: 'The funnel' });
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe('/ml-guide/lifecycle/funnel/');
    expect(await figure.locator('g.node[data-id="G"]').getAttribute('class')).toContain('drill-revealed');
    expect(await figure.locator('.diagram-text').textContent()).toContain('Candidate generation: ANN and rules');

    // A wrong pick on the next box says what the box was.
    await panel.getByRole('button', { name: 'Another component' }).click();
    const next = panel.locator('form:not([hidden])');
    const answer = await next.getAttribute('data-answer');
    await next.locator(`input:not([value="${answer}"])`).first().check();
    await next.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toContain(`the hidden box is ${answer}.`);

    await panel.getByRole('button', { name: 'Show the whole diagram' }).click();
    expect(await figure.locator('g.node.drill-hidden, g.node.drill-revealed').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('every worked case offers a drill', async () => {
    const page = await freshPage(browser());
    await page.goto(url('/practice/cases/news-feed/'), { waitUntil: 'load' });
    await expect.poll(() => page.locator('.diagram-drill:not([hidden])').count()).toBe(1);
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const)
    it(`passes axe mid-drill in the ${scheme} theme`, async () => {
      const page = await freshPage(browser(), { colorScheme: scheme, viewport: { width: 360, height: 740 } });
      await page.goto(url('/reference/blueprints/'), { waitUntil: 'load' });
      await startDrill(page);
      expect(await axeViolations(page, { include: 'figure.diagram' })).toEqual([]);
      await page.close();
    });
});
