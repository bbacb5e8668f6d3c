/**
 * Starlight route middleware.
 * - Hero buttons are written in frontmatter as site paths ("/start/how-to-use/"), which the Markdown
 *   pipeline never sees; prefix them with the base here so the landing and 404 pages work under a
 *   GitHub Pages project path too.
 * - Each page's og:image and twitter:image point at its own card (src/pages/og/), an absolute URL
 *   built from the site and base, replacing the site-wide image.
 * - The glossary page's body is rendered from data (src/study/glossary/Glossary.astro), so its table of
 *   contents is filled here with the letters it lists.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { withBase } from './site/paths.ts';
import { ogImagePath, SITE_NAME } from './og/card.ts';
import { withPageImage } from './og/head.ts';
import { glossaryByLetter } from './study/glossary/terms.ts';

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  for (const action of route.entry.data.hero?.actions ?? []) {
    action.link = withBase(action.link);
  }
  if (context.site) {
    const image = new URL(withBase(`/${ogImagePath(route.entry.id)}`), context.site).href;
    route.head = withPageImage(route.head, image, `${route.entry.data.title}, from the ${SITE_NAME}`);
  }
  if (route.entry.id === 'reference/glossary' && route.toc) {
    const letters = (await glossaryByLetter()).map(([letter]) => ({
      depth: 2,
      slug: letter.toLowerCase(),
      text: letter,
      children: [],
    }));
    route.toc.items = [...route.toc.items.filter((item) => item.depth < 2), ...letters];
  }
});
