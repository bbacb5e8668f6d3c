/**
 * Data-drift scores: compare a feature's production distribution with its reference.
 * Pure functions, no DOM; every invalid input throws MetricInputError.
 */
export { psi, psiBinContributions, PSI_EPSILON, type PsiOptions } from './psi.ts';
export { klDivergence, jsDivergence, jsDistance, type LogBaseOptions } from './divergence.ts';
export { ksStatistic, ksTest, kolmogorovSurvival, type KsMethod, type KsTestOptions, type KsTestResult } from './ks.ts';
export { chiSquareTest, type ChiSquareResult } from './chi-square.ts';
export { histogram, quantile, quantileEdges } from './histogram.ts';
