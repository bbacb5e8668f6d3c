import { describe, expect, it } from 'vitest';
import { collectPage, findBrokenLinks, pagePath, type PageLinks } from '../../src/integrations/check-links.ts';

function site(pages: Record<string, string | null>) {
  return new Map<string, PageLinks | null>(
    Object.entries(pages).map(([file, html]) => [file, html === null ? null : collectPage(html)]),
  );
}

describe('collectPage', () => {
  it('finds ids and the links of a, link, img and script elements', () => {
    const page = collectPage(
      '<h2 id="goals">Goals</h2><a name="old"></a><a href="/g/x/">x</a><link rel="icon" href="/g/f.svg"><img src="i.png"><script src="/g/s.js"></script>',
    );
    expect([...page.ids]).toEqual(['goals', 'old']);
    expect(page.links).toEqual(['/g/x/', '/g/f.svg', 'i.png', '/g/s.js']);
  });
});

describe('pagePath', () => {
  it('maps built files to URLs under the base', () => {
    expect(pagePath('index.html', '/g/')).toBe('/g/');
    expect(pagePath('a/b/index.html', '/g/')).toBe('/g/a/b/');
    expect(pagePath('404.html', '/')).toBe('/404.html');
  });
});

describe('findBrokenLinks', () => {
  const pages = site({
    'index.html':
      '<a href="/g/a/#top">ok</a><a href="a/">relative ok</a><a href="https://x.org/">external</a><a href="#here">self</a><p id="here"></p>',
    'a/index.html':
      '<h1 id="top">A</h1><a href="/g/a/#missing">bad anchor</a><a href="/g/b/">missing page</a><a href="/a/">no base</a><img src="../og.png">',
    'og.png': null,
  });

  it('reports missing pages, missing anchors and links that escape the base', () => {
    expect(findBrokenLinks(pages, '/g/')).toEqual([
      'a/index.html: /g/a/#missing (no element with id "missing")',
      'a/index.html: /g/b/ (no such page or file)',
      'a/index.html: /a/ (outside the base path /g/)',
    ]);
  });

  it('checks that external links are well-formed, without fetching them', () => {
    const external = site({
      'index.html':
        '<a href="https://arxiv.org/abs/1706.03762">ok</a><a href="mailto:a@b.org">ok</a><a href="https://arxiv">no host</a><a href="javascript:alert(1)">script</a><a href="http://exa mple.com/">bad</a>',
    });
    expect(findBrokenLinks(external, '/')).toEqual([
      'index.html: https://arxiv (no valid host)',
      'index.html: javascript:alert(1) (unexpected scheme javascript:)',
      'index.html: http://exa mple.com/ (not a valid URL)',
    ]);
  });

  it('accepts a clean site', () => {
    expect(findBrokenLinks(site({ 'index.html': '<a href="/x/">x</a>', 'x/index.html': '' }), '/')).toEqual([]);
  });
});
