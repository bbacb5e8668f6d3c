/**
 * The drift report the drift detector shows: both windows binned the same way and every score on
 * them (PSI with its band, KL both ways, JS, KS for numbers, chi-squared), plus the p-value a
 * verdict should lean on.
 */
import { sum } from '../arithmetic.ts';
import type { DriftWindows } from '../datasets/drift-scenarios.ts';
import { klDivergence, jsDivergence } from './divergence.ts';
import { ksTestOfSorted, type KsTestResult } from './ks.ts';
import { psi, psiBinContributions } from './psi.ts';
import {
  binSortedSamples,
  chiSquareTwoSample,
  sortedWindows,
  type Binning,
  type TwoSampleChiSquareResult,
} from './two-sample.ts';

/** PSI bands, a rule of thumb from credit scoring: below 0.1 stable, 0.1 to 0.25 watch, above act. */
export const PSI_WATCH = 0.1;
export const PSI_ACT = 0.25;

export type PsiBand = 'stable' | 'watch' | 'act';

/**
 * The band of a PSI value: 'stable' below 0.1, 'watch' from 0.1 to 0.25, 'act' above 0.25.
 * Reference: Yurdakul (2018), https://scholarworks.wmich.edu/dissertations/3208/
 * @example
 * psiBand(0.12); // 'watch'
 */
export function psiBand(value: number): PsiBand {
  return value < PSI_WATCH ? 'stable' : value <= PSI_ACT ? 'watch' : 'act';
}

export interface DriftReport {
  /** Bin edges for numeric windows (outer edges may be ±Infinity), or null for categories. */
  edges: number[] | null;
  /** Category names for categorical windows, or null for numbers. */
  categories: string[] | null;
  /** Counts per bin (or category) in each window. */
  reference: number[];
  current: number[];
  nReference: number;
  nCurrent: number;
  psi: number;
  /** Each bin's term of the PSI sum. */
  contributions: number[];
  klCurrentReference: number;
  klReferenceCurrent: number;
  js: number;
  /** The two-sample KS test on the raw numbers, or null for categories (KS needs an order). */
  ks: KsTestResult | null;
  chi: TwoSampleChiSquareResult;
}

/**
 * Bins two windows (numbers by the reference's quantiles or equal widths; categories as they
 * are) and scores the shift between them with PSI, KL, JS, KS and chi-squared.
 *
 * @param windows the reference and current samples (numbers) or category counts.
 * @param bins bins wanted for numbers (tied quantiles may merge some), a whole number >= 1.
 * @throws MetricInputError from the binning or any score, e.g. for an empty window.
 * @example
 * driftReport(driftScenario('mean', { n: 1000, seed: 2 }), 10, 'quantile').psi; // ≈ 0.33 (0.3291)
 */
export function driftReport(windows: DriftWindows, bins: number, binning: Binning): DriftReport {
  let edges: number[] | null = null;
  let categories: string[] | null = null;
  let reference: number[];
  let current: number[];
  let ks: KsTestResult | null = null;
  if (windows.kind === 'numeric') {
    // Each window sorted once, for its bins and the KS test (the sorts are most of the work).
    const [sortedReference, sortedCurrent] = sortedWindows(windows.reference, windows.current);
    ({ edges, reference, current } = binSortedSamples(sortedReference, sortedCurrent, bins, binning));
    ks = ksTestOfSorted(sortedReference, sortedCurrent);
  } else {
    ({ categories, reference, current } = windows);
  }
  return {
    edges,
    categories,
    reference,
    current,
    nReference: windows.kind === 'numeric' ? windows.reference.length : sum(reference),
    nCurrent: windows.kind === 'numeric' ? windows.current.length : sum(current),
    psi: psi(reference, current),
    contributions: psiBinContributions(reference, current),
    klCurrentReference: klDivergence(current, reference),
    klReferenceCurrent: klDivergence(reference, current),
    js: jsDivergence(reference, current),
    ks,
    chi: chiSquareTwoSample(reference, current),
  };
}

/** The p-value a drift verdict leans on: KS for numbers, chi-squared for categories. */
export function driftEvidence(report: DriftReport): number {
  return report.ks ? report.ks.pValue : report.chi.pValue;
}
