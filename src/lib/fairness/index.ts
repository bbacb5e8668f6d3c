/** Group-fairness metrics (fairlearn's definitions), threshold policies and the fairness report. Every module of this folder, and nothing else (tests/lib/barrels.test.ts checks). */
export * from './disparity.ts';
export * from './group-metrics.ts';
export * from './policies.ts';
export * from './report.ts';
