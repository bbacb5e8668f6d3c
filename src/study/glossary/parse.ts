/**
 * Glossary definitions for <Term>, read from content/docs/reference/glossary.mdx at build time, so the
 * glossary page stays the one place a definition is written. Each `### Term` heading is a term; its
 * first paragraph is the definition. Anchors are computed the way Astro names heading ids
 * (github-slugger over every heading in document order), so links land on the glossary's own anchors.
 */
import GithubSlugger from 'github-slugger';

export interface GlossaryTerm {
  /** Short id used in <Term id="...">: the heading without its parenthesis, slugged ("psi", "ab-test"). */
  id: string;
  /** The heading's anchor on the glossary page ("psi-population-stability-index"). */
  anchor: string;
  /** The heading text ("PSI (population stability index)"). */
  term: string;
  /** The first paragraph as plain text, without the closing "See [chapter](...)." pointer. */
  definition: string;
}

/**
 * Parses the glossary source. Throws when a term has no definition or two terms share a short id,
 * so a glossary edit that would break <Term> fails the build with a clear message.
 * Example: "### PSI (population stability index)\n\nA symmetric measure ... See [drift](/monitoring/drift/)."
 * -> [{ id: "psi", anchor: "psi-population-stability-index", term: "PSI (population stability index)", definition: "A symmetric measure ..." }].
 */
export function parseGlossary(source: string): GlossaryTerm[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const lines = body.split('\n');
  const slugger = new GithubSlugger();
  const terms: GlossaryTerm[] = [];
  const seen = new Map<string, string>();
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = headingText(heading[2]);
    const anchor = slugger.slug(text);
    if (heading[1].length !== 3) continue;
    const paragraph = firstParagraph(lines, i + 1);
    if (!paragraph) throw new Error(`Glossary term "${text}" has no definition paragraph.`);
    const id = shortId(text);
    const clash = seen.get(id);
    if (clash) throw new Error(`Glossary terms "${clash}" and "${text}" share the short id "${id}".`);
    seen.set(id, text);
    terms.push({ id, anchor, term: text, definition: plainText(paragraph) });
  }
  return terms;
}

/** "PSI (population stability index)" -> "psi"; "A/B test" -> "ab-test". */
export function shortId(term: string): string {
  const withoutParens = term.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  return new GithubSlugger().slug(withoutParens || term);
}

/** Heading text as the rendered heading reads: Markdown links and emphasis removed. */
function headingText(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

function firstParagraph(lines: string[], from: number): string {
  let i = from;
  while (i < lines.length && lines[i].trim() === '') i++;
  const out: string[] = [];
  for (; i < lines.length && lines[i].trim() !== '' && !/^#{1,6}\s/.test(lines[i]); i++) out.push(lines[i].trim());
  return out.join(' ');
}

const TEX: Record<string, string> = {
  mid: '|',
  times: '×',
  cdot: '·',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  lambda: 'λ',
  mu: 'μ',
  sigma: 'σ',
  theta: 'θ',
  tau: 'τ',
  infty: '∞',
  approx: '≈',
  sum: 'Σ',
  log: 'log',
};
const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  t: 'ₜ',
  i: 'ᵢ',
  k: 'ₖ',
  n: 'ₙ',
};
const SUP: Record<string, string> = { '2': '²', '3': '³', '-1': '⁻¹', T: 'ᵀ' };

/** Inline TeX as readable plain text: "$P(Y \mid X)$" -> "P(Y | X)", "$\delta^2$" -> "δ²". */
export function texToText(tex: string): string {
  return tex
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .replace(/\\mathrm\{([^}]*)\}/g, '$1')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\\([a-zA-Z]+)/g, (_, name: string) => TEX[name] ?? name)
    .replace(/_\{?([0-9a-z])\}?/g, (m, c: string) => SUB[c] ?? m.replace(/[_{}]/g, ''))
    .replace(/\^\{?(-1|[0-9T])\}?/g, (m, c: string) => SUP[c] ?? m)
    .replace(/[{}]/g, '')
    .replace(/\s+([|×≤≥≈])\s+/g, ' $1 ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * A Markdown paragraph as plain text: math through texToText, links to their text, emphasis and
 * code marks removed, the closing "See [x](/y/)." pointer dropped (the tooltip links to the glossary).
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\s*See (also )?\[[^\]]*\]\([^)]*\)(,? (and|or) \[[^\]]*\]\([^)]*\))*\.?\s*$/, '')
    .replace(/\$([^$]+)\$/g, (_, tex: string) => texToText(tex))
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!$])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
