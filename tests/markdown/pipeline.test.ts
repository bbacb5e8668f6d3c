// The Markdown pipeline as the site runs it (src/markdown/pipeline.ts), on Markdown and MDX.
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import type { PluggableList } from 'unified';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline.ts';

async function render(markdown: string, base = '/ml-guide/') {
  const processor = await createMarkdownProcessor({
    remarkPlugins: remarkPlugins(),
    rehypePlugins: rehypePlugins(base),
  });
  return (await processor.render(markdown, { fileURL: new URL('file:///guide/chapter.md') })).code;
}

describe('maths', () => {
  it('typesets inline and display formulas with KaTeX at build time', async () => {
    const html = await render('Precision is $\\frac{TP}{TP+FP}$.\n\n$$\n\\sqrt{x^2 + y^2}\n$$\n');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toMatch(/<annotation encoding="application\/x-tex"[^>]*>\\frac\{TP\}\{TP\+FP\}<\/annotation>/);
    expect(html).not.toContain('katex-error');
  });

  it("leaves a formula's TeX source and its visual copy out of the search index", async () => {
    const html = await render('Precision is $\\frac{TP}{TP+FP}$.\n');
    expect(html).toContain('<annotation encoding="application/x-tex" data-pagefind-ignore="">');
    expect(html).toMatch(/<span class="katex-html" aria-hidden="true" data-pagefind-ignore="">/);
    expect(html).not.toMatch(/<math[^>]*data-pagefind-ignore/);
  });

  it('makes wide display formulas and tables keyboard-scrollable', async () => {
    const html = await render('$$\nx\n$$\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(html).toMatch(/<span class="katex-display" tabindex="0">/);
    expect(html).toMatch(/<table tabindex="0">/);
  });

  it('rejects a bad formula with the file and line instead of shipping red text', async () => {
    await expect(render('Intro.\n\nBroken $\\frac{1}{$ here.\n')).rejects.toThrow(
      /chapter\.md:3:\d+: KaTeX could not render/,
    );
  });

  it('rejects non-standard LaTeX under strict mode', async () => {
    await expect(render('An accented letter in maths: $é = 1$.\n')).rejects.toThrow(/KaTeX could not render/);
  });
});

describe('diagrams', () => {
  const fence =
    '```mermaid title="Request path"\nflowchart LR\n  A["Client"] --> B["Model server"]\n  B -->|"scores"| C["Ranker"]\n```\n';

  it('turns a mermaid fence into an inline SVG figure with its labels', async () => {
    const html = await render(fence);
    expect(html).toMatch(/<figure class="diagram"[^>]*data-diagram-type="flowchart"/);
    expect(html).toContain('<svg');
    for (const label of ['Client', 'Model server', 'Ranker']) expect(html).toContain(`>${label}</text>`);
    expect(html).toContain('<figcaption>Request path</figcaption>');
  });

  it('carries an accessible text alternative listing the edges', async () => {
    const html = await render(fence);
    expect(html).toMatch(/role="img"/);
    expect(html).toMatch(/aria-labelledby="diagram-\w+-title"/);
    expect(html).toContain('<li>Client → Model server</li>');
    expect(html).toContain('<li>Model server → Ranker (scores)</li>');
  });

  it('ships no renderer styles or web fonts', async () => {
    const html = await render(fence);
    expect(html).not.toContain('<style');
    expect(html).not.toContain('fonts.googleapis.com');
  });

  it('leaves diagram types it cannot draw to the lazy client renderer', async () => {
    const html = await render('```mermaid\npie title Traffic\n  "A": 90\n  "B": 10\n```\n');
    expect(html).toContain('diagram-client');
    expect(html).toContain('class="mermaid-source"');
  });
});

describe('links', () => {
  it('prefixes site links with the base path', async () => {
    const html = await render('See [problem setup](/lifecycle/problem-setup/#goals) and [arXiv](https://arxiv.org/).');
    expect(html).toContain('href="/ml-guide/lifecycle/problem-setup/#goals"');
    expect(html).toContain('href="https://arxiv.org/"');
  });

  it('leaves links alone at the domain root', async () => {
    expect(await render('[x](/serving/)', '/')).toContain('href="/serving/"');
  });

  it('prefixes href props of MDX components', async () => {
    const js = String(
      await compile('<LinkCard title="Drift" href="/monitoring/drift/" />\n\n[a](/a/)', {
        remarkPlugins: remarkPlugins() as PluggableList,
        rehypePlugins: rehypePlugins('/ml-guide/') as PluggableList,
      }),
    );
    expect(js).toContain('"/ml-guide/monitoring/drift/"');
    expect(js).toContain('"/ml-guide/a/"');
  });
});
