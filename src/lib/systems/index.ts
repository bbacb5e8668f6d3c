/** Back-of-the-envelope systems maths: memory, training schedules, distillation, batching, funnels, latency, joins, A/B assignment. Every module of this folder, and nothing else (tests/lib/barrels.test.ts checks). */
export * from './ab-assignment.ts';
export * from './batching.ts';
export * from './distillation.ts';
export * from './feature-join.ts';
export * from './funnel.ts';
export * from './hash.ts';
export * from './latency-samples.ts';
export * from './latency.ts';
export * from './memory.ts';
export * from './serving-capacity.ts';
export * from './traffic-split.ts';
export * from './training.ts';
