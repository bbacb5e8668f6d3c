/**
 * Filters for the question bank, the exercise index and the worked-case index, kept in the URL under
 * the "qb" namespace (?qb.level=Senior&qb.section=serving). Pure: the client script reads each item's
 * data-* attributes and asks `matches` whether to show it.
 */
import {
  DOMAINS,
  LEVELS,
  QUESTION_SECTIONS,
  TARGET_LEVELS,
  TRACKS,
  type QuestionSection,
  type Track,
} from '../../config/taxonomy.ts';
import { filterField, type FieldValues } from '../../client/fields.ts';
import type { Mark } from './marks.ts';

export const QB_NS = 'qb';

/** The "your marks" filter: a question's own mark, or "unmarked" for none. */
export const MARK_FILTER_LABELS = { review: 'To review', got: 'Got it', unmarked: 'Not marked yet' } as const;

export const QUESTION_FILTERS = {
  level: filterField('Level', LEVELS),
  section: filterField('Section', Object.keys(QUESTION_SECTIONS) as QuestionSection[], QUESTION_SECTIONS),
  mark: filterField(
    'Your mark',
    Object.keys(MARK_FILTER_LABELS) as (keyof typeof MARK_FILTER_LABELS)[],
    MARK_FILTER_LABELS,
  ),
};

export const EXERCISE_FILTERS = {
  level: filterField('Level', LEVELS),
  domain: filterField('Domain', DOMAINS),
};

/** The worked cases target Mid to Staff, and come in two tracks. */
export const CASE_FILTERS = {
  level: filterField('Level', TARGET_LEVELS),
  track: filterField('Track', Object.keys(TRACKS) as Track[], TRACKS),
  domain: filterField('Domain', DOMAINS),
};

export type FilterKind = 'questions' | 'exercises' | 'cases';

/** Each list's filters, what its items are called, and how the page finds them. */
export const FILTER_LISTS = {
  questions: { filters: QUESTION_FILTERS, noun: 'question', items: 'article.question[data-level]' },
  exercises: { filters: EXERCISE_FILTERS, noun: 'exercise', items: 'table.exercise-list tbody tr[data-level]' },
  cases: { filters: CASE_FILTERS, noun: 'case', items: 'table.case-list tbody tr[data-level]' },
} as const;

export type QuestionFilters = FieldValues<typeof QUESTION_FILTERS>;
export type ExerciseFilters = FieldValues<typeof EXERCISE_FILTERS>;
export type CaseFilters = FieldValues<typeof CASE_FILTERS>;

/** What a filter can know about one listed item. */
export interface FilterItem {
  level: string;
  section?: string;
  track?: string;
  domains?: readonly string[];
  mark?: Mark | null;
}

/** Whether `item` passes every filter that is set ("" passes everything). */
export function matches(
  item: FilterItem,
  filters: Partial<Record<'level' | 'section' | 'track' | 'domain' | 'mark', string>>,
): boolean {
  if (filters.level && item.level !== filters.level) return false;
  if (filters.section && item.section !== filters.section) return false;
  if (filters.track && item.track !== filters.track) return false;
  if (filters.domain && !(item.domains ?? []).includes(filters.domain)) return false;
  if (filters.mark) {
    const mark = item.mark ?? null;
    if (filters.mark === 'unmarked' ? mark !== null : mark !== filters.mark) return false;
  }
  return true;
}

/** "Showing 7 of 36 questions". */
export function countText(shown: number, total: number, noun: string): string {
  return `Showing ${shown} of ${total} ${total === 1 ? noun : `${noun}s`}`;
}
