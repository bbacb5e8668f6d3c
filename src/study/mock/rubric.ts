/**
 * The self-score form's dimensions and the reading of a total. The full rubric (what 1 to 4 mean
 * for each dimension) lives in "The rubric" on /practice/mock-interviews/, which the form links to; a
 * unit test checks that these labels are that table's rows, in order.
 */

export const RUBRIC_ANCHOR = 'the-rubric';

export const DIMENSIONS = [
  { id: 'clarify', label: 'Clarify and frame' },
  { id: 'data', label: 'Data and labels' },
  { id: 'model', label: 'Model and baseline' },
  { id: 'evaluation', label: 'Evaluation' },
  { id: 'serving', label: 'Serving and scale' },
  { id: 'monitoring', label: 'Monitoring and iteration' },
  { id: 'tradeoffs', label: 'Trade-offs' },
  { id: 'communication', label: 'Communication' },
] as const;

export type DimensionId = (typeof DIMENSIONS)[number]['id'];
export type Score = 1 | 2 | 3 | 4;
export type Scores = Partial<Record<DimensionId, Score>>;

/** The names of the four levels, as in the rubric's header row. */
export const SCORE_NAMES: Record<Score, string> = { 1: 'Missing', 2: 'Partial', 3: 'Solid', 4: 'Strong' };

export const MAX_TOTAL = DIMENSIONS.length * 4;

export function isScore(value: unknown): value is Score {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function isDimension(value: string): value is DimensionId {
  return DIMENSIONS.some((d) => d.id === value);
}

export interface ScoreSummary {
  /** How many dimensions have a score. */
  scored: number;
  /** Sum of the given scores. */
  total: number;
  /** One sentence: what the total means, following the mock-interviews page. */
  verdict: string;
}

/**
 * Reads a self-score as the mock-interviews page does: 26 or more out of 32 with no dimension below
 * 3 is ready for senior loops; 20 or more is a mid-level pass with gaps; below 20, or any 1, means
 * drill the weakest dimension first. Until every dimension is scored the verdict says what is missing.
 * Example: all 3s -> { scored: 8, total: 24, verdict: "24 of 32: a pass at mid level ..." }.
 */
export function summarize(scores: Scores): ScoreSummary {
  const given = DIMENSIONS.map((d) => scores[d.id]).filter(isScore);
  const total = given.reduce<number>((sum, s) => sum + s, 0);
  const scored = given.length;
  if (scored < DIMENSIONS.length) {
    const left = DIMENSIONS.length - scored;
    return { scored, total, verdict: `Score ${left} more dimension${left === 1 ? '' : 's'} to see your total.` };
  }
  const weakest = DIMENSIONS.filter((d) => scores[d.id] === Math.min(...given)).map((d) => d.label);
  const drill = `drill ${weakest[0].toLowerCase()} before the next mock`;
  let verdict: string;
  if (total < 20 || given.includes(1)) verdict = `${total} of ${MAX_TOTAL}: not yet; ${drill}.`;
  else if (total >= 26 && given.every((s) => s >= 3)) verdict = `${total} of ${MAX_TOTAL}: ready for senior loops.`;
  else verdict = `${total} of ${MAX_TOTAL}: a pass at mid level, with gaps to close; ${drill}.`;
  return { scored, total, verdict };
}
