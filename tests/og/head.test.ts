import { describe, expect, it } from 'vitest';
import { withPageImage, type HeadEntry } from '../../src/og/head.ts';

const meta = (attrs: Record<string, string>): HeadEntry => ({ tag: 'meta', attrs, content: '' });

describe('withPageImage', () => {
  const IMAGE = 'https://example.org/ml-guide/og/lifecycle/evaluation.png';

  it('replaces the site-wide image tags, leaving exactly one og:image and one twitter:image', () => {
    const head = [
      meta({ charset: 'utf-8' }),
      meta({ property: 'og:title', content: 'Evaluation' }),
      meta({ property: 'og:image', content: 'https://example.org/ml-guide/og.png' }),
      meta({ name: 'twitter:image', content: 'https://example.org/ml-guide/og.png' }),
      meta({ name: 'twitter:card', content: 'summary_large_image' }),
    ];
    const out = withPageImage(head, IMAGE, 'Evaluation');
    const images = out.filter((e) => e.attrs?.property === 'og:image' || e.attrs?.name === 'twitter:image');
    expect(images.map((e) => e.attrs?.content)).toEqual([IMAGE, IMAGE]);
    expect(out.map((e) => e.attrs?.property ?? e.attrs?.name ?? e.attrs?.charset)).toEqual([
      'utf-8',
      'og:title',
      'og:image',
      'og:image:type',
      'og:image:width',
      'og:image:height',
      'og:image:alt',
      'twitter:image',
      'twitter:image:alt',
      'twitter:card',
    ]);
    expect(out.find((e) => e.attrs?.property === 'og:image:width')?.attrs?.content).toBe('1200');
    expect(head).toHaveLength(5); // the input is not modified
  });

  it('appends the tags when the head has none', () => {
    const out = withPageImage([meta({ charset: 'utf-8' })], IMAGE, 'alt');
    expect(out[1]).toEqual(meta({ property: 'og:image', content: IMAGE }));
    expect(out).toHaveLength(8);
  });
});
