/**
 * Points a page's social preview tags at its own card. Any image tags already in the head (from a
 * site-wide `head` setting or a page's frontmatter) are replaced, not added to, so every page ends
 * up with exactly one og:image and one twitter:image.
 */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';
import { CARD_HEIGHT, CARD_WIDTH } from './card.ts';

export type HeadEntry = StarlightRouteData['head'][number];

const REPLACED_PROPERTIES = new Set([
  'og:image',
  'og:image:url',
  'og:image:width',
  'og:image:height',
  'og:image:alt',
  'og:image:type',
]);
const REPLACED_NAMES = new Set(['twitter:image', 'twitter:image:alt']);

function isImageTag({ tag, attrs }: HeadEntry): boolean {
  if (tag !== 'meta' || !attrs) return false;
  return REPLACED_PROPERTIES.has(String(attrs.property)) || REPLACED_NAMES.has(String(attrs.name));
}

/**
 * `head` with its image tags replaced by `imageUrl` (absolute) and its size and alt text, placed
 * where the first old image tag was (or at the end).
 */
export function withPageImage(head: readonly HeadEntry[], imageUrl: string, alt: string): HeadEntry[] {
  const meta = (attrs: Record<string, string>): HeadEntry => ({ tag: 'meta', attrs, content: '' });
  const tags = [
    meta({ property: 'og:image', content: imageUrl }),
    meta({ property: 'og:image:type', content: 'image/png' }),
    meta({ property: 'og:image:width', content: String(CARD_WIDTH) }),
    meta({ property: 'og:image:height', content: String(CARD_HEIGHT) }),
    meta({ property: 'og:image:alt', content: alt }),
    meta({ name: 'twitter:image', content: imageUrl }),
    meta({ name: 'twitter:image:alt', content: alt }),
  ];
  const at = head.findIndex(isImageTag);
  const rest = head.filter((entry) => !isImageTag(entry));
  const position = at === -1 ? rest.length : at;
  return [...rest.slice(0, position), ...tags, ...rest.slice(position)];
}
