/**
 * The id of a flashcard made from a rubric item: "<page id>#<rubric item id>", for example
 * "practice/cases/ad-click-prediction#why-calibration". Stable across gradings, so grading the same
 * prompt again never makes a second card; it can never clash with a deck card's id (those have no
 * "/" or "#"). Pure and tiny: the flashcard progress format imports it.
 */
import { isPageId } from '../../site/paths.ts';

const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function rubricCardId(page: string, itemId: string): string {
  return `${page}#${itemId}`;
}

/** The page and item of a rubric card id, or null when `id` is not one. */
export function parseRubricCardId(id: string): { page: string; item: string } | null {
  const hash = id.indexOf('#');
  if (hash < 0) return null;
  const page = id.slice(0, hash);
  const item = id.slice(hash + 1);
  return isPageId(page) && ITEM_ID.test(item) ? { page, item } : null;
}

export const isRubricCardId = (id: string) => parseRubricCardId(id) !== null;
