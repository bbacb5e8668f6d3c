// Rubric items and follow-ups written in inline Markdown become plain text for the study tools.
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/markdown/plain-text.ts';

describe('plainText', () => {
  it('keeps link text, drops emphasis and code marks, resolves escapes and keeps TeX source', () => {
    expect(plainText('About 185 H100s: \\$338k a month, **bold** and [link](/a/b/#c) `code` $x^2$')).toBe(
      'About 185 H100s: $338k a month, bold and link code x^2',
    );
  });

  it('joins blocks with a space and collapses whitespace', () => {
    expect(plainText('One.\n\nTwo\nthree.')).toBe('One. Two three.');
    expect(plainText('')).toBe('');
  });
});
