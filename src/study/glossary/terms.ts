/**
 * The glossary as the site renders it: entries of the `glossary` collection (content/glossary/<id>.md),
 * grouped by first letter for the glossary page and looked up by id for <Term> tooltips. One file
 * per term is the one place a definition is written.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { slug } from 'github-slugger';

export type GlossaryEntry = CollectionEntry<'glossary'>;

/** A term's anchor on the glossary page: its heading text, slugged ("PSI (population stability index)" -> "psi-population-stability-index"). */
export function glossaryAnchor(term: string): string {
  return slug(term);
}

/** The letter a term is listed under: its first letter or digit, upper-cased ("A/B test" -> "A"). */
export function letterOf(term: string): string {
  return (/[a-z0-9]/i.exec(term)?.[0] ?? '#').toUpperCase();
}

/** The definition as inline HTML (the rendered Markdown without its paragraph wrapper). */
export function definitionHtml(entry: GlossaryEntry): string {
  const html = entry.rendered?.html.trim() ?? '';
  return html.replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

let entries: Promise<GlossaryEntry[]> | undefined;

/** Every term, alphabetically by its heading text; fails the build when two terms share an anchor. */
export function glossaryEntries(): Promise<GlossaryEntry[]> {
  entries ??= getCollection('glossary').then((all) => {
    const sorted = all.sort((a, b) => a.data.term.localeCompare(b.data.term, 'en', { sensitivity: 'base' }));
    const anchors = new Map<string, string>();
    for (const entry of sorted) {
      const anchor = glossaryAnchor(entry.data.term);
      const clash = anchors.get(anchor);
      if (clash) throw new Error(`Glossary terms "${clash}" and "${entry.id}" have the same heading anchor #${anchor}`);
      anchors.set(anchor, entry.id);
    }
    return sorted;
  });
  return entries;
}

/** The glossary grouped by letter, in order: [["A", [...]], ["B", [...]], ...]. */
export async function glossaryByLetter(): Promise<[string, GlossaryEntry[]][]> {
  const groups = new Map<string, GlossaryEntry[]>();
  for (const entry of await glossaryEntries()) {
    const letter = letterOf(entry.data.term);
    groups.set(letter, [...(groups.get(letter) ?? []), entry]);
  }
  return [...groups];
}

/** The glossary term with id `id`; throws (failing the build) with close ids when there is none. */
export async function glossaryTerm(id: string): Promise<GlossaryEntry> {
  const all = await glossaryEntries();
  const entry = all.find((e) => e.id === id);
  if (!entry) {
    const near = all
      .map((e) => e.id)
      .filter((k) => k.startsWith(id.slice(0, 2)))
      .slice(0, 8);
    throw new Error(
      `<Term id="${id}">: no such glossary term (content/glossary/${id}.md).${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`,
    );
  }
  return entry;
}

let uses = 0;

/** A fresh element id for one tooltip ("term-tip-psi-3"); unique within any page. */
export function tooltipId(id: string): string {
  uses += 1;
  return `term-tip-${id}-${uses}`;
}
