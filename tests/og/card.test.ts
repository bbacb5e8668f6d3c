import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardSvg, escapeXml, layoutTitle, ogImagePath, SITE_NAME, wrapText } from '../../src/og/card.ts';

describe('wrapText', () => {
  it('wraps greedily at word boundaries', () => {
    expect(wrapText('Training and debugging', 12, 3)).toEqual({
      lines: ['Training and', 'debugging'],
      truncated: false,
    });
    expect(wrapText('  one   two ', 20, 1)).toEqual({ lines: ['one two'], truncated: false });
    expect(wrapText('', 10, 2)).toEqual({ lines: [], truncated: false });
  });

  it('cuts a word longer than a line and ends overflowing text with an ellipsis', () => {
    expect(wrapText('abcdefghij', 4, 3)).toEqual({ lines: ['abcd', 'efgh', 'ij'], truncated: false });
    expect(wrapText('aaa bbb ccc ddd', 7, 1)).toEqual({ lines: ['aaa bb…'], truncated: true });
    expect(wrapText('aaa bbb ccc ddd', 8, 1)).toEqual({ lines: ['aaa bbb…'], truncated: true });
    expect(() => wrapText('x', 1, 1)).toThrow(RangeError);
  });
});

describe('layoutTitle', () => {
  it('uses the largest size at which the title fits in three lines', () => {
    expect(layoutTitle('Glossary')).toEqual({ size: 72, lines: ['Glossary'] });
    // 23 characters a line at 72 px would need four lines; 26 at 64 px fit it in three.
    expect(layoutTitle('Features, feature stores and point-in-time correctness')).toEqual({
      size: 64,
      lines: ['Features, feature stores', 'and point-in-time', 'correctness'],
    });
    const huge = layoutTitle('word '.repeat(60));
    expect(huge.size).toBe(48);
    expect(huge.lines[2].endsWith('…')).toBe(true);
  });
});

describe('cardSvg', () => {
  it('escapes text and uses only a generic font', () => {
    const svg = cardSvg({
      site: SITE_NAME,
      section: 'Lifecycle',
      title: 'A/B tests & <metrics>',
      description: 'Say "why".',
    });
    expect(svg).toContain('A/B tests &amp; &lt;metrics&gt;');
    expect(svg).toContain('Say &quot;why&quot;.');
    expect(svg).toContain('LIFECYCLE');
    expect(svg).not.toMatch(/@import|url\(|font-face|href=/);
    expect([...svg.matchAll(/font-family="([^"]+)"/g)].every((m) => m[1] === 'sans-serif')).toBe(true);
    expect(escapeXml(`'`)).toBe('&apos;');
  });

  it('leaves out the section line on the landing page', () => {
    expect(cardSvg({ site: SITE_NAME, section: '', title: 'Home', description: 'd' })).not.toContain('letter-spacing');
  });
});

describe('ogImagePath and the site name', () => {
  it('maps page ids to image paths', () => {
    expect(ogImagePath('lifecycle/evaluation')).toBe('og/lifecycle/evaluation.png');
    expect(ogImagePath('index')).toBe('og/index.png');
    expect(ogImagePath('')).toBe('og/index.png');
  });

  it('uses the title from astro.config.mjs', () => {
    expect(readFileSync('astro.config.mjs', 'utf8')).toContain(`title: '${SITE_NAME}'`);
  });
});
