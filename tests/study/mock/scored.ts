/** A score for every rubric dimension: 22 of 32, with data (2) and serving (1) the low ones. */
export const SCORED = {
  clarify: 3,
  data: 2,
  model: 3,
  evaluation: 3,
  serving: 1,
  monitoring: 3,
  tradeoffs: 3,
  communication: 4,
} as const;
