/**
 * The planner's catalog from the docs collection, at build time: every chapter in sidebar order with
 * its study time from its word count, the worked cases and the design exercises. Used by the plan
 * and progress pages.
 */
import { getCollection } from 'astro:content';
import { isTrackable } from '../progress/read-state.ts';
import { pageIdOf, sectionOf } from '../../site/paths.ts';
import { CASE_SKETCH_MINUTES, EXERCISE_ATTEMPT_MINUTES, readingMinutes, wordCount } from './catalog.ts';
import type { Catalog } from './planner.ts';

export async function buildCatalog(): Promise<Catalog> {
  const entries = (await getCollection('docs'))
    .map((e) => ({ ...e, page: pageIdOf(e.id), minutes: readingMinutes(wordCount(e.body ?? '')) }))
    .filter((e) => isTrackable(e.page));
  // A section's overview first, then sidebar order, as the sidebar shows them.
  const order = (e: (typeof entries)[number]) => (e.page.includes('/') ? (e.data.sidebar.order ?? 999) : -1);
  entries.sort((a, b) => order(a) - order(b) || a.page.localeCompare(b.page));
  return {
    chapters: entries.map((e) => ({ id: e.page, title: e.data.title, section: sectionOf(e.page), minutes: e.minutes })),
    cases: entries.flatMap((e) =>
      e.data.case
        ? [
            {
              id: e.page,
              title: e.data.title,
              number: e.data.case.number,
              track: e.data.case.track,
              level: e.data.case.level,
              minutes: CASE_SKETCH_MINUTES + e.minutes,
            },
          ]
        : [],
    ),
    exercises: entries.flatMap((e) =>
      e.data.exercise
        ? [
            {
              id: e.page,
              title: e.data.title,
              number: e.data.exercise.number,
              level: e.data.exercise.level,
              genai: e.data.exercise.domains.includes('genai'),
              minutes: EXERCISE_ATTEMPT_MINUTES + e.minutes,
            },
          ]
        : [],
    ),
  };
}
