/**
 * Back-of-the-envelope systems maths for the guide's widgets: memory, training schedules,
 * distillation, dynamic batching, ranking funnels, latency percentiles, point-in-time joins
 * and A/B assignment. Pure functions, no DOM; bad input throws MetricInputError.
 */
export {
  modelMemoryBytes,
  trainingMemoryBytes,
  activationMemoryBytes,
  BYTES_PER_PARAM,
  TRAINING_BYTES_PER_PARAM,
  type WeightDtype,
  type ModelMemoryInput,
  type TrainingPrecision,
  type Optimizer,
  type ZeroStage,
  type TrainingMemoryInput,
  type TrainingMemory,
  type Recompute,
  type ActivationMemoryInput,
} from './memory.ts';
export {
  scaledLearningRate,
  stepsPerEpoch,
  warmupSchedule,
  MAX_DEFAULT_SCHEDULE_POINTS,
  type LrScalingRule,
  type ScaledLearningRateInput,
  type StepsPerEpochInput,
  type DecayShape,
  type WarmupScheduleInput,
} from './training.ts';
export {
  softmaxWithTemperature,
  entropy,
  distillationLoss,
  type DistillationLossInput,
  type DistillationLoss,
} from './distillation.ts';
export {
  simulateDynamicBatching,
  MAX_SIMULATED_REQUESTS,
  type DynamicBatchingInput,
  type DynamicBatchingResult,
} from './batching.ts';
export { funnelCost, type FunnelStage, type FunnelInput, type FunnelStageCost, type FunnelCost } from './funnel.ts';
export { percentile, latencySummary, type LatencySummary } from './latency.ts';
export {
  asOfJoin,
  naiveLatestJoin,
  leakingRows,
  type EntityId,
  type FeatureEvent,
  type FeatureRow,
  type JoinedEvent,
  type LeakingRow,
} from './feature-join.ts';
export { assignVariant, assignmentBucket, SPLIT_SUM_TOLERANCE } from './ab-assignment.ts';
export { murmurHash3_32 } from './hash.ts';
export { exponentialSample } from './random-extra.ts';
