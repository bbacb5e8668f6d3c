/** Seeded synthetic data for the widgets: scored labels, probabilities, groups and drift scenarios. Every module of this folder, and nothing else (tests/lib/barrels.test.ts checks). */
export * from './binary.ts';
export * from './drift-scenarios.ts';
export * from './groups.ts';
export * from './probabilities.ts';
