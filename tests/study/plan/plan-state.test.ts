import { describe, expect, it } from 'vitest';
import { parseStored } from '../../../src/client/store.ts';
import { emptySavedPlan, PLAN_FORMAT, setDone } from '../../../src/study/plan/plan-state.ts';
import { buildPlan } from '../../../src/study/plan/planner.ts';

const PLAN = buildPlan(
  { start: '2026-12-01', interview: '2026-12-04', hoursPerDay: 1, level: 'Mid', focus: 'mlops' },
  { chapters: [{ id: 'mlops/tracking', title: 'Tracking', section: 'mlops', minutes: 20 }], cases: [], exercises: [] },
);
const SAVED = setDone({ ...emptySavedPlan(), updatedAt: 1_790_000_000_000, plan: PLAN }, 'cards:2026-12-01', true, 7);

describe('the stored study plan', () => {
  it('round-trips through the store', () => {
    expect(parseStored(PLAN_FORMAT, JSON.stringify(PLAN_FORMAT.write(SAVED)))).toEqual({
      value: SAVED,
      notices: [],
      lossy: false,
    });
    expect(parseStored(PLAN_FORMAT, null).value).toEqual(emptySavedPlan());
  });

  it('keeps the first time an item was done, and undoes it', () => {
    expect(setDone(SAVED, 'cards:2026-12-01', true, 99).done).toEqual({ 'cards:2026-12-01': 7 });
    expect(setDone(SAVED, 'cards:2026-12-01', false, 99).done).toEqual({});
  });

  it('skips a damaged item alone, and keeps done marks when the settings are damaged', () => {
    const doc = JSON.parse(JSON.stringify(PLAN_FORMAT.write(SAVED)));
    doc.plan.days[0].items[1].minutes = 'lots';
    const one = parseStored(PLAN_FORMAT, JSON.stringify(doc));
    expect(one.lossy).toBe(true);
    expect(one.notices[0]).toMatch(/skipped \(item 2 of 2026-12-01\); the rest loaded/);
    expect(one.value.plan!.days[0].items.map((i) => i.key)).toEqual(['cards:2026-12-01']);

    doc.plan.settings.hoursPerDay = 99;
    const two = parseStored(PLAN_FORMAT, JSON.stringify(doc));
    expect(two.value.plan).toBeNull();
    expect(two.value.done).toEqual({ 'cards:2026-12-01': 7 });
    expect(two.notices[0]).toMatch(/skipped \(the plan\)/);
  });
});
