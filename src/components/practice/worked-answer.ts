/**
 * The worked-answer data of the page being rendered: a case study's or an exercise's frontmatter
 * (follow-ups, levels table, rubric), read from Starlight's route data so an MDX page only writes
 * `<FollowUps />` where the ladder belongs.
 */
import type { AstroGlobal } from 'astro';

type Data = AstroGlobal['locals']['starlightRoute']['entry']['data'];
export type WorkedAnswer = NonNullable<Data['case']> | NonNullable<Data['exercise']>;

export function workedAnswer(astro: AstroGlobal, component: string): WorkedAnswer {
  const { entry } = astro.locals.starlightRoute;
  const answer = entry.data.case ?? entry.data.exercise;
  if (!answer) throw new Error(`${entry.filePath}: <${component} /> needs a "case" or "exercise" block in frontmatter`);
  return answer;
}

export function requireField<T>(value: T | undefined, astro: AstroGlobal, field: string): T {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    throw new Error(`${astro.locals.starlightRoute.entry.filePath}: frontmatter has no "${field}" for this component`);
  }
  return value;
}
