// Two-sample helpers for the drift detector. Reference values from numpy 2.4 and scipy 1.17:
// numpy.histogram_bin_edges, numpy.quantile, scipy.stats.chi2_contingency(correction=False).
import { describe, expect, it } from 'vitest';
import { binSamples, chiSquareTwoSample, equalWidthEdges, psiNoiseFloor } from '../../../src/lib/drift/two-sample.ts';
import { psi } from '../../../src/lib/drift/psi.ts';
import { histogram, quantileEdges } from '../../../src/lib/drift/histogram.ts';
import { driftScenario } from '../../../src/lib/datasets/drift-scenarios.ts';
import { expectMetricError } from '../expect-error.ts';

describe('equalWidthEdges', () => {
  it('matches numpy.histogram_bin_edges', () => {
    expect(equalWidthEdges([0, 10, 4], 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(equalWidthEdges([-1, 0.5, 2], 3)).toEqual([-1, 0, 1, 2]);
  });
  it('refuses a single distinct value, no values, or a bad bin count', () => {
    expectMetricError(() => equalWidthEdges([3, 3], 4), 'undefined', /every value is 3/);
    expectMetricError(() => equalWidthEdges([], 4), 'empty');
    expectMetricError(() => equalWidthEdges([1, 2], 0), 'out-of-range');
    expectMetricError(() => equalWidthEdges([1, NaN], 2), 'not-finite');
  });
});

describe('binSamples', () => {
  it('bins on the reference quantiles (numpy.quantile of 1..9: 3, 5, 7), counting every current value', () => {
    expect(binSamples([1, 2, 3, 4, 5, 6, 7, 8, 9], [0, 3, 10, 10], 4, 'quantile')).toEqual({
      edges: [-Infinity, 3, 5, 7, Infinity],
      reference: [2, 2, 2, 3],
      current: [1, 1, 0, 2],
    });
  });
  it('bins on equal widths over both samples', () => {
    expect(binSamples([0, 0.5, 1.5, 2.5], [0.2, 1.2, 1.8, 3], 3, 'equal')).toEqual({
      edges: [0, 1, 2, 3],
      reference: [2, 1, 1],
      current: [1, 2, 1],
    });
  });
  it('counts each seeded window as a bin-by-bin pass over the unsorted values does', () => {
    const w = driftScenario('variance', { n: 3000, seed: 7 });
    if (w.kind !== 'numeric') throw new Error('numeric expected');
    for (const binning of ['quantile', 'equal'] as const) {
      const { edges, reference, current } = binSamples(w.reference, w.current, 10, binning);
      expect(reference).toEqual(histogram(w.reference, edges));
      expect(current).toEqual(histogram(w.current, edges));
      expect(edges).toEqual(
        binning === 'quantile' ? quantileEdges(w.reference, 10) : equalWidthEdges([...w.reference, ...w.current], 10),
      );
    }
  });
  it('says so when every value lands in one bin', () => {
    expectMetricError(
      () => binSamples([5, 5, 5], [5, 5, 6], 4, 'quantile'),
      'undefined',
      /every value falls in one bin/,
    );
    expectMetricError(() => binSamples([5, 5], [5, 5], 4, 'equal'), 'undefined', /every value is 5/);
    expectMetricError(() => binSamples([1, 2], [], 4, 'equal'), 'empty', /the current sample is empty/);
    expectMetricError(() => binSamples([1, 2], [1], 1, 'equal'), 'out-of-range');
  });
});

describe('chiSquareTwoSample', () => {
  it('matches scipy.stats.chi2_contingency(correction=False)', () => {
    const r = chiSquareTwoSample([10, 20, 30], [20, 20, 20]);
    expect(r.statistic).toBeCloseTo(5.333333333333334, 12);
    expect(r.pValue).toBeCloseTo(0.0694834512228015, 10);
    expect(r.dof).toBe(2);
    expect(r.emptyBins).toBe(0);
    const worked = chiSquareTwoSample([2, 4, 8, 4, 2], [1, 3, 7, 5, 4]);
    expect(worked.statistic).toBeCloseTo(1.3206349206349206, 12);
    expect(worked.pValue).toBeCloseTo(0.8578649137442534, 10);
  });
  it('drops bins empty in both samples (scipy on the remaining columns)', () => {
    const r = chiSquareTwoSample([10, 0, 5], [3, 0, 9]);
    expect(r.statistic).toBeCloseTo(4.63598901098901, 12);
    expect(r.pValue).toBeCloseTo(0.031308094303608536, 10);
    expect(r).toMatchObject({ dof: 1, emptyBins: 1 });
  });
  it('a category new in the current window is fine (its reference count is 0)', () => {
    expect(chiSquareTwoSample([50, 50, 0], [40, 40, 20]).statistic).toBeGreaterThan(20);
  });
  it('rejects bad counts', () => {
    expectMetricError(() => chiSquareTwoSample([1, 2], [1]), 'length-mismatch');
    expectMetricError(() => chiSquareTwoSample([0, 0], [1, 2]), 'undefined', /reference counts sum to 0/);
    expectMetricError(() => chiSquareTwoSample([3, 0], [2, 0]), 'undefined', /only 1 bin has data/);
    expectMetricError(() => chiSquareTwoSample([1, -1], [1, 2]), 'out-of-range');
    expectMetricError(() => chiSquareTwoSample([], []), 'empty');
  });
  it('has a uniform p-value with no drift: about 5% of seeds fall below 0.05', () => {
    let below = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const w = driftScenario('none', { n: 500, seed });
      if (w.kind !== 'numeric') throw new Error('numeric expected');
      const b = binSamples(w.reference, w.current, 10, 'quantile');
      if (chiSquareTwoSample(b.reference, b.current).pValue < 0.05) below++;
    }
    expect(below / 400).toBeGreaterThan(0.02);
    expect(below / 400).toBeLessThan(0.09);
  });
});

describe('psiNoiseFloor', () => {
  it('is (B - 1)(1/n1 + 1/n2)', () => {
    expect(psiNoiseFloor(10, 1000, 1000)).toBeCloseTo(0.018, 15);
    expect(psiNoiseFloor(5, 100, 400)).toBeCloseTo(4 * (0.01 + 0.0025), 15);
    expectMetricError(() => psiNoiseFloor(1, 10, 10), 'out-of-range');
    expectMetricError(() => psiNoiseFloor(3, 0, 10), 'out-of-range');
  });
  it('matches the mean PSI of simulated no-drift windows within 15%', () => {
    let total = 0;
    const runs = 200;
    for (let seed = 1; seed <= runs; seed++) {
      const w = driftScenario('none', { n: 1000, seed });
      if (w.kind !== 'numeric') throw new Error('numeric expected');
      const b = binSamples(w.reference, w.current, 10, 'quantile');
      total += psi(b.reference, b.current);
    }
    expect(total / runs).toBeGreaterThan(0.018 * 0.85);
    expect(total / runs).toBeLessThan(0.018 * 1.15);
  });
});
