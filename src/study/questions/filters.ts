/**
 * Filters for the question bank and the exercise index, kept in the URL under the "qb" namespace
 * (?qb.level=Senior&qb.section=serving). Pure: the client script reads each item's data-* attributes
 * and asks `matches` whether to show it.
 */
import { DOMAINS, LEVELS, QUESTION_SECTIONS, type QuestionSection } from '../../config/taxonomy.ts';
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

export type QuestionFilters = FieldValues<typeof QUESTION_FILTERS>;
export type ExerciseFilters = FieldValues<typeof EXERCISE_FILTERS>;

/** What a filter can know about one listed item. */
export interface FilterItem {
  level: string;
  section?: string;
  domains?: readonly string[];
  mark?: Mark | null;
}

/** Whether `item` passes every filter that is set ("" passes everything). */
export function matches(
  item: FilterItem,
  filters: Partial<Record<'level' | 'section' | 'domain' | 'mark', string>>,
): boolean {
  if (filters.level && item.level !== filters.level) return false;
  if (filters.section && item.section !== filters.section) return false;
  if (filters.domain && !(item.domains ?? []).includes(filters.domain)) return false;
  if (filters.mark) {
    const mark = item.mark ?? null;
    if (filters.mark === 'unmarked' ? mark !== null : mark !== filters.mark) return false;
  }
  return true;
}

/** "Showing 7 of 36 questions". */
export function countText(shown: number, total: number, noun: 'question' | 'exercise'): string {
  return `Showing ${shown} of ${total} ${total === 1 ? noun : `${noun}s`}`;
}
