/**
 * Fast per-file content check for authors (no full site build):
 *   npm run check:content -- content/docs/lifecycle
 * For each chapter it checks the frontmatter (title, description), compiles the MDX with the
 * site's Markdown plugins (KaTeX strict, build-time diagrams), parses every Mermaid block with
 * the real mermaid parser, and checks that site links point at existing pages and headings.
 * The full build's link check (src/integrations/check-links.ts) remains the final word.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { PluggableList } from 'unified';
import remarkGfm from 'remark-gfm';
import { parse as parseYaml } from 'yaml';
import GithubSlugger, { slug } from 'github-slugger';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { rehypePlugins, remarkPlugins } from '../src/markdown/pipeline.ts';
import { DOCS_DIR } from '../src/site/paths.ts';

export const GLOSSARY_DIR = 'content/glossary';
export const FLASHCARDS_DIR = 'content/data/flashcards';
const GLOSSARY_PAGE = `${DOCS_DIR}/reference/glossary.mdx`;

/**
 * The glossary page renders its headings from content/glossary/ (src/study/glossary/Glossary.astro):
 * one per letter and one per term, slugged from the term's heading text.
 */
export async function glossaryAnchors(dir = GLOSSARY_DIR): Promise<string[]> {
  const anchors: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md'))) {
    const { frontmatter } = await readChapter(join(dir, name));
    const term = String(frontmatter.term ?? '');
    anchors.push(slug(term), (/[a-z0-9]/i.exec(term)?.[0] ?? '#').toLowerCase());
  }
  return anchors;
}

/**
 * Site links written in a worked answer's frontmatter (follow-up answers, levels cells, rubric
 * items, the chapters a case exercises): they are rendered on the page, so they are checked too.
 */
export function frontmatterLinks(frontmatter: Record<string, unknown>): string[] {
  const links: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/\]\((\/[^)\s]*)\)/g)) links.push(match[1]);
      if ((key === 'link' || key === 'chapters') && value.startsWith('/')) links.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(frontmatter.case);
  walk(frontmatter.exercise);
  return links;
}

export interface Chapter {
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

export async function listChapters(dir = DOCS_DIR): Promise<string[]> {
  const info = await stat(dir);
  if (!info.isDirectory()) return [dir];
  const out: string[] = [];
  for (const name of await readdir(dir)) out.push(...(await listChapters(join(dir, name))));
  return out.filter((f) => /\.mdx?$/.test(f)).sort();
}

export async function readChapter(file: string): Promise<Chapter> {
  const text = await readFile(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const frontmatter = match ? (parseYaml(match[1]) ?? {}) : {};
  // Keep line numbers: replace the frontmatter with as many blank lines.
  const body = match ? '\n'.repeat(match[0].split('\n').length - 1) + text.slice(match[0].length) : text;
  return { file, frontmatter, body, bodyLine: 1 };
}

/** The URL path a chapter is served at: content/docs/a/b.mdx -> /a/b/, a/index.mdx -> /a/. */
export function chapterPath(file: string): string {
  const rel = relative(DOCS_DIR, file)
    .replace(/\.mdx?$/, '')
    .replace(/(^|\/)index$/, '');
  return rel ? `/${rel}/` : '/';
}

export interface ChapterFacts {
  mermaid: { source: string; line: number }[];
  /** {expressions} in the prose: JavaScript to MDX, almost always a literal brace that needs escaping. */
  expressions: { source: string; line: number }[];
  links: { url: string; line: number }[];
  headings: Set<string>;
}

/** Compiles one chapter with the site's plugins; throws on bad maths or a diagram that cannot be drawn. */
export async function compileChapter(chapter: Chapter): Promise<ChapterFacts> {
  const facts: ChapterFacts = { mermaid: [], expressions: [], links: [], headings: new Set() };
  const collect = () => (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, (node) => {
      const line = node.position?.start.line ?? 0;
      if (node.type === 'code' && node.lang === 'mermaid') facts.mermaid.push({ source: node.value, line });
      if (node.type === 'heading') facts.headings.add(slugger.slug(toString(node)));
      if (node.type === 'link') facts.links.push({ url: node.url, line });
      // MDX runs {braces} as JavaScript; in prose they are a mistake that only fails at render time.
      if (
        (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') &&
        !/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)
      )
        facts.expressions.push({ source: node.value, line });
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attr of node.attributes) {
          if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
          if (attr.name === 'href') facts.links.push({ url: attr.value, line });
          if (attr.name === 'id') facts.headings.add(attr.value);
        }
      }
    });
  };
  await compile(
    { path: chapter.file, value: chapter.body },
    {
      remarkPlugins: [remarkGfm, collect, ...(remarkPlugins() as PluggableList)],
      rehypePlugins: rehypePlugins('/') as PluggableList,
    },
  );
  return facts;
}

let mermaidParse: ((text: string) => Promise<unknown>) | undefined;

/** The real mermaid parser; it needs a DOM for its sanitizer, so one is provided by jsdom. */
export async function parseMermaid(source: string): Promise<void> {
  if (!mermaidParse) {
    const { JSDOM } = await import('jsdom');
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const mermaid = (await import('mermaid')).default;
    mermaidParse = (text) => mermaid.parse(text);
  }
  await mermaidParse(source);
}

export async function checkContent(paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  const all = await listChapters(DOCS_DIR);
  const files = (await Promise.all(paths.map((p) => listChapters(p)))).flat();
  const facts = new Map<string, ChapterFacts>();
  const byPath = new Map(all.map((f) => [chapterPath(f), f]));

  for (const file of all) {
    const chapter = await readChapter(file);
    const checking = files.includes(file);
    if (checking) {
      const { title, description } = chapter.frontmatter;
      if (typeof title !== 'string' || !title.trim()) problems.push(`${file}: frontmatter needs a title`);
      if (typeof description !== 'string' || description.length < 20)
        problems.push(`${file}: frontmatter needs a description of at least 20 characters`);
    }
    try {
      facts.set(file, await compileChapter(chapter));
    } catch (error) {
      if (checking) problems.push((error as Error).message);
      continue;
    }
    if (!checking) continue;
    for (const { source, line } of facts.get(file)!.expressions)
      problems.push(`${file}:${line}: {${source}} is run as JavaScript by MDX; write \\{ and \\} for literal braces`);
    for (const { source, line } of facts.get(file)!.mermaid) {
      try {
        await parseMermaid(source);
      } catch (error) {
        problems.push(`${file}:${line}: mermaid cannot parse this diagram: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }

  const glossary = facts.get(GLOSSARY_PAGE);
  if (glossary) for (const anchor of await glossaryAnchors()) glossary.headings.add(anchor);

  /** The problem with one site link written in `source`, or null when its page and heading exist. */
  const linkProblem = (source: string, url: string, from?: string): string | null => {
    // A widget state (?ab.p0=0.04) is not part of the page's address.
    const [path, hash] = url.replace(/\?[^#]*/, '').split('#');
    const target = path ? byPath.get(path) : from;
    if (!target) return `${source}: link ${url} points to no chapter (write /section/page/ with a trailing slash)`;
    const headings = facts.get(target)?.headings;
    return hash && headings && !headings.has(hash) ? `${source}: link ${url}: no heading #${hash} in ${target}` : null;
  };

  for (const file of files) {
    const fromFrontmatter = frontmatterLinks((await readChapter(file)).frontmatter).map((url) => ({ url, line: 1 }));
    for (const { url, line } of [...(facts.get(file)?.links ?? []), ...fromFrontmatter]) {
      if (!url.startsWith('/') && !url.startsWith('#')) continue;
      const problem = linkProblem(`${file}:${line}`, url, file);
      if (problem) problems.push(problem);
    }
  }

  // Flashcards are embedded as data, so the built-site link check never sees their links.
  if (paths.includes(DOCS_DIR)) {
    for (const name of (await readdir(FLASHCARDS_DIR)).filter((n) => n.endsWith('.json'))) {
      const cards = JSON.parse(await readFile(join(FLASHCARDS_DIR, name), 'utf8')) as { id: string; link: string }[];
      for (const card of cards) {
        const problem = linkProblem(`${FLASHCARDS_DIR}/${name} (card ${card.id})`, card.link);
        if (problem) problems.push(problem);
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = process.argv.slice(2);
  const problems = await checkContent(paths.length > 0 ? paths : [DOCS_DIR]);
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? 'content check: no problems' : `content check: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
