import type { Fields } from '../../client/fields.ts';
import { defineSchema, type StateOf } from '../kit/schema.ts';

/** URL namespace and inputs of the point-in-time join explorer. */
export const ns = 'pj';

/** The features chapter's worked example: a driver's 7-day acceptance rate (days of March). */
const CHAPTER_EXAMPLE = `# A driver's 7-day acceptance rate (the chapter's example)
event,driver7,3 09:00,0
event,driver7,9 18:00,1
feature,driver7,1,0.91
feature,driver7,6,0.84
feature,driver7,12,0.62`;

const fields = {
  join: {
    kind: 'enum',
    default: 'naive',
    values: {
      naive: 'Naive (latest value)',
      asof: 'Point-in-time (as of the event)',
    },
    label: 'Join',
  },
  rows: {
    kind: 'text',
    default: CHAPTER_EXAMPLE,
    maxLength: 4000,
    label: 'Rows: event,user,time[,label] or feature,user,time,value (time in days: 3 or 3 09:00)',
    rows: 8,
  },
} satisfies Fields;

export const schema = defineSchema({
  fields,
  presets: [
    {
      label: 'Clean case',
      state: {
        join: 'naive',
        rows: `# Feature table frozen before the labelled events
feature,u1,1,3
feature,u1,4,5
feature,u2,2,1
event,u1,5,0
event,u1,8,1
event,u2,7,0`,
      },
    },
    {
      label: 'Late-arriving feature',
      state: {
        join: 'naive',
        rows: `# Daily spend lands at 02:00 the next morning
feature,u1,4 02:00,120
feature,u1,5 02:00,95
feature,u1,6 02:00,2400
feature,u2,5 02:00,40
feature,u2,6 02:00,35
event,u1,5 23:30,1
event,u2,6 01:00,0`,
      },
    },
    {
      label: 'Backfill that leaks',
      state: {
        join: 'naive',
        rows: `# A new feature, backfilled on day 30 with that day's values
feature,u1,30,0.12
feature,u2,30,0.87
feature,u3,30,0.40
event,u1,3,0
event,u2,11,1
event,u3,18,0
event,u3,32,1`,
      },
    },
  ],
});

export type State = StateOf<typeof schema>;
