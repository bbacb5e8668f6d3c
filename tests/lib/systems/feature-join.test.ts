import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { asOfJoin, leakingRows, naiveLatestJoin, type FeatureRow } from '../../../src/lib/systems/index.ts';

// The pandas.merge_asof documentation example (https://pandas.pydata.org/docs/reference/api/pandas.merge_asof.html),
// with times as milliseconds after 2016-05-25 13:30:00 and the quote's bid as the feature value.
const quotes: FeatureRow<{ bid: number; ask: number }>[] = [
  { entityId: 'GOOG', time: 23, value: { bid: 720.5, ask: 720.93 } },
  { entityId: 'MSFT', time: 23, value: { bid: 51.95, ask: 51.96 } },
  { entityId: 'MSFT', time: 30, value: { bid: 51.97, ask: 51.98 } },
  { entityId: 'MSFT', time: 41, value: { bid: 51.99, ask: 52.0 } },
  { entityId: 'GOOG', time: 48, value: { bid: 720.5, ask: 720.93 } },
  { entityId: 'AAPL', time: 49, value: { bid: 97.99, ask: 98.01 } },
  { entityId: 'GOOG', time: 72, value: { bid: 720.5, ask: 720.88 } },
  { entityId: 'MSFT', time: 75, value: { bid: 52.01, ask: 52.03 } },
];
const trades = [
  { entityId: 'MSFT', time: 23, price: 51.95 },
  { entityId: 'MSFT', time: 38, price: 51.95 },
  { entityId: 'GOOG', time: 48, price: 720.77 },
  { entityId: 'GOOG', time: 48, price: 720.92 },
  { entityId: 'AAPL', time: 48, price: 98.0 },
];

describe('asOfJoin', () => {
  it('matches pd.merge_asof(trades, quotes, on="time", by="ticker") from the pandas docs', () => {
    const joined = asOfJoin(trades, quotes);
    // pandas output: bid/ask 51.95/51.96, 51.97/51.98, 720.50/720.93, 720.50/720.93, NaN/NaN.
    expect(joined.map((row) => row.featureValue)).toEqual([
      { bid: 51.95, ask: 51.96 },
      { bid: 51.97, ask: 51.98 },
      { bid: 720.5, ask: 720.93 },
      { bid: 720.5, ask: 720.93 },
      null,
    ]);
    expect(joined.map((row) => row.featureTime)).toEqual([23, 30, 48, 48, null]);
    // Event fields are kept, as merge_asof keeps the left frame's columns.
    expect(joined[0]).toMatchObject({ entityId: 'MSFT', time: 23, price: 51.95 });
  });

  it('matches the pandas docs example without "by": left a = [1, 5, 10], right a = [1, 2, 3, 6, 7] -> [1, 3, 7]', () => {
    const right = [1, 2, 3, 6, 7].map((time) => ({ entityId: 'x', time, value: time }));
    const left = [1, 5, 10].map((time) => ({ entityId: 'x', time }));
    expect(asOfJoin(left, right).map((row) => row.featureValue)).toEqual([1, 3, 7]);
  });

  it('needs neither input sorted and keeps the events in input order', () => {
    const shuffled = [...quotes].reverse();
    const events = [...trades].reverse();
    expect(asOfJoin(events, shuffled).map((row) => row.featureValue)).toEqual(
      asOfJoin(trades, quotes)
        .map((row) => row.featureValue)
        .reverse(),
    );
  });

  it('takes the last of several rows with the same time, as merge_asof does', () => {
    const rows = [
      { entityId: 1, time: 5, value: 'first' },
      { entityId: 1, time: 5, value: 'second' },
    ];
    expect(asOfJoin([{ entityId: 1, time: 5 }], rows)[0]?.featureValue).toBe('second');
  });

  it('treats 1 and "1" as different entities', () => {
    expect(asOfJoin([{ entityId: '1', time: 9 }], [{ entityId: 1, time: 0, value: 'a' }])[0]?.featureValue).toBeNull();
  });

  it('handles empty inputs', () => {
    expect(asOfJoin([], quotes)).toEqual([]);
    expect(asOfJoin(trades, [])[0]).toMatchObject({ featureTime: null, featureValue: null });
  });

  it('agrees with a brute-force scan (property)', () => {
    const row = fc.record({ entityId: fc.constantFrom('a', 'b', 'c'), time: fc.integer({ min: 0, max: 20 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(row, { maxLength: 30 }), (events, raw) => {
        const features = raw.map((r, i) => ({ ...r, value: i }));
        const joined = asOfJoin(events, features);
        events.forEach((event, k) => {
          let best: (typeof features)[number] | null = null;
          for (const f of features) {
            if (f.entityId === event.entityId && f.time <= event.time && (best === null || f.time >= best.time))
              best = f;
          }
          expect(joined[k]?.featureValue).toBe(best?.value ?? null);
        });
      }),
    );
  });

  it.each([
    [[{ entityId: 'a', time: NaN }], [], /events\[0\]\.time is NaN/],
    [[{ entityId: null, time: 1 }], [], /events\[0\]\.entityId/],
    [[], [{ entityId: 'a', time: Infinity, value: 1 }], /featureRows\[0\]\.time is Infinity/],
    [[], [{ entityId: NaN, time: 1, value: 1 }], /featureRows\[0\]\.entityId/],
  ])('rejects bad rows (%o, %o)', (events, rows, message) => {
    const call = () => asOfJoin(events as never, rows as never);
    expect(call).toThrow(message);
    expect(call).toThrow(MetricInputError);
  });
});

describe('naiveLatestJoin and leakingRows', () => {
  it('the naive join hands early trades quotes from the future', () => {
    const naive = naiveLatestJoin(trades, quotes);
    expect(naive.map((row) => row.featureTime)).toEqual([75, 75, 72, 72, 49]);
  });

  it('flags every event whose naive feature time is after the event, with the point-in-time value', () => {
    const leaks = leakingRows(trades, quotes);
    expect(leaks.map((leak) => leak.eventIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(leaks[0]).toEqual({
      eventIndex: 0,
      entityId: 'MSFT',
      eventTime: 23,
      naiveTime: 75,
      naiveValue: { bid: 52.01, ask: 52.03 },
      asOfTime: 23,
      asOfValue: { bid: 51.95, ask: 51.96 },
    });
    expect(leaks[4]).toMatchObject({ entityId: 'AAPL', naiveTime: 49, asOfTime: null, asOfValue: null });
  });

  it('finds no leak once every event is after the last feature update', () => {
    const late = trades.map((trade) => ({ ...trade, time: 100 }));
    expect(leakingRows(late, quotes)).toEqual([]);
    expect(naiveLatestJoin(late, quotes)).toEqual(asOfJoin(late, quotes));
  });

  it('does not count an entity with no features as a leak', () => {
    expect(leakingRows([{ entityId: 'TSLA', time: 1 }], quotes)).toEqual([]);
    expect(naiveLatestJoin([{ entityId: 'TSLA', time: 1 }], quotes)[0]?.featureValue).toBeNull();
  });
});
