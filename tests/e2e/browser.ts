/**
 * Chromium for the browser tests, driven by playwright-core. Looks for CHROME_PATH, Debian's
 * chromium, then Google Chrome. Without one the tests are skipped with a loud notice, except
 * under CI=true, where a missing browser fails the run.
 */
import { afterAll, beforeAll, describe, inject } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type ConsoleMessage, type Page } from 'playwright-core';
import { chromePath } from '../../scripts/chrome.ts';

if (!chromePath) {
  const message = 'NO CHROMIUM FOUND: browser tests cannot run. Install chromium or set CHROME_PATH.';
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n!! Browser tests are SKIPPED.\n${'!'.repeat(78)}\n`);
}

/**
 * The browser with service workers blocked unless a context asks for them (offline.test.ts does):
 * the site's worker would otherwise download the whole site behind every test, and answer a
 * test's later pages from its cache instead of the server under test.
 */
function withoutServiceWorkers(browser: Browser): Browser {
  return new Proxy(browser, {
    get(target, property) {
      if (property === 'newContext' || property === 'newPage')
        return (options: BrowserContextOptions = {}) => target[property]({ serviceWorkers: 'block', ...options });
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * describe() that runs only when a browser exists, sharing one browser per file. `extraArgs` go to
 * Chromium's command line (a fake microphone, for instance).
 */
export function describeInBrowser(
  name: string,
  body: (ctx: { browser: () => Browser; url: (path?: string) => string }) => void,
  extraArgs: readonly string[] = [],
) {
  (chromePath ? describe : describe.skip)(name, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = withoutServiceWorkers(
        await chromium.launch({
          executablePath: chromePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            ...extraArgs,
          ],
        }),
      );
    });
    afterAll(async () => browser?.close());
    body({ browser: () => browser, url: (path = '') => inject('siteUrl') + path.replace(/^\//, '') });
  });
}

/** Records console errors, uncaught exceptions and failed requests of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`exception: ${err.message}`));
  page.on('requestfailed', (req) => {
    // Aborted means the browser dropped it on leaving the page; a missing file shows up as an HTTP 404.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED')
      errors.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe's WCAG 2.1 AA violations on the page as readable lines (none: an empty list). `include`
 * scans one part of the page; `rules` runs only those rules.
 */
export async function axeViolations(page: Page, options: { include?: string; rules?: string[] } = {}) {
  // Legacy mode runs axe inside the page instead of opening a helper page per scan, which halves
  // the whole-site crawl. It skips iframes; the site has none, and this keeps it honest.
  const frames = await page.locator('iframe').count();
  if (frames > 0) throw new Error(`${page.url()} has ${frames} iframe(s): scan it without legacy mode`);
  // Only violations are read, so axe skips building the full node details of passes and the rest.
  // options() replaces the whole options object, so it goes before withTags, which adds runOnly to it.
  let axe = new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_21_AA)
    .setLegacyMode(true);
  if (options.include) axe = axe.include(options.include);
  if (options.rules) axe = axe.withRules(options.rules);
  const { violations } = await axe.analyze();
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}) ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}
