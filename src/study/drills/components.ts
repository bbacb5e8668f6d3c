/**
 * The names a diagram drill offers as answers. Every drilled node is named from this list, so the
 * wrong options are real components of the same kind (a distractor from another stage would give
 * the answer away). Add a name here when a new diagram needs one.
 */
export const COMPONENT_GROUPS = {
  data: [
    'Event log',
    'Label join as of serving time',
    'Streaming counters',
    'Feature store',
    'Data validation',
    'Warehouse snapshot',
    'Delayed labels',
    'Human review queue',
    'Sampled human grading',
  ],
  model: [
    'Candidate generation',
    'Ranker',
    'Light first-pass model',
    'Cross-encoder reranker',
    'Hybrid retrieval',
    'Calibration',
    'Cost-based thresholds',
    'Multi-task model',
    'Quantile model',
    'Embedding index',
    'Value model',
  ],
  serving: [
    'Policy layer',
    'Gateway',
    'Input filter',
    'Output filter',
    'Router or cascade',
    'Response cache',
    'Inference pool',
    'Prediction table',
    'Fallback model',
    'Tool sandbox',
    'Citation check',
    'Permission filter',
  ],
  operations: [
    'Scheduled retraining',
    'Continual training',
    'Evaluation gate',
    'Model registry',
    'Shadow and canary',
    'Drift monitor',
    'Tracing',
    'Offline evaluation set',
    'Telemetry',
  ],
} as const;

export type ComponentGroup = keyof typeof COMPONENT_GROUPS;
export type ComponentName = (typeof COMPONENT_GROUPS)[ComponentGroup][number];

/** The group a component name belongs to, or undefined for a name not in the list. */
export function groupOf(name: string): ComponentGroup | undefined {
  return (Object.keys(COMPONENT_GROUPS) as ComponentGroup[]).find((group) =>
    (COMPONENT_GROUPS[group] as readonly string[]).includes(name),
  );
}
