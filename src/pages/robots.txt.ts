// robots.txt with the sitemap's absolute URL, which depends on SITE_URL and BASE_PATH.
import type { APIRoute } from 'astro';
import { withBase } from '../site/paths.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(withBase('/sitemap-index.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
