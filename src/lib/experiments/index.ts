/** A/B-testing maths: sample size, the two-proportion z-test, the peeking simulation, the plan. Every module of this folder, and nothing else (tests/lib/barrels.test.ts checks). */
export * from './peeking.ts';
export * from './plan.ts';
export * from './sample-size.ts';
export * from './z-test.ts';
