/**
 * Social preview cards: the SVG for one page's 1200x630 og:image (rasterised to PNG at build time by
 * src/pages/og/[...slug].png.ts), and where each page's image lives. Pure string work: no fonts are
 * loaded, so widths are estimated from the font size, with margins wide enough for DejaVu Sans, the
 * usual fallback for `sans-serif` on Linux build machines.
 */

/** Starlight's `title` in astro.config.mjs (a unit test keeps the two equal). */
export const SITE_NAME = 'ML System Design Guide';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;

/** Average advance of a character as a share of the font size (bold sans-serif, generous). */
const BOLD_EM = 0.62;
const REGULAR_EM = 0.56;

/** Site path of a page's card, without the base: entry id "lifecycle/evaluation" -> "og/lifecycle/evaluation.png". */
export function ogImagePath(entryId: string): string {
  const id = entryId.replace(/^\/+|\/+$/g, '');
  return `og/${id === '' ? 'index' : id}.png`;
}

/**
 * Greedy word wrap to lines of at most `maxChars` characters and at most `maxLines` lines; a word
 * longer than a line is cut, and text that does not fit ends with an ellipsis.
 * Example: wrapText("Training and debugging", 12, 3) -> ["Training and", "debugging"].
 */
export function wrapText(text: string, maxChars: number, maxLines: number): { lines: string[]; truncated: boolean } {
  if (maxChars < 2 || maxLines < 1) throw new RangeError('wrapText needs maxChars >= 2 and maxLines >= 1.');
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > maxChars) {
      if (line) lines.push(line);
      lines.push(word.slice(0, maxChars));
      word = word.slice(maxChars);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length + 1 > maxChars ? last.slice(0, maxChars - 1).trimEnd() : last}…`;
  return { lines: kept, truncated: true };
}

/**
 * The title's font size and lines: the largest size (72, 64, 56, 48 px) at which it fits in three
 * lines, else 48 px with an ellipsis.
 */
export function layoutTitle(title: string): { size: number; lines: string[] } {
  for (const size of [72, 64, 56, 48]) {
    const maxChars = Math.floor(TEXT_WIDTH / (size * BOLD_EM));
    const { lines, truncated } = wrapText(title, maxChars, 3);
    if (!truncated) return { size, lines };
  }
  return { size: 48, lines: wrapText(title, Math.floor(TEXT_WIDTH / (48 * BOLD_EM)), 3).lines };
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

export interface CardText {
  site: string;
  /** Section label ("Monitoring"); empty for the landing page. */
  section: string;
  title: string;
  description: string;
}

const LOGO = `<rect width="32" height="32" rx="7" fill="#4f46e5"/><circle cx="9" cy="10" r="3" fill="#fff"/><circle cx="9" cy="22" r="3" fill="#fff"/><circle cx="23" cy="16" r="3.5" fill="#fbbf24"/><path d="M11.5 11.2 20 15M11.5 20.8 20 17" stroke="#fff" stroke-width="2" stroke-linecap="round"/>`;

/** The card as an SVG document: site name and logo, section, wrapped title, a two-line description. */
export function cardSvg({ site, section, title, description }: CardText): string {
  const { size, lines } = layoutTitle(title);
  const lineHeight = Math.round(size * 1.15);
  const descSize = 30;
  const desc = wrapText(description, Math.floor(TEXT_WIDTH / (descSize * REGULAR_EM)), 2).lines;
  // Title block sits in the middle band; the description follows it.
  const sectionY = 215;
  const titleTop = sectionY + 30 + size;
  const descTop = titleTop + (lines.length - 1) * lineHeight + 36 + descSize;
  const text = (x: number, y: number, attrs: string, content: string) =>
    `<text x="${x}" y="${y}" ${attrs}>${escapeXml(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#17181c"/>`,
    `<rect width="${CARD_WIDTH}" height="12" fill="#4f46e5"/>`,
    `<g transform="translate(${MARGIN} 64) scale(2)">${LOGO}</g>`,
    text(MARGIN + 84, 108, 'font-family="sans-serif" font-size="32" font-weight="700" fill="#ffffff"', site),
    section
      ? text(
          MARGIN,
          sectionY,
          'font-family="sans-serif" font-size="30" font-weight="700" fill="#a5b4fc" letter-spacing="2"',
          section.toUpperCase(),
        )
      : '',
    ...lines.map((line, i) =>
      text(
        MARGIN,
        titleTop + i * lineHeight,
        `font-family="sans-serif" font-size="${size}" font-weight="700" fill="#ffffff"`,
        line,
      ),
    ),
    ...desc.map((line, i) =>
      text(
        MARGIN,
        descTop + i * Math.round(descSize * 1.35),
        `font-family="sans-serif" font-size="${descSize}" fill="#c0c2c7"`,
        line,
      ),
    ),
    `</svg>`,
  ].join('');
}
