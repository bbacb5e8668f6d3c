/**
 * Starlight route middleware: hero buttons are written in frontmatter as site paths
 * ("/start/how-to-use/"), which the Markdown pipeline never sees; prefix them with the base
 * here so the landing and 404 pages work under a GitHub Pages project path too.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { normalizeBase, withBase } from './markdown/base-path';

export const onRequest = defineRouteMiddleware((context) => {
  const base = normalizeBase(import.meta.env.BASE_URL);
  for (const action of context.locals.starlightRoute.entry.data.hero?.actions ?? []) {
    action.link = withBase(action.link, base);
  }
});
