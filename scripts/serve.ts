/**
 * A small static server for the built site, mounted under the same base path the site was
 * built for (BASE_PATH), the way GitHub Pages serves a project site: trailing-slash redirects, the
 * 404 page, and gzip for text, so the benchmark's page weights and Lighthouse runs see what a reader
 * downloads. Used by `npm start`, the browser tests and the benchmark.
 * Usage: node scripts/serve.ts [--port 4321]
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { normalizeBase } from '../src/site/paths.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Types worth compressing; images, fonts and Pagefind's files are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml|wasm)|image\/svg)/;

/**
 * Vite names the files in _astro/ by their content, so a browser may keep them for good, as a CDN
 * in front of the site would tell it to: a second page then reuses the scripts and styles it has
 * already compiled. Pages and everything else are fetched again each time.
 */
const IMMUTABLE = /\/_astro\//;

const gzipCache = new Map<string, Buffer>();

/** A file gzipped once per version (keyed by modification time, so a rebuild is picked up). */
async function compressed(file: string): Promise<Buffer> {
  const key = `${file}@${(await stat(file)).mtimeMs}`;
  let body = gzipCache.get(key);
  if (!body) gzipCache.set(key, (body = gzipSync(await readFile(file))));
  return body;
}

async function fileFor(dir: string, path: string): Promise<string | null> {
  const full = join(dir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
  for (const candidate of [full, join(full, 'index.html')]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

export function serve({ dir = 'dist', base = '/', port = 4321 } = {}): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    const file = await fileFor(dir, path.slice(base.length));
    if (file && !path.endsWith('/') && file.endsWith('index.html') && extname(path) === '') {
      res.writeHead(301, { location: `${path}/${url.search}` }).end(); // as GitHub Pages does
      return;
    }
    const target = file ?? join(dir, '404.html');
    const type = TYPES[extname(target)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    const body = gzip ? await compressed(target) : await readFile(target);
    res.writeHead(file ? 200 : 404, {
      'content-type': type,
      vary: 'accept-encoding',
      ...(gzip && { 'content-encoding': 'gzip' }),
      ...(file && IMMUTABLE.test(path) && { 'cache-control': 'public, max-age=31536000, immutable' }),
    });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 4321;
  const base = normalizeBase(process.env.BASE_PATH);
  await serve({ base, port });
  console.log(`Serving dist/ at http://localhost:${port}${base}  (Ctrl+C to stop)`);
}
