/**
 * One social preview image per docs page, rendered at build time: /og/<page id>.png. The card is an
 * SVG (src/og/card.ts) rasterised by sharp with the machine's generic sans-serif font, so the build
 * needs no network and no font files. route-data.ts points each page's og:image at its card.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import sharp from 'sharp';
import { sectionLabelOf } from '../../site/sections.ts';
import { cardSvg, ogImagePath, SITE_NAME } from '../../og/card.ts';

export const getStaticPaths = (async () => {
  const entries = await getCollection('docs');
  return entries.map((entry) => {
    const slug = ogImagePath(entry.id)
      .replace(/^og\//, '')
      .replace(/\.png$/, '');
    const section = sectionLabelOf(entry.id);
    return {
      params: { slug },
      props: { section, title: entry.data.title, description: entry.data.description },
    };
  });
}) satisfies GetStaticPaths;

type Props = { section: string; title: string; description: string };

export const GET: APIRoute<Props> = async ({ props }) => {
  const svg = cardSvg({ site: SITE_NAME, ...props });
  // Default zlib level: about 20 ms and 70 kB a card. A palette PNG is half the size but takes five
  // times as long, which across every page costs more build time than the bytes are worth.
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
