/**
 * A/B-testing maths: sample size, the two-proportion z-test, and the peeking simulation.
 * Pure functions, no DOM; out-of-range input throws MetricInputError.
 */
export { sampleSizePerVariant, type SampleSizeInput } from './sample-size.ts';
export { twoProportionZTest, type TwoProportionInput, type TwoProportionResult } from './z-test.ts';
export { simulatePeeking, type PeekingInput, type PeekingResult } from './peeking.ts';
