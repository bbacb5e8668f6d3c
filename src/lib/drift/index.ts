/** Data-drift scores: compare a feature's production distribution with its reference. Every module of this folder, and nothing else (tests/lib/barrels.test.ts checks). */
export * from './chi-square.ts';
export * from './divergence.ts';
export * from './histogram.ts';
export * from './ks.ts';
export * from './normalize.ts';
export * from './psi.ts';
export * from './report.ts';
export * from './two-sample.ts';
