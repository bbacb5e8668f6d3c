// The local server of the built site (scripts/serve.ts): the base path, GitHub Pages' redirects
// and 404, gzip, and long caching only for the content-named files in _astro/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.ts';

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'));
  mkdirSync(join(dir, '_astro'));
  mkdirSync(join(dir, 'guide'));
  writeFileSync(join(dir, '_astro', 'page.Ab12Cd.js'), 'console.log(1);');
  writeFileSync(join(dir, 'guide', 'index.html'), '<h1>Guide</h1>');
  writeFileSync(join(dir, '404.html'), '<h1>Not found</h1>');
  server = await serve({ dir, base: '/site/', port: 0 });
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

it('lets a browser keep the content-named scripts and styles, and asks again for pages', async () => {
  const script = await fetch(`${origin}/site/_astro/page.Ab12Cd.js`);
  expect(script.status).toBe(200);
  expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(script.headers.get('content-encoding')).toBe('gzip');
  expect(await script.text()).toBe('console.log(1);');
  const page = await fetch(`${origin}/site/guide/`);
  expect(page.status).toBe(200);
  expect(page.headers.get('cache-control')).toBeNull();
});

it('redirects as GitHub Pages does and serves the 404 page, never cached', async () => {
  const bare = await fetch(`${origin}/site/guide?x=1`, { redirect: 'manual' });
  expect([bare.status, bare.headers.get('location')]).toEqual([301, '/site/guide/?x=1']);
  const missing = await fetch(`${origin}/site/_astro/gone.js`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('cache-control')).toBeNull();
  expect(await missing.text()).toContain('Not found');
});
