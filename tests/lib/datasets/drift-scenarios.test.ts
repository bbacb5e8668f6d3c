// Seeded drift scenarios: reproducible, the right sizes, and shifted the way each one says.
import { describe, expect, it } from 'vitest';
import { driftScenario, PAYMENT_METHODS, type NumericWindows } from '../../../src/lib/datasets/drift-scenarios.ts';
import { expectMetricError } from '../expect-error.ts';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
};
const numeric = (w: ReturnType<typeof driftScenario>) => {
  if (w.kind !== 'numeric') throw new Error('numeric expected');
  return w as NumericWindows;
};

describe('driftScenario', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    expect(driftScenario('mean', { n: 50, seed: 4 })).toEqual(driftScenario('mean', { n: 50, seed: 4 }));
    expect(driftScenario('mean', { n: 50, seed: 4 })).not.toEqual(driftScenario('mean', { n: 50, seed: 5 }));
  });
  it('draws n rows in each window', () => {
    const w = numeric(driftScenario('variance', { n: 123, seed: 1 }));
    expect(w.reference).toHaveLength(123);
    expect(w.current).toHaveLength(123);
  });
  it('shifts the mean by 0.6·strength, widens by 1 + 0.4·strength', () => {
    const m = numeric(driftScenario('mean', { n: 50_000, seed: 2 }));
    expect(mean(m.reference)).toBeCloseTo(0, 1);
    expect(mean(m.current)).toBeCloseTo(0.6, 1);
    expect(mean(numeric(driftScenario('mean', { n: 50_000, seed: 2, strength: 2 })).current)).toBeCloseTo(1.2, 1);
    const v = numeric(driftScenario('variance', { n: 50_000, seed: 2 }));
    expect(sd(v.reference)).toBeCloseTo(1, 1);
    expect(sd(v.current)).toBeCloseTo(1.4, 1);
  });
  it('seasonal: the peak month sits about 0.57 above a whole year (0.6 · mean of sin over [0.2, 0.3))', () => {
    const s = numeric(driftScenario('seasonal', { n: 50_000, seed: 3 }));
    // mean of sin(2πt) for t in [0.2, 0.3) = (cos(0.4π) - cos(0.6π)) / (0.2π) ≈ 0.9836.
    expect(mean(s.current) - mean(s.reference)).toBeCloseTo(0.6 * 0.9836, 1);
  });
  it('no drift at strength 0', () => {
    const m = numeric(driftScenario('mean', { n: 20_000, seed: 9, strength: 0 }));
    expect(Math.abs(mean(m.current) - mean(m.reference))).toBeLessThan(0.05);
  });
  it('a new category: never in the reference, 10%·strength of the current window', () => {
    const w = driftScenario('category', { n: 20_000, seed: 1 });
    if (w.kind !== 'categorical') throw new Error('categorical expected');
    expect(w.categories).toEqual(PAYMENT_METHODS);
    expect(w.reference.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(w.current.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(w.reference[4]).toBe(0);
    expect(w.current[4] / 20_000).toBeCloseTo(0.1, 2);
    expect(w.reference[0] / 20_000).toBeCloseTo(0.55, 1);
    const none = driftScenario('category', { n: 1000, seed: 1, strength: 0 });
    expect(none.current[4]).toBe(0);
  });
  it('rejects a bad size, strength or scenario', () => {
    expectMetricError(() => driftScenario('none', { n: 1, seed: 1 }), 'out-of-range');
    expectMetricError(() => driftScenario('none', { n: 10.5, seed: 1 }), 'out-of-range');
    expectMetricError(
      () => driftScenario('mean', { n: 10, seed: 1, strength: -1 }),
      'out-of-range',
      /cannot be negative/,
    );
    expectMetricError(() => driftScenario('mean', { n: 10, seed: 1, strength: NaN }), 'not-finite');
    expectMetricError(() => driftScenario('other' as 'none', { n: 10, seed: 1 }), 'out-of-range', /unknown scenario/);
  });
});
