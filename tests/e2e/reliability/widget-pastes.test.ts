// A paste longer than a text box takes is refused before the browser lays it out (a browser lays a
// text box out line by line: 33,000 short lines block a phone for seconds): the box keeps what it
// had and says why. A paste within the limits goes in and the widget answers it. Real pastes, from
// the clipboard with Ctrl+V; text dropped into a box is held to the same limits.
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MAX_TEXT_LINES } from '../../../src/client/fields.ts';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';

const PAGE = '/monitoring/what-to-monitor/?lp.source=pasted';

async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const box = page.locator('latency-percentiles textarea[name="data"]');
  await box.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

describeInBrowser('pasting into a widget', ({ browser, url }) => {
  async function open() {
    const page = await freshPage(browser());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url('/')).origin });
    const errors = watchErrors(page);
    await page.goto(url(PAGE), { waitUntil: 'load' });
    const widget = page.locator('latency-percentiles');
    await widget.scrollIntoViewIfNeeded();
    await page.locator('latency-percentiles[aria-busy="true"]').waitFor({ state: 'detached' });
    return { page, widget, errors };
  }

  it(`refuses a paste of more than ${MAX_TEXT_LINES.toLocaleString('en-US')} lines, keeps the box as it was and says why`, async () => {
    const { page, widget, errors } = await open();
    const box = widget.locator('textarea[name="data"]');
    const before = await box.inputValue();
    const summary = await widget.locator('[data-summary]').textContent();
    await paste(page, Array.from({ length: 25_000 }, (_, i) => String(40 + (i % 60))).join('\n'));
    await expect
      .poll(() => widget.locator('[data-problem-for="data"]').textContent())
      .toBe(
        'Nothing was pasted: Your latencies in ms (one per line or comma-separated) would then hold 25,000 lines; it takes at most 3,000.',
      );
    expect(await box.inputValue()).toBe(before);
    expect(await widget.locator('[data-summary]').textContent()).toBe(summary);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a paste within the limits and answers it; the next input clears the message', async () => {
    const { page, widget, errors } = await open();
    await paste(page, Array.from({ length: 25_000 }, () => '40').join('\n'));
    await expect.poll(() => widget.locator('[data-problem-for="data"]').textContent()).toMatch(/^Nothing was pasted/);
    // 2,000 latencies: 1,980 of 40 ms and 20 of 900 ms, so p99 sits at the edge of the slow ones.
    const latencies = [...Array.from({ length: 1980 }, () => '40'), ...Array.from({ length: 20 }, () => '900')];
    await paste(page, latencies.join('\n'));
    await expect.poll(() => widget.locator('[data-summary]').textContent()).toMatch(/^p50 40\.0 ms/);
    expect(await widget.locator('textarea[name="data"]').inputValue()).toBe(latencies.join('\n'));
    expect(await widget.locator('[data-problem-for="data"]').textContent()).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses text dropped into a box over its limits, and lets a drop within them through', async () => {
    const { page, widget, errors } = await open();
    const drop = (lines: number) =>
      widget.locator('textarea[name="data"]').evaluate((box, count) => {
        const data = new DataTransfer();
        data.setData('text/plain', Array.from({ length: count }, () => '40').join('\n'));
        const event = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
        box.dispatchEvent(event);
        return event.defaultPrevented;
      }, lines);
    expect(await drop(25_000)).toBe(true);
    // Wherever it lands, the drop adds its lines to the box's 20.
    expect(await widget.locator('[data-problem-for="data"]').textContent()).toBe(
      'Nothing was dropped: Your latencies in ms (one per line or comma-separated) would then hold 25,019 lines; it takes at most 3,000.',
    );
    expect(await drop(100)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});
