// Social preview images: every page names exactly one og:image and twitter:image, its own, and the
// URL serves a 1200x630 PNG.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeInBrowser, freshPage } from '../browser.ts';
import { E2E_DIST } from '../env.ts';

function builtPages(): string[] {
  const xml = readFileSync(`${E2E_DIST}/sitemap-0.xml`, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname.replace(/^\/[^/]+\//, ''));
}

const metas = (html: string, attr: 'property' | 'name', key: string) =>
  [...html.matchAll(new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`, 'g'))].map((m) => m[1]);

describeInBrowser('social preview images', ({ browser, url }) => {
  it('gives every page one og:image and one twitter:image, absolute, pointing at its own card', () => {
    const seen = new Set<string>();
    for (const path of builtPages()) {
      const html = readFileSync(`${E2E_DIST}/${path}index.html`, 'utf8');
      const og = metas(html, 'property', 'og:image');
      const tw = metas(html, 'name', 'twitter:image');
      expect(og, path).toHaveLength(1);
      expect(tw, path).toEqual(og);
      const image = new URL(og[0]);
      expect(image.pathname, path).toBe(`/ml-guide/og/${path.replace(/\/$/, '') || 'index'}.png`);
      expect(seen.has(image.pathname)).toBe(false);
      seen.add(image.pathname);
    }
    expect(seen.size).toBeGreaterThan(70);
  });

  it("serves a page's og:image as a 1200x630 PNG from the local server", async () => {
    const page = await freshPage(browser());
    await page.goto(url('/monitoring/drift/'), { waitUntil: 'domcontentloaded' });
    const content = await page.locator('meta[property="og:image"]').getAttribute('content');
    const local = url(new URL(content!).pathname.replace(/^\/ml-guide\//, '/'));
    const response = await page.request.get(local);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^image\/png/);
    const png = await response.body();
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toBe(
      'Drift and how to detect it, from the ML System Design Guide',
    );
    await page.close();
  });
});
