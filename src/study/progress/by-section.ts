/** Read counts per section for the landing page's overview (kept out of the every-page script). */
import { sectionOf } from '../../site/paths.ts';
import { isRead, type ReadState } from './read-state.ts';

export interface SectionProgress {
  section: string;
  read: number;
  total: number;
}

/**
 * Read counts per section, in the order of `sections`, for the pages that exist (`pages`); marks
 * for pages that no longer exist are not counted. Example: pages ["a/x", "a/y", "b/z"], read {"a/x"}
 * -> [{ a: 1 of 2 }, { b: 0 of 1 }].
 */
export function progressBySection(
  sections: readonly string[],
  pages: readonly string[],
  state: ReadState,
): { sections: SectionProgress[]; read: number; total: number } {
  const rows = sections.map((section) => {
    const inSection = pages.filter((p) => sectionOf(p) === section);
    return { section, read: inSection.filter((p) => isRead(state, p)).length, total: inSection.length };
  });
  return {
    sections: rows,
    read: rows.reduce((sum, r) => sum + r.read, 0),
    total: rows.reduce((sum, r) => sum + r.total, 0),
  };
}
