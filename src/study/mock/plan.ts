/**
 * The 45-minute mock plan, as a table of phases, and the clock arithmetic on it. The phases and
 * minutes are those of "A 45-minute mock plan" on /practice/mock-interviews/ (a unit test reads that
 * table, so the two cannot drift apart). Pure: no DOM, no clock; callers pass elapsed milliseconds.
 */

export interface Phase {
  id: string;
  label: string;
  minutes: number;
  /** One gentle sentence for the start of the phase. */
  nudge: string;
  /** What to cover now, in the order an interviewer expects it. */
  cover: readonly string[];
}

export const PHASES: readonly Phase[] = [
  {
    id: 'clarify',
    label: 'Clarify',
    minutes: 5,
    nudge: 'Slow down and restate the problem in your own words before you design anything.',
    cover: [
      'The goal, and who the users are',
      'Scale and the latency budget, with numbers',
      'Constraints: cost, privacy, what exists today',
    ],
  },
  {
    id: 'frame',
    label: 'Frame as ML',
    minutes: 3,
    nudge: 'One sentence: given this input, predict this output, trained on this label.',
    cover: ['The ML task: input, output and label', 'The success metric you both agree on', 'Why ML at all'],
  },
  {
    id: 'data',
    label: 'Data and labels',
    minutes: 7,
    nudge: 'Say exactly where each label comes from; that is usually the first probe.',
    cover: [
      'Label source, quality and delay',
      'Features and where they come from',
      'Volume, time-based splits and leakage',
      'Bias in who or what gets labeled',
    ],
  },
  {
    id: 'model',
    label: 'Baseline and model',
    minutes: 10,
    nudge: 'Start from a baseline anyone could build, then earn each step of complexity.',
    cover: [
      'A heuristic baseline',
      'A first model, and why it fits the data and budget',
      'The next step if the first model works',
    ],
  },
  {
    id: 'evaluate',
    label: 'Evaluate',
    minutes: 7,
    nudge: 'Offline first, then the online test that decides: name the metric and the test size.',
    cover: ['Offline metric and split', 'Online primary metric and guardrails', 'How long the A/B test runs, and why'],
  },
  {
    id: 'serving',
    label: 'Serve',
    minutes: 6,
    nudge: 'Put numbers on it: requests per second, p99 latency and cost.',
    cover: [
      'Batch or online, and why',
      'Latency and cost budget',
      'A funnel or caching where the budget needs it',
      'Rollout plan',
    ],
  },
  {
    id: 'monitoring',
    label: 'Monitor and iterate',
    minutes: 4,
    nudge: 'Assume it breaks next month: how would you find out, and what would you do?',
    cover: ['Data, output and quality signals', 'Alerts with thresholds and an owner', 'When to retrain'],
  },
  {
    id: 'wrap-up',
    label: 'Buffer and summary',
    minutes: 3,
    nudge: 'Leave time to land the plane: a short recap beats one more component.',
    cover: ['Recap the main decisions', 'Name the biggest risks', 'Say what you would build next week'],
  },
];

const MINUTE = 60_000;

/** Length of the whole mock in milliseconds (45 minutes). */
export const TOTAL_MS = PHASES.reduce((sum, p) => sum + p.minutes * MINUTE, 0);

export interface PhaseAt {
  /** 0-based position in PHASES. */
  index: number;
  phase: Phase;
  /** When the phase starts and ends, in ms from the start of the mock. */
  startMs: number;
  endMs: number;
  /** Time left in this phase. */
  remainingMs: number;
}

/**
 * The phase running at `elapsedMs` into the mock. Phase boundaries belong to the next phase
 * (8:00 is the first moment of "Data and labels"); negative or non-finite times count as 0, and
 * anything at or past the end is the last phase with nothing left.
 * Example: phaseAt(10 * 60_000) -> { index: 2, phase: Data and labels, startMs: 480000, endMs: 900000, remainingMs: 300000 }.
 */
export function phaseAt(elapsedMs: number): PhaseAt {
  const t = clampElapsed(elapsedMs);
  let startMs = 0;
  for (const [index, phase] of PHASES.entries()) {
    const endMs = startMs + phase.minutes * MINUTE;
    if (t < endMs || index === PHASES.length - 1) {
      return { index, phase, startMs, endMs, remainingMs: Math.max(0, endMs - t) };
    }
    startMs = endMs;
  }
  throw new Error('The mock plan has no phases.');
}

/** Time left in the whole mock at `elapsedMs`, never below 0. */
export function remainingMs(elapsedMs: number): number {
  return TOTAL_MS - clampElapsed(elapsedMs);
}

/** Elapsed time limited to [0, TOTAL_MS]; NaN and negative values become 0. */
export function clampElapsed(elapsedMs: number): number {
  if (!Number.isFinite(elapsedMs) || elapsedMs < 0) return elapsedMs === Infinity ? TOTAL_MS : 0;
  return Math.min(elapsedMs, TOTAL_MS);
}

/**
 * A duration as m:ss, rounding up to the next whole second so a countdown shows 0:00 only when the
 * time is really up. Example: formatClock(61_200) -> "1:02"; formatClock(45 * 60_000) -> "45:00".
 */
export function formatClock(ms: number): string {
  return minutesSeconds(Math.ceil(wholeMs(ms) / 1000));
}

/**
 * Time elapsed as m:ss, rounding down, so that beside a countdown (rounded up) the two always add up
 * to the whole: "0:03" elapsed with "44:57" left, never "0:04" with "44:57".
 */
export function formatElapsed(ms: number): string {
  return minutesSeconds(Math.floor(wholeMs(ms) / 1000));
}

const wholeMs = (ms: number) => Math.max(0, Number.isFinite(ms) ? ms : 0);
const minutesSeconds = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** The same duration in words, for screen readers: "6 minutes 5 seconds". */
export function spokenDuration(ms: number): string {
  const seconds = Math.ceil(wholeMs(ms) / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [];
  if (m > 0) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s > 0 || m === 0) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** "0-7" style clock range of a phase, in whole minutes, as on the mock-interviews page. */
export function phaseRange(index: number): string {
  const start = PHASES.slice(0, index).reduce((sum, p) => sum + p.minutes, 0);
  return `${start}-${start + PHASES[index].minutes}`;
}
