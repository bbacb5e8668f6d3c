/**
 * Study times from a page's Markdown, for the plan's catalog (built in StudyPlan.astro from the
 * collections). Pure.
 */

/**
 * Study reading speed. Adults read prose at about 238 words a minute (Brysbaert 2019, a meta-analysis
 * of 190 studies); technical text read to learn, with formulas and diagrams, goes at roughly 60% of
 * that, hence 150.
 */
export const STUDY_WORDS_PER_MINUTE = 150;
/** A timed attempt at a design exercise before reading its outline, as in an interview round. */
export const EXERCISE_ATTEMPT_MINUTES = 45;
/** Sketching one's own answer to a worked case before reading it. */
export const CASE_SKETCH_MINUTES = 20;

/**
 * Words a reader reads in an MDX body: prose, lists and tables count; import lines, code and diagram
 * blocks, HTML and JSX tags, and the URLs of links do not. Example: "Read [this](/x/) now." -> 3.
 */
export function wordCount(markdown: string): number {
  const prose = markdown
    .replace(/^(import|export) .*$/gm, ' ')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' formula ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Minutes to study `words` words, rounded up to 5, at least 5. */
export function readingMinutes(words: number): number {
  return Math.max(5, Math.ceil(words / STUDY_WORDS_PER_MINUTE / 5) * 5);
}
