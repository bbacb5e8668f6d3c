/**
 * The reader's study plan as saved in localStorage "mlguide:plan":
 *
 *   { "version": 1, "updatedAt": <epoch ms>, "plan": Plan | null, "done": { "<item key>": <epoch ms> } }
 *
 * `done` is kept beside the plan, not in it, so a re-plan keeps what the reader finished. Chapters
 * are done when they are marked read (reading progress), so `done` holds cases, exercises, mocks and
 * flashcard days. Pure: the versioned store (src/client/store.ts) reads and writes storage.
 */
import { isRecord, type StoredFormat } from '../../client/store.ts';
import { isPageId } from '../../site/paths.ts';
import { isDay } from './dates.ts';
import {
  FOCUSES,
  ITEM_KINDS,
  MAX_HOURS,
  MIN_HOURS,
  PLAN_LEVELS,
  type Plan,
  type PlanDay,
  type PlanItem,
  type PlanSettings,
} from './planner.ts';

export const PLAN_KEY = 'mlguide:plan';

export interface SavedPlan {
  version: 1;
  /** When the plan was last made or re-made (epoch ms); 0 when there is none. */
  updatedAt: number;
  plan: Plan | null;
  done: Record<string, number>;
}

export const emptySavedPlan = (): SavedPlan => ({ version: 1, updatedAt: 0, plan: null, done: {} });

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function readSettings(value: unknown): PlanSettings | null {
  if (!isRecord(value)) return null;
  const { start, interview, hoursPerDay, level, focus } = value;
  const ok =
    isDay(start) &&
    isDay(interview) &&
    typeof hoursPerDay === 'number' &&
    hoursPerDay >= MIN_HOURS &&
    hoursPerDay <= MAX_HOURS &&
    PLAN_LEVELS.includes(level as PlanSettings['level']) &&
    typeof focus === 'string' &&
    Object.hasOwn(FOCUSES, focus);
  return ok ? ({ start, interview, hoursPerDay, level, focus } as PlanSettings) : null;
}

function readItem(value: unknown): PlanItem | null {
  if (!isRecord(value)) return null;
  const { key, kind, page, title, minutes } = value;
  const ok =
    typeof key === 'string' &&
    key.length <= 300 &&
    ITEM_KINDS.includes(kind as PlanItem['kind']) &&
    typeof page === 'string' &&
    isPageId(page) &&
    typeof title === 'string' &&
    title.length <= 300 &&
    typeof minutes === 'number' &&
    Number.isFinite(minutes) &&
    minutes > 0 &&
    minutes <= 24 * 60;
  return ok ? ({ key, kind, page, title, minutes } as PlanItem) : null;
}

/**
 * Reads a stored plan. Damaged items skip only themselves (named in the notice); damaged settings
 * drop the plan (nothing can be re-planned from it) but keep the done marks.
 */
function readPlan(value: unknown, skipped: string[]): Plan | null {
  if (value === null) return null;
  const settings = isRecord(value) ? readSettings(value.settings) : null;
  if (!isRecord(value) || !settings || !Array.isArray(value.days) || !Array.isArray(value.unscheduled)) {
    skipped.push('the plan');
    return null;
  }
  const items = (list: unknown[], where: string) =>
    list.flatMap((raw, i) => {
      const one = readItem(raw);
      if (!one) skipped.push(`item ${i + 1} of ${where}`);
      return one ? [one] : [];
    });
  const days: PlanDay[] = [];
  for (const day of value.days as unknown[]) {
    if (isRecord(day) && isDay(day.date) && Array.isArray(day.items))
      days.push({ date: day.date, items: items(day.items, day.date) });
    else skipped.push(`a day of the plan`);
  }
  return { settings, days, unscheduled: items(value.unscheduled as unknown[], 'the unscheduled list') };
}

export const PLAN_FORMAT: StoredFormat<SavedPlan> = {
  key: PLAN_KEY,
  noun: 'study plan',
  version: 1,
  empty: emptySavedPlan,
  read(document) {
    if (!isRecord(document.done) || !('plan' in document)) return null;
    const skipped: string[] = [];
    const plan = readPlan(document.plan, skipped);
    const done: [string, number][] = [];
    for (const [key, at] of Object.entries(document.done)) {
      if (isTime(at) && key.length <= 300) done.push([key, at]);
      else skipped.push(`the done mark of ${JSON.stringify(key.slice(0, 60))}`);
    }
    const updatedAt = isTime(document.updatedAt) ? document.updatedAt : 0;
    return { value: { version: 1, updatedAt, plan, done: Object.fromEntries(done) }, skipped };
  },
  write: (saved) => ({ version: 1, updatedAt: saved.updatedAt, plan: saved.plan, done: saved.done }),
};

/** Marks an item done (at `now`) or not done; the first time an item was done is kept. */
export function setDone(saved: SavedPlan, key: string, done: boolean, now: number): SavedPlan {
  const next = new Map(Object.entries(saved.done));
  if (done) next.set(key, next.get(key) ?? now);
  else next.delete(key);
  return { ...saved, done: Object.fromEntries(next) };
}
