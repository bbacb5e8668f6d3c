// A long chapter is laid out in steps (Head.astro): the blocks off screen are skipped until their
// turn. These tests hold the steps (no idle callback ever runs) to check the half-laid-out page
// readers can meet in its first second, and let them run to check the page they end with.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, drawn, freshPage, watchErrors } from '../browser.ts';

const CHAPTER = '/lifecycle/evaluation/';
const FAR = 'pitfalls'; // a section near the end, below a dozen formulas and two widgets

const holdSteps = (page: Page) => page.addInitScript(() => (window.requestIdleCallback = () => 0));
const skippedBlocks = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('.sl-markdown-content > *')].filter(
        (block) => getComputedStyle(block).contentVisibility === 'auto',
      ).length,
  );
/** Lays out every block still waiting for its step at once, as printing does. */
const layOutTheRest = (page: Page) => page.evaluate(() => dispatchEvent(new Event('beforeprint')));
const laidOut = (page: Page) => page.evaluate(() => document.documentElement.hasAttribute('data-laid-out'));
const headingTop = (page: Page, id: string) =>
  page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), id);
const headingOffsets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.sl-markdown-content :is(h2, h3)[id]')].map(
      (heading) => `${heading.id} ${Math.round(heading.getBoundingClientRect().top + scrollY)}`,
    ),
  );

describeInBrowser('a long chapter laid out in steps', ({ browser, url }) => {
  /** Where the far heading lands, and every heading's offset, on the page laid out whole. */
  async function wholePage() {
    const page = await freshPage(browser());
    await page.goto(url(`${CHAPTER}#${FAR}`), { waitUntil: 'load' });
    expect(await skippedBlocks(page)).toBe(0);
    expect(await laidOut(page)).toBe(true);
    const landing = await headingTop(page, FAR);
    const offsets = await headingOffsets(page);
    await page.close();
    return { landing, offsets };
  }

  it('lands a table of contents click on its heading before the steps are done', async () => {
    const whole = await wholePage();
    expect(whole.landing).toBeGreaterThan(0);
    expect(whole.landing).toBeLessThan(150); // right under the header

    const page = await freshPage(browser());
    const errors = watchErrors(page);
    await holdSteps(page);
    // The click alone must do it: the hash change's own fallback (the next test) is kept out.
    await page.addInitScript(() => addEventListener('hashchange', (event) => event.stopImmediatePropagation()));
    await page.goto(url(CHAPTER), { waitUntil: 'load' });
    // Held: most blocks are still skipped, so the click meets the estimated heights.
    expect(await skippedBlocks(page)).toBeGreaterThan(20);
    expect(await laidOut(page)).toBe(false);
    await page.locator(`starlight-toc a[href="#${FAR}"]`).click();
    await page.waitForFunction((id) => location.hash === `#${id}`, FAR);
    expect(await laidOut(page)).toBe(true);
    expect(await skippedBlocks(page)).toBe(0);
    expect(await headingTop(page, FAR)).toBe(whole.landing);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out the rest at once on a hash change or for print', async () => {
    const whole = await wholePage();
    const page = await freshPage(browser());
    await holdSteps(page);
    await page.goto(url(CHAPTER), { waitUntil: 'load' });
    expect(await skippedBlocks(page)).toBeGreaterThan(20);
    // Print styles never skip a block, even before the steps are done.
    await page.emulateMedia({ media: 'print' });
    expect(await skippedBlocks(page)).toBe(0);
    await page.emulateMedia({ media: 'screen' });
    expect(await skippedBlocks(page)).toBeGreaterThan(20);

    await page.evaluate((id) => (location.hash = id), FAR);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-laid-out'));
    expect(await skippedBlocks(page)).toBe(0);
    expect(await headingTop(page, FAR)).toBe(whole.landing);
    await page.close();
  });

  it('ends with the page a reader opened on a section gets, heading for heading', async () => {
    const whole = await wholePage();
    const page = await freshPage(browser());
    const errors = watchErrors(page);
    await page.goto(url(CHAPTER), { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-laid-out'));
    expect(await skippedBlocks(page)).toBe(0);
    expect(await headingOffsets(page)).toEqual(whole.offsets);
    expect(whole.offsets.length).toBeGreaterThan(15);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Each top-level block is a layout island (custom.css): margins that used to collapse through a
  // block's end stay inside it. Pages with the lists where that happened (a loose list; the
  // follow-ups; a list of keyboard keys, where Starlight's loose-list margin is on inline elements).
  it.each(['/monitoring/drift/', '/practice/exercises/who-to-follow/', '/practice/flashcards/'])(
    'puts every block of %s where it sits without the layout islands',
    async (path) => {
      const page = await freshPage(browser());
      await page.goto(url(path), { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-laid-out'));
      const tops = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.sl-markdown-content > *')].map((block) =>
            Math.round(block.getBoundingClientRect().top + scrollY),
          ),
        );
      const contained = await page.evaluate(() =>
        [...document.querySelectorAll('.sl-markdown-content > *')].every((block) =>
          getComputedStyle(block).contain.includes('layout'),
        ),
      );
      expect(contained).toBe(true);
      const islands = await tops();
      await page.addStyleTag({ content: '.sl-markdown-content > * { contain: none !important; }' });
      expect(await tops()).toEqual(islands);
      await page.close();
    },
  );

  // The browser lays out the skipped blocks it estimates lie near the screen, then the ones that
  // come near once those have their real heights. An estimate short of most blocks made it lay out
  // blocks that turned out to be far below (six or seven on these chapters at 6rem), in the load's
  // longest tasks.
  it.each([CHAPTER, '/monitoring/drift/'])(
    'estimates a skipped block on %s at least as tall as three in four of its blocks on a phone',
    async (path) => {
      const page = await freshPage(browser(), { viewport: { width: 412, height: 823 } });
      await page.goto(url(path), { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-laid-out'));
      const { estimate, heights } = await page.evaluate(() => {
        const content = document.querySelector('.sl-markdown-content')!;
        const probe = content.appendChild(document.createElement('div'));
        const estimate = parseFloat(getComputedStyle(probe).containIntrinsicHeight.replace('auto', ''));
        probe.remove();
        const heights = [...content.children].map((block) => {
          const style = getComputedStyle(block);
          return block.getBoundingClientRect().height + parseFloat(style.marginTop);
        });
        return { estimate, heights: heights.sort((a, b) => a - b) };
      });
      expect(heights.length).toBeGreaterThan(50);
      expect(estimate).toBeGreaterThanOrEqual(heights[Math.floor(heights.length * 0.75)]!);
      await page.close();
    },
  );

  // The blocks above the screen shrink from their estimated height when laid out. The browser keeps
  // the screen in place by anchoring the scroll position to what is on it; it anchored to the table
  // of contents column, which never moves, and stopped anchoring when the size rule of the block it
  // anchored to changed, so the text jumped up (a reader's next click could land on whatever moved
  // under the pointer).
  it.each([1280, 412])(
    'keeps what a reader looks at in place while the blocks above are laid out, at %i px',
    async (width) => {
      const page = await freshPage(browser(), { viewport: { width, height: 900 } });
      await holdSteps(page);
      await page.goto(url(CHAPTER), { waitUntil: 'load' });
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }), FAR);
      const before = await headingTop(page, FAR);
      const scrolled = await page.evaluate(() => scrollY);
      // Every block above is still skipped, at its estimated height.
      expect(await skippedBlocks(page)).toBeGreaterThan(20);
      await layOutTheRest(page);
      await drawn(page);
      expect(await skippedBlocks(page)).toBe(0);
      expect(Math.abs((await headingTop(page, FAR)) - before)).toBeLessThanOrEqual(1);
      // The page did change above: the scroll position moved with it, by thousands of pixels.
      expect(scrolled - (await page.evaluate(() => scrollY))).toBeGreaterThan(1000);
      await page.close();
    },
  );

  // What a widget test met in one CI run: a button pressed before a step and released after it,
  // when the step moved the text in between; the click went to the text around the button.
  it('lets a click pressed before the blocks above are laid out, and released after, reach its button', async () => {
    const page = await freshPage(browser());
    const errors = watchErrors(page);
    await holdSteps(page);
    await page.goto(url(CHAPTER), { waitUntil: 'load' });
    const copy = page.locator('ndcg-calculator button[data-copy-link]');
    await copy.evaluate((button) => button.scrollIntoView({ block: 'center' }));
    await drawn(page); // the blocks that came near the screen are laid out
    const box = (await copy.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await layOutTheRest(page);
    await drawn(page);
    await page.mouse.up();
    await expect
      .poll(() => page.locator('ndcg-calculator [data-copy-status]').textContent())
      .toBe('Link copied: it opens this widget exactly as you see it.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out a reloaded page whole, where the browser restores the scroll position', async () => {
    const page = await freshPage(browser());
    await holdSteps(page);
    await page.goto(url(CHAPTER), { waitUntil: 'load' });
    expect(await skippedBlocks(page)).toBeGreaterThan(20);
    await page.reload({ waitUntil: 'load' });
    expect(await laidOut(page)).toBe(true);
    expect(await skippedBlocks(page)).toBe(0);
    await page.close();
  });
});
