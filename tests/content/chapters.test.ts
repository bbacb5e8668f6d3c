// Content integrity over every chapter: frontmatter, KaTeX (strict), diagrams drawn at build
// time and parsed by the real mermaid parser, and links to existing pages and headings.
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/check-content.ts';
import { DOCS_DIR } from '../../src/site/paths.ts';

describe('content', () => {
  it('has no problems in any chapter', async () => {
    expect(await checkContent([DOCS_DIR])).toEqual([]);
  }, 300_000);
});
