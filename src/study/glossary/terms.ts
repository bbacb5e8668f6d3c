/**
 * The glossary as <Term> uses it at build time: definitions parsed once from the glossary page's
 * source, looked up by short id, and unique tooltip ids for each use on a page.
 */
import glossarySource from '../../../content/docs/reference/glossary.mdx?raw';
import { parseGlossary, type GlossaryTerm } from './parse';

let terms: Map<string, GlossaryTerm> | undefined;
let uses = 0;

/** The glossary term with short id `id`; throws (failing the build) with the known ids when there is none. */
export function glossaryTerm(id: string): GlossaryTerm {
  terms ??= new Map(parseGlossary(glossarySource).map((t) => [t.id, t]));
  const term = terms.get(id);
  if (!term) {
    const near = [...terms.keys()].filter((k) => k.startsWith(id.slice(0, 2))).slice(0, 8);
    throw new Error(
      `<Term id="${id}">: no such glossary term.${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`,
    );
  }
  return term;
}

/** A fresh element id for one tooltip ("term-tip-psi-3"); unique within any page. */
export function tooltipId(id: string): string {
  uses += 1;
  return `term-tip-${id}-${uses}`;
}
