/**
 * Point-in-time ("as of") joins of labelled events with a feature log, and the label leakage a
 * naive "latest value" join causes when building training data.
 */
import { bisectRight } from '../arithmetic.ts';
import { MetricInputError } from '../errors.ts';

/** An entity key (user, item, account). 1 and '1' are different keys, as in a typed join. */
export type EntityId = string | number;

/** Something that happened to an entity at a time: a training example, usually with a label. */
export interface FeatureEvent {
  entityId: EntityId;
  /** Any finite number on the same clock as the feature rows (epoch ms, days, ...). */
  time: number;
  label?: number;
}

/** One value of a feature for an entity, valid from `time` on (a row of the feature log). */
export interface FeatureRow<V> {
  entityId: EntityId;
  time: number;
  value: V;
}

/** An event with the feature value joined to it; null when no row qualifies. */
export type JoinedEvent<E extends FeatureEvent, V> = E & {
  /** Time of the feature row used, or null. */
  featureTime: number | null;
  /** Its value, or null. */
  featureValue: V | null;
};

/** An event whose naive join used a feature row written after the event: future information. */
export interface LeakingRow<V> {
  /** Position of the event in the input. */
  eventIndex: number;
  entityId: EntityId;
  eventTime: number;
  /** The row the naive join used: later than the event. */
  naiveTime: number;
  naiveValue: V;
  /** What a point-in-time join gives instead (null if nothing was known yet). */
  asOfTime: number | null;
  asOfValue: V | null;
}

/** Each entity's feature rows sorted by time (stable: equal times keep input order). */
interface Timeline<V> {
  times: number[];
  values: V[];
}

function requireKeyAndTime(row: { entityId: unknown; time: unknown }, name: string, metric: string): void {
  const { entityId, time } = row;
  const validId = typeof entityId === 'string' || (typeof entityId === 'number' && Number.isFinite(entityId));
  if (!validId) {
    throw new MetricInputError(
      `${metric}: ${name}.entityId is ${String(entityId)}; it must be a string or a finite number.`,
      'not-finite',
    );
  }
  if (typeof time !== 'number' || !Number.isFinite(time)) {
    throw new MetricInputError(
      `${metric}: ${name}.time is ${String(time)}; it must be a finite number (e.g. epoch milliseconds).`,
      'not-finite',
    );
  }
}

function requireEvents(events: readonly FeatureEvent[], metric: string): void {
  if (!Array.isArray(events)) {
    throw new MetricInputError(`${metric}: events must be an array of { entityId, time }.`, 'out-of-range');
  }
  events.forEach((event, i) => requireKeyAndTime(event, `events[${i}]`, metric));
}

function buildTimelines<V>(featureRows: readonly FeatureRow<V>[], metric: string): Map<EntityId, Timeline<V>> {
  if (!Array.isArray(featureRows)) {
    throw new MetricInputError(`${metric}: featureRows must be an array of { entityId, time, value }.`, 'out-of-range');
  }
  const grouped = new Map<EntityId, FeatureRow<V>[]>();
  featureRows.forEach((row, i) => {
    requireKeyAndTime(row, `featureRows[${i}]`, metric);
    const rows = grouped.get(row.entityId);
    if (rows) rows.push(row);
    else grouped.set(row.entityId, [row]);
  });
  const timelines = new Map<EntityId, Timeline<V>>();
  for (const [entityId, rows] of grouped) {
    rows.sort((a, b) => a.time - b.time); // Array.prototype.sort is stable.
    timelines.set(entityId, { times: rows.map((r) => r.time), values: rows.map((r) => r.value) });
  }
  return timelines;
}

function asOfLookup<V>(timeline: Timeline<V> | undefined, t: number): { time: number; value: V } | null {
  if (!timeline) return null;
  const index = bisectRight(timeline.times, t) - 1;
  return index < 0 ? null : { time: timeline.times[index] as number, value: timeline.values[index] as V };
}

function latestLookup<V>(timeline: Timeline<V> | undefined): { time: number; value: V } | null {
  if (!timeline) return null;
  const last = timeline.times.length - 1;
  return { time: timeline.times[last] as number, value: timeline.values[last] as V };
}

/**
 * Point-in-time (as-of) join: gives each event the feature value that was known at the event's
 * time, so training data never uses information from the future.
 *
 * Rule: for an event (entity e, time t), take the feature row of entity e with the largest
 * time <= t (an exact tie in time counts as known); if several rows share that time, the last one
 * in input order; null if e has no row at or before t. The same as
 * pandas.merge_asof(events, features, on='time', by='entityId', direction='backward',
 * allow_exact_matches=True), except that neither input needs to be sorted: results come back in
 * the events' order. Cost O((m + n) log m) for m feature rows and n events.
 * Reference: https://pandas.pydata.org/docs/reference/api/pandas.merge_asof.html ;
 * Feast point-in-time joins: https://docs.feast.dev/getting-started/concepts/point-in-time-joins
 *
 * @throws MetricInputError if an entityId is not a string or finite number, or a time is not finite.
 * @example
 * asOfJoin([{ entityId: 'u1', time: 5 }], [
 *   { entityId: 'u1', time: 3, value: 'a' }, { entityId: 'u1', time: 6, value: 'b' },
 * ]); // [{ entityId: 'u1', time: 5, featureTime: 3, featureValue: 'a' }]
 */
export function asOfJoin<E extends FeatureEvent, V>(
  events: readonly E[],
  featureRows: readonly FeatureRow<V>[],
): JoinedEvent<E, V>[] {
  const metric = 'Point-in-time join';
  requireEvents(events, metric);
  const timelines = buildTimelines(featureRows, metric);
  return events.map((event) => {
    const match = asOfLookup(timelines.get(event.entityId), event.time);
    return { ...event, featureTime: match?.time ?? null, featureValue: match?.value ?? null };
  });
}

/**
 * Naive latest-value join (the leaky baseline): gives each event its entity's most recent
 * feature value overall, whatever the event's time, as a plain lookup in today's feature table does.
 *
 * Rule: for an event of entity e, the row of e with the largest time (ties: last in input
 * order); null if e has no rows. When that time is after the event, the training example
 * sees the future: see leakingRows.
 * Reference: https://docs.feast.dev/getting-started/concepts/point-in-time-joins (why point-in-time
 * correctness matters); Kaufman et al., "Leakage in Data Mining", KDD 2011, https://doi.org/10.1145/2020408.2020496
 *
 * @throws MetricInputError if an entityId is not a string or finite number, or a time is not finite.
 * @example
 * naiveLatestJoin([{ entityId: 'u1', time: 5 }], [
 *   { entityId: 'u1', time: 3, value: 'a' }, { entityId: 'u1', time: 6, value: 'b' },
 * ]); // [{ entityId: 'u1', time: 5, featureTime: 6, featureValue: 'b' }] (from the future)
 */
export function naiveLatestJoin<E extends FeatureEvent, V>(
  events: readonly E[],
  featureRows: readonly FeatureRow<V>[],
): JoinedEvent<E, V>[] {
  const metric = 'Naive latest join';
  requireEvents(events, metric);
  const timelines = buildTimelines(featureRows, metric);
  return events.map((event) => {
    const match = latestLookup(timelines.get(event.entityId));
    return { ...event, featureTime: match?.time ?? null, featureValue: match?.value ?? null };
  });
}

/**
 * Leaking rows: the events for which the naive latest-value join uses a feature row written
 * after the event (label leakage), next to the value a point-in-time join would use.
 *
 * Rule: event i leaks when naiveLatestJoin's featureTime > event time, which happens exactly when
 * the naive and as-of joins disagree on the row. Output in event order.
 * Reference: https://docs.feast.dev/getting-started/concepts/point-in-time-joins ;
 * https://pandas.pydata.org/docs/reference/api/pandas.merge_asof.html
 *
 * @throws MetricInputError if an entityId is not a string or finite number, or a time is not finite.
 * @example
 * leakingRows([{ entityId: 'u1', time: 5 }, { entityId: 'u1', time: 9 }], [
 *   { entityId: 'u1', time: 3, value: 'a' }, { entityId: 'u1', time: 6, value: 'b' },
 * ]);
 * // [{ eventIndex: 0, entityId: 'u1', eventTime: 5, naiveTime: 6, naiveValue: 'b', asOfTime: 3, asOfValue: 'a' }]
 */
export function leakingRows<V>(
  events: readonly FeatureEvent[],
  featureRows: readonly FeatureRow<V>[],
): LeakingRow<V>[] {
  const metric = 'Leaking rows';
  requireEvents(events, metric);
  const timelines = buildTimelines(featureRows, metric);
  const leaks: LeakingRow<V>[] = [];
  events.forEach((event, eventIndex) => {
    const timeline = timelines.get(event.entityId);
    const naive = latestLookup(timeline);
    if (naive === null || naive.time <= event.time) return;
    const asOf = asOfLookup(timeline, event.time);
    leaks.push({
      eventIndex,
      entityId: event.entityId,
      eventTime: event.time,
      naiveTime: naive.time,
      naiveValue: naive.value,
      asOfTime: asOf?.time ?? null,
      asOfValue: asOf?.value ?? null,
    });
  });
  return leaks;
}
