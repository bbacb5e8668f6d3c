// Offline and installable (src/integrations/service-worker.ts, src/components/starlight/Head.astro):
// after one visit, every page, search, a widget, a drill and the study tools work with the network
// off; a new deployment shows a "new version" notice whose button reloads onto it.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, describeInBrowser, watchErrors } from './browser.ts';
import { sitemapPaths } from './sitemap.ts';
import { E2E_BASE, E2E_DIST } from './env.ts';
import { readout, setField } from './widgets/widget-page.ts';

/** Opens `start` in a fresh profile with service workers allowed; resolves once the worker controls it. */
async function firstVisit(newContext: () => Promise<BrowserContext>, start: string) {
  const context = await newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(start, { waitUntil: 'load' });
  // The worker installs once the reader first uses the page (here: a turn of the mouse wheel).
  await page.mouse.move(400, 400);
  await page.mouse.wheel(0, 300);
  // ready settles once the worker has installed (every precached file fetched) and activated; it
  // then claims the page that installed it.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  return { context, page, errors };
}

describeInBrowser('offline after one visit', ({ browser, url }) => {
  const allow = () => browser().newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 900 } });

  it('serves every page, search, a widget, a drill and the study tools with the network off', async () => {
    const { context, page, errors } = await firstVisit(allow, url('/'));
    expect(await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'))).toBe(
      `${E2E_BASE}manifest.webmanifest`,
    );
    await context.setOffline(true);

    // Every page in the sitemap comes back whole from the worker's cache.
    const statuses = await page.evaluate(
      (paths) => Promise.all(paths.map((p) => fetch(p).then((r) => (r.ok ? 'ok' : `${p}: HTTP ${r.status}`)))),
      sitemapPaths().map((p) => `${E2E_BASE}${p}`),
    );
    expect(statuses.filter((s) => s !== 'ok')).toEqual([]);

    const visit = async (path: string) => {
      await page.goto(url(path), { waitUntil: 'load' });
      expect(await page.locator('h1').first().textContent()).not.toMatch(/not found|offline/i);
    };
    // A text chapter, then search over the offline index.
    await visit('/lifecycle/design-loop/');
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search input').fill('drift');
    await page.locator('#starlight__search .pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');

    // A widget from a shared link (its state in the query), recomputing as an input changes.
    await visit('/monitoring/drift/?dr.bins=5');
    const widget = page.locator('drift-detector').first();
    await widget.scrollIntoViewIfNeeded();
    await page.locator('drift-detector[aria-busy="true"]').waitFor({ state: 'detached', timeout: 15_000 });
    const before = await readout(widget, 'PSI');
    await setField(widget, 'bins', '20');
    await expect.poll(() => readout(widget, 'PSI')).not.toBe(before);

    // A diagram drill and the study tools.
    await visit('/reference/blueprints/');
    await page.locator('.diagram-drill [data-drill-start]').first().click();
    await expect.poll(() => page.locator('.diagram-drill form:not([hidden])').count()).toBe(1);
    await visit('/practice/flashcards/');
    await page.locator('flashcard-deck [data-front]').waitFor();
    await visit('/practice/mock-interview-mode/');
    await page.locator('mock-interview [data-app]').waitFor();
    await visit('/practice/cases/news-feed/');
    await visit('/reference/glossary/');

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  describe('a new deployment', () => {
    // A proxy in front of the site whose sw.js changes when `version` does, as after a deploy.
    let proxy: Server;
    let version = 1;
    const proxied = (path: string) =>
      `http://127.0.0.1:${(proxy.address() as { port: number }).port}${E2E_BASE}${path}`;
    beforeAll(async () => {
      // The update flow needs a worker, not its 25 MB precache (the test above checks that): the
      // proxied worker precaches only the two pages this test opens.
      const precached = (text: string) => [...text.matchAll(/\{url:"([^"]+)",revision:[^}]*\}/g)].map((m) => m[1]);
      const full = readFileSync(`${E2E_DIST}/sw.js`, 'utf8');
      const keep = new Set(['lifecycle/design-loop/index.html', 'reference/blueprints/index.html']);
      const worker = full.replace(/\{url:"([^"]+)",revision:[^}]*\},?/g, (entry, path: string) =>
        keep.has(path) ? entry : '',
      );
      expect(precached(full).length).toBeGreaterThan(100);
      expect(precached(worker).sort()).toEqual([...keep].sort());
      const site = url('/');
      proxy = createServer(async (req, res) => {
        if (req.url === `${E2E_BASE}sw.js`) {
          res.writeHead(200, { 'content-type': 'text/javascript' }).end(`${worker}\n// deployment ${version}\n`);
          return;
        }
        const upstream = await fetch(new URL(req.url ?? '/', site), { redirect: 'manual' });
        const headers = Object.fromEntries(
          [...upstream.headers].filter(
            ([name]) => !['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name),
          ),
        );
        res.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

    it('shows a "new version" notice in every open tab whose button reloads onto it', async () => {
      const { context, page, errors } = await firstVisit(allow, proxied('lifecycle/design-loop/'));
      const other = await context.newPage();
      const otherErrors = watchErrors(other);
      await other.goto(proxied('reference/blueprints/'), { waitUntil: 'load' });
      // The first install is not an update: no notice.
      expect(await page.locator('.sw-update').count()).toBe(0);

      version = 2;
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const notice = (p: Page) => p.getByRole('status').filter({ hasText: 'A new version of this guide is ready.' });
      await notice(page).waitFor({ timeout: 30_000 });
      for (const theme of ['light', 'dark']) {
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        expect(await axeViolations(page, { include: '.sw-update' })).toEqual([]);
      }
      const waitingScript = await page.evaluate(() =>
        navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.scriptURL),
      );
      // "Reload" activates the new worker and reloads onto it ...
      await Promise.all([page.waitForEvent('load'), notice(page).getByRole('button', { name: 'Reload' }).click()]);
      expect(await page.locator('.sw-update').count()).toBe(0);
      const state = () =>
        page.evaluate(() =>
          navigator.serviceWorker.getRegistration().then((r) => [!!r?.waiting, r?.active?.scriptURL]),
        );
      expect(await state()).toEqual([false, waitingScript]);
      // ... and in a tab whose notice came up before that, it simply reloads.
      await notice(other).waitFor();
      await Promise.all([other.waitForEvent('load'), notice(other).getByRole('button', { name: 'Reload' }).click()]);
      expect(await other.locator('.sw-update').count()).toBe(0);
      expect([...errors, ...otherErrors]).toEqual([]);
      await context.close();
    }, 120_000);
  });
});
