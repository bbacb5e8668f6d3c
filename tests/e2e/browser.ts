/**
 * Chromium for the browser tests, driven by playwright-core. Looks for CHROME_PATH, Debian's
 * chromium, then Google Chrome. Without one the tests are skipped with a loud notice, except
 * under CI=true, where a missing browser fails the run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  type Disposable,
  type Page,
} from 'playwright-core';
import { chromePath, testChromePath } from '../../scripts/chrome.ts';

if (!testChromePath) {
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

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // One local origin needs no process per site: a new context costs a third less CPU.
  '--disable-site-isolation-trials',
  '--disable-features=site-per-process,IsolateOrigins',
];

/**
 * The headless shell every test file of this worker shares (vitest runs them one after another
 * in the same process, see vitest.config.ts): starting a browser costs about a CPU-second.
 */
let workerBrowser: Promise<Browser> | undefined;

/**
 * describe() that runs only when a browser exists. Files share the worker's browser; each file's
 * contexts and tabs are closed when it ends. `args` go to Chromium's command line (a fake
 * microphone, for instance), and `full` runs the full browser instead of the headless shell, for
 * what the shell lacks (recording audio): such a file starts a browser of its own.
 */
export function describeInBrowser(
  name: string,
  body: (ctx: { browser: () => Browser; url: (path?: string) => string }) => void,
  { args = [], full = false }: { args?: readonly string[]; full?: boolean } = {},
) {
  (testChromePath ? describe : describe.skip)(name, () => {
    const own = full || args.length > 0;
    let browser: Browser;
    beforeAll(async () => {
      const launch = () =>
        chromium
          .launch({
            executablePath: full ? (chromePath ?? testChromePath) : testChromePath,
            args: [...LAUNCH_ARGS, ...args],
          })
          .then(withoutServiceWorkers);
      browser = await (own ? launch() : (workerBrowser ??= launch()));
    });
    afterAll(async () => {
      if (!browser) return;
      if (own || !browser.isConnected()) {
        await browser.close();
        if (!own) workerBrowser = undefined;
        return;
      }
      // Leave the shared browser as the next file expects it: no context of this file, and no tab
      // but the blank one kept for the next test (see freshPage).
      const shared = await sharedContexts.get(browser);
      for (const context of browser.contexts())
        if (context === shared) await closeBusyTabs(context);
        else await context.close();
    });
    body({ browser: () => browser, url: (path = '') => inject('siteUrl') + path.replace(/^\//, '') });
  });
}

const sharedContexts = new WeakMap<Browser, Promise<BrowserContext>>();

/** A tab freshPage hands out: its init scripts (removed when it is given back) and its real close. */
interface Tab {
  page: Page;
  scripts: Disposable[];
  close: () => Promise<void>;
}
const tabs = new WeakMap<Page, Tab>();
/** Per context, the tab the last test gave back, blank, for the next test. */
const idleTabs = new WeakMap<BrowserContext, Tab>();

async function newTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  const tab: Tab = { page, scripts: [], close: page.close.bind(page) };
  const addInitScript = page.addInitScript.bind(page);
  page.addInitScript = (async (...args: Parameters<Page['addInitScript']>) => {
    const script = await addInitScript(...args);
    tab.scripts.push(script);
    return script;
  }) as Page['addInitScript'];
  // A test's close() gives the tab back, blank and without what the test attached to it.
  page.close = async () => {
    try {
      await blank(tab);
      idleTabs.set(context, tab);
    } catch {
      await tab.close(); // a crashed tab is not worth keeping
    }
  };
  tabs.set(page, tab);
  return tab;
}

/** Leaves a tab as a new one is: no document, session storage, listeners, routes or init scripts. */
async function blank({ page, scripts }: Tab) {
  page.removeAllListeners();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  for (const script of scripts.splice(0)) await script.dispose();
  // Session storage belongs to the tab, so the wipe in freshPage misses it; and leaving a chapter
  // writes to it (Starlight keeps the sidebar's state there): clear it from a page without scripts.
  await page.goto(new URL('robots.txt', inject('siteUrl')).href);
  await page.evaluate(() => sessionStorage.clear());
  await page.goto('about:blank');
  // Where a new tab's pointer is, so no element of the next page starts out hovered.
  await page.mouse.move(0, 0);
}

/** Really closes every tab of the shared context but the idle one: those a test left open. */
async function closeBusyTabs(context: BrowserContext) {
  const idle = idleTabs.get(context)?.page;
  for (const page of context.pages()) if (page !== idle) await (tabs.get(page)?.close ?? (() => page.close()))();
}

/**
 * A tab for one test, as new: in a browser context that the file's tests share, with everything the
 * site saved in this browser (local storage, IndexedDB, caches) wiped first, so the test starts
 * from an empty browser, as in a context of its own, for a fraction of the CPU. A new context costs
 * about 1.1 CPU-seconds, and its first page load fetches and compiles every script and style again;
 * a new tab costs 0.3 and starts a renderer process whose own caches (decoded scripts and styles)
 * are cold. So the tab the last test closed is reused, made blank and stripped of its listeners,
 * routes and init scripts: that halved the CPU of the widget tests. The clipboard is allowed, as
 * for a reader who clicked "Copy link".
 */
export async function freshPage(
  browser: Browser,
  {
    viewport = { width: 1280, height: 900 },
    colorScheme = 'light' as 'light' | 'dark',
    context: own,
  }: {
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    /** A context of the test file's own instead, for what cannot be undone in one (a fake clock). */
    context?: BrowserContext;
  } = {},
): Promise<Page> {
  let shared = sharedContexts.get(browser);
  if (!shared && !own) {
    shared = browser.newContext().then(async (context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      return context;
    });
    sharedContexts.set(browser, shared);
  }
  const context = own ?? (await shared!);
  const idle = idleTabs.get(context);
  idleTabs.delete(context);
  const tab = idle && !idle.page.isClosed() ? idle : await newTab(context);
  const { page } = tab;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(inject('siteUrl')).origin, storageTypes: 'all' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ media: null, colorScheme, reducedMotion: null, forcedColors: null, contrast: null });
  return page;
}

/** Resolves once the page has drawn two more frames: what changed before the call is on screen. */
export async function drawn(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
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
/** The WCAG rules whose outcome depends on colors, and so on the theme. */
const THEME_RULES = ['color-contrast', 'link-in-text-block'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Makes axe part of every page the context opens, before the page's own scripts: for a context
 * that scans page after page (the crawl), this costs a fifth of a CPU-second less per page than
 * sending axe's source to each page after it loads.
 */
export async function preloadAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

/**
 * axe's WCAG 2.1 AA violations on the page as readable lines (none: an empty list). `include`
 * scans one part of the page; `rules` runs only those rules.
 */
export async function axeViolations(page: Page, options: { include?: string; rules?: string[] } = {}) {
  return (await scan(page, options)).violations;
}

/**
 * The looks whose contrast axe has judged, per theme: a look is what a color rule reads of an
 * element (text color, font size and weight, the backgrounds behind it and, for a link, how it
 * stands out from the text around it). Elements that look alike have the same contrast, so the color
 * rules run on one element per look not judged yet; a record shared across pages (the crawl) checks
 * each look once. The color rules were three quarters of axe's time on a page, and a chapter repeats
 * a dozen looks thousands of times.
 */
export type JudgedLooks = Record<'light' | 'dark', Set<string>>;
export const noLooksJudged = (): JudgedLooks => ({ light: new Set(), dark: new Set() });

interface ScanOptions {
  include?: string;
  /** Run only these rules (default: every WCAG 2.1 AA rule). */
  rules?: string[];
  /**
   * Run the color rules on one element per look not in this list, and not at all if every look is
   * in it; the other rules run on every element as usual.
   */
  judged?: Set<string>;
}

async function scan(page: Page, { include, rules, judged }: ScanOptions) {
  // axe runs inside the page, injected once per document (sending and compiling its 0.5 MB source
  // for every scan was a third of the whole-site crawl). It does not look into iframes; the site
  // has none, and this keeps it honest.
  const frames = await page.locator('iframe').count();
  if (frames > 0) throw new Error(`${page.url()} has ${frames} iframe(s): axe would not scan them`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // A long chapter lays out its blocks in steps (Head.astro), skipping those off screen until their
  // turn; axe judges the page as it ends up, so lay out the rest now, as printing does.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await codeBlocksSettled(page);
  const result = await page.evaluate(
    async ({ include, rules, tags, themeRules, judged }) => {
      type Axe = typeof import('axe-core') & { _audit: { rules: { id: string; selector: string }[] } };
      const axe = (window as unknown as { axe: Axe }).axe;
      const roots = include ? [...document.querySelectorAll(include)] : [document.body];
      const lookOf = new Map<Element, string>();
      if (judged) {
        const known = new Set(judged);
        const NEUTRAL = 'rgba(0, 0, 0, 0)|none|1|none|normal';
        const backdrops = new Map<Element, string>();
        // What shows behind an element, as its ancestors paint it: each background, opacity, filter and blend.
        const backdrop = (el: Element | null): string => {
          if (!el) return '';
          let look = backdrops.get(el);
          if (look === undefined) {
            const s = getComputedStyle(el);
            const own = `${s.backgroundColor}|${s.backgroundImage}|${s.opacity}|${s.filter}|${s.mixBlendMode}`;
            look = (own === NEUTRAL ? '' : `${own} < `) + backdrop(el.parentElement);
            backdrops.set(el, look);
          }
          return look;
        };
        const blockOf = (el: Element) => {
          let block = el.parentElement ?? el;
          while (block.parentElement && getComputedStyle(block).display.startsWith('inline'))
            block = block.parentElement;
          return block;
        };
        const visited = new Set<Element>();
        const sample = new Map<string, { el: Element; link: Element | null; length: number }>();
        for (const root of roots) {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            const el = text.parentElement;
            if (!el || visited.has(el) || !text.textContent?.trim()) continue;
            visited.add(el);
            // Hidden or visually hidden text (1 px screen-reader text) is not judged, so it must not
            // stand in for the text a reader sees.
            const box = el.getBoundingClientRect();
            const shown = el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
            if (box.width <= 1 || box.height <= 1 || !shown) continue;
            const s = getComputedStyle(el);
            let look = `${s.color}|${s.fontSize}|${s.fontWeight}|${s.textShadow} on ${backdrop(el)}`;
            const link = el.closest('a');
            if (link) {
              const l = getComputedStyle(link);
              const block = blockOf(link);
              const inText = (block.textContent ?? '').trim().length > (link.textContent ?? '').trim().length;
              look += ` link ${l.color}|${l.textDecorationLine}|${l.borderBottomStyle}|${l.fontWeight}`;
              look += ` in ${getComputedStyle(block).color}|${inText}`;
            }
            // Of a new look, the element with the longest text: axe cannot judge one letter.
            const length = text.textContent.trim().length;
            if (!known.has(look) && length > (sample.get(look)?.length ?? 0)) sample.set(look, { el, link, length });
          }
        }
        for (const [look, { el, link }] of sample) {
          lookOf.set(el, look);
          if (link) lookOf.set(link, look);
        }
        const onlyColor = rules?.every((id) => themeRules.includes(id));
        if (lookOf.size === 0 && onlyColor) return { violations: [], judged: [] };
      }
      // The color rules go to the sampled elements by a selector, within the same run as the other
      // rules: each axe run builds its own model of the whole page (and the color rules a grid of
      // it), which cost as much as the rules themselves.
      const MARK = 'data-axe-look';
      const sampled = lookOf.size > 0;
      const selectors = new Map(axe._audit.rules.map((rule) => [rule.id, rule.selector]));
      for (const el of lookOf.keys()) el.setAttribute(MARK, '');
      if (sampled)
        axe.configure({
          rules: themeRules.map((id) => ({
            id,
            selector: selectors
              .get(id)!
              .split(',')
              .map((part) => `${part.trim() === '*' ? '' : part.trim()}[${MARK}]`)
              .join(', '),
          })),
        });
      const skip = judged && !sampled ? themeRules : [];
      try {
        const { violations, passes, incomplete } = await axe.run(include ? { include: [include] } : document, {
          runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
          rules: Object.fromEntries(skip.map((id) => [id, { enabled: false }])),
          // Only violations are read (and, for looks, the elements looked at), so axe skips building
          // the node details of the rest; a selector is worked out for a violation only (below).
          resultTypes: sampled ? ['violations', 'passes', 'incomplete'] : ['violations'],
          elementRef: sampled,
          selectors: !sampled,
        });
        // Where an element is, for a violation's message: its tag, id and classes, and its parents'.
        const where = (el: Element | null, depth = 3): string =>
          !el || depth === 0 || el === document.body
            ? ''
            : `${where(el.parentElement, depth - 1)} ${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList]
                .slice(0, 2)
                .map((c) => `.${c}`)
                .join('')}`.trim();
        // A look is judged once axe has looked at the contrast of an element of it. As in a scan of
        // every element, "needs review" (text under a sticky bar, a lone letter) is not a failure.
        const seen = [...violations, ...passes, ...incomplete]
          .filter((r) => r.id === 'color-contrast')
          .flatMap((r) => r.nodes.map((n) => lookOf.get(n.element as Element)));
        return {
          violations: violations.map(
            (v) =>
              `${v.id} (${v.impact}) ${v.help}: ${v.nodes
                .slice(0, 3)
                .map((n) => (sampled ? where(n.element as Element) : n.target.join(' ')))
                .join(' | ')}`,
          ),
          judged: [...new Set(seen)].filter((look) => look !== undefined),
        };
      } finally {
        for (const el of lookOf.keys()) el.removeAttribute(MARK);
        if (sampled) axe.configure({ rules: themeRules.map((id) => ({ id, selector: selectors.get(id)! })) });
      }
    },
    { include, rules, tags: WCAG_21_AA, themeRules: THEME_RULES, judged: judged && [...judged] },
  );
  for (const look of result.judged) judged?.add(look);
  return result;
}

/**
 * Resolves once Expressive Code has made each wide code block on screen focusable (a debounced
 * script does it after load), so that axe sees the page a reader's keyboard gets. Every scan waits
 * for it: a scan that came first failed on a fast machine ("scrollable-region-focusable").
 */
async function codeBlocksSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.expressive-code pre')]
        .filter((pre) => pre.checkVisibility()) // code in a closed <details> is not on screen
        .every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')),
    null,
    { timeout: 15_000 },
  );
}

/** Switches Starlight to a theme the way its picker does, and the media query with it. */
async function useTheme(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme });
  await page.evaluate((theme) => {
    document.documentElement.dataset.theme = theme;
  }, scheme);
}

/**
 * axe on the page as it is now, in the light theme and then in the dark one, each line prefixed
 * with its theme. A theme changes colors only, so the dark pass runs the color rules alone; in both,
 * those run on one element per look not yet in `judged` (see JudgedLooks).
 */
export async function axeInBothThemes(page: Page, include?: string, judged = noLooksJudged()): Promise<string[]> {
  await useTheme(page, 'light');
  const light = (await scan(page, { include, judged: judged.light })).violations;
  await useTheme(page, 'dark');
  const dark = (await scan(page, { include, rules: THEME_RULES, judged: judged.dark })).violations;
  return [...light.map((v) => `light: ${v}`), ...dark.map((v) => `dark: ${v}`)];
}
