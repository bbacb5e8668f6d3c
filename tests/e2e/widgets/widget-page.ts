/** Helpers for widget browser tests: open a page with a widget, read readouts, type into controls. */
import type { Browser, Locator, Page } from 'playwright-core';
import { axeInBothThemes, drawn, freshPage, watchErrors } from '../browser.ts';

export async function openWidget(browser: Browser, pageUrl: string, tag: string, width = 1280) {
  const page = await freshPage(browser, { viewport: { width, height: 900 } });
  const errors = watchErrors(page);
  await page.goto(pageUrl, { waitUntil: 'load' });
  const widget = page.locator(tag).first();
  await widget.scrollIntoViewIfNeeded();
  await settled(page, tag);
  return { page, widget, errors, close: () => page.close() };
}

/**
 * Waits until the widgets named `tag` are defined and drawn: a shared link re-renders once the view
 * has loaded (in a worker for the slow ones), and the widget is aria-busy until then. Call it after
 * a page load or reload.
 */
export async function settled(page: Page, tag: string) {
  await page.evaluate((name) => customElements.whenDefined(name), tag);
  await page.locator(`${tag}[aria-busy="true"]`).first().waitFor({ state: 'detached', timeout: 15_000 });
}

/** The text of the readout labelled `name` (a <dt>/<dd> pair). */
export async function readout(widget: Locator, name: string): Promise<string> {
  return (
    (await widget
      .locator('.widget-readouts div', { has: widget.page().locator(`dt:text-is("${name}")`) })
      .locator('dd')
      .textContent()) ?? ''
  );
}

/**
 * Types into the number box (or text area, select) of a field, as a reader would, and waits until
 * the widget has drawn: once its view is loaded, the widget answers within the input event, so two
 * frames later the output, the URL and any problem message are up to date (a worker's answer can
 * come later: poll for it). No fixed sleep.
 */
export async function setField(widget: Locator, name: string, value: string) {
  const control = widget
    .locator(
      `input[type=number][name="${name}"], textarea[name="${name}"], select[name="${name}"], input[type=text][name="${name}"]`,
    )
    .first();
  if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
  else await control.fill(value);
  await afterRender(widget);
}

/** Resolves once the frame in which the widget renders has passed. */
export async function afterRender(widget: Locator) {
  await drawn(widget.page());
}

export async function widgetText(widget: Locator): Promise<string> {
  return (await widget.textContent()) ?? '';
}

export function noBadNumbers(text: string): boolean {
  return !/\bNaN\b|Infinity|undefined/.test(text);
}

export type { Page };

/** Whether the widget fits its column without sideways scrolling (a 360 px screen). */
export async function fitsWidth(widget: Locator): Promise<boolean> {
  return widget.locator('section.widget').evaluate((el) => el.scrollWidth <= el.clientWidth);
}

/** A page load, a preset and two axe scans of a long chapter: minutes on a busy 2-core machine. */
export const NARROW_CHECK_TIMEOUT = 150_000;

/**
 * A widget on a 360 px screen after a preset: opens the page, clicks the preset, waits until
 * `settled` resolves (a readout polled to its value), and reports whether the widget fits its
 * column, axe in both themes, and the page's errors. Expect { fits: true, axe: [], errors: [] }.
 */
export async function presetOnNarrowScreen(
  browser: Browser,
  pageUrl: string,
  tag: string,
  preset: string,
  settled: (widget: Locator) => Promise<unknown>,
) {
  const { widget, errors, page, close } = await openWidget(browser, pageUrl, tag, 360);
  await widget.locator('button', { hasText: preset }).click();
  await settled(widget);
  const result = { fits: await fitsWidth(widget), axe: await axeInBothThemes(page, tag), errors };
  await close();
  return result;
}
