/** Classification, ranking, retrieval and probabilistic metrics with scikit-learn semantics. Every module of this folder, and nothing else (tests/lib/barrels.test.ts checks). */
export * from './calibration.ts';
export * from './classification.ts';
export * from './confusion.ts';
export * from './cost.ts';
export * from './curve.ts';
export * from './precision-recall.ts';
export * from './probabilistic.ts';
export * from './ranking-breakdown.ts';
export * from './ranking.ts';
export * from './reliability.ts';
export * from './retrieval.ts';
export * from './roc.ts';
