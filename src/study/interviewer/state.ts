/**
 * The interviewer view's sheet: the prompt being asked, the interviewer's clock, how far the follow-up
 * ladder has been revealed, and the scores being given, with the arithmetic of the ladder's schedule.
 * Pure: no DOM, no storage (src/client/store.ts keeps it), and every function takes `now` or elapsed ms.
 *
 * Stored in localStorage "mlguide:interviewer" (version 1), so a reload keeps the sheet:
 *
 *   { "version": 1, "prompt": "cases/news-feed" | null, "startedAt": <epoch ms> | null,
 *     "elapsedBefore": <ms>, "revealed": <follow-ups revealed by hand>, "covered": ["<rubric item id>"],
 *     "scores": { "<dimension id>": 1..4 } }
 *
 * Nothing of it goes to the candidate except through the score code (src/study/rubric/score-code.ts).
 */
import { isRecord, type StoredFormat } from '../../client/store.ts';
import { readClock, type Clock } from '../mock/clock.ts';
import { PHASES } from '../mock/plan.ts';
import { normalizePromptId } from '../mock/prompts.ts';
import { isDimension, isScore, type Scores } from '../mock/rubric.ts';

export const INTERVIEWER_KEY = 'mlguide:interviewer';
const VERSION = 1;
/** The URL parameter of the interviewer view that names the prompt. */
export const INTERVIEWER_PROMPT_PARAM = 'iv.prompt';
const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MINUTE = 60_000;

export interface InterviewerSheet extends Clock {
  version: typeof VERSION;
  prompt: string | null;
  /** How many follow-ups the interviewer has revealed, counting those revealed ahead of schedule. */
  revealed: number;
  covered: string[];
  scores: Scores;
}

export function newSheet(prompt: string | null = null): InterviewerSheet {
  return { version: VERSION, prompt, startedAt: null, elapsedBefore: 0, revealed: 0, covered: [], scores: {} };
}

/** True once anything was done on the sheet (the clock ran, an item was ticked, a score given). */
export function hasProgress(sheet: InterviewerSheet): boolean {
  return (
    sheet.startedAt !== null ||
    sheet.elapsedBefore > 0 ||
    sheet.covered.length > 0 ||
    Object.keys(sheet.scores).length > 0
  );
}

/** The interviewer view for a prompt: "/practice/interviewer/?iv.prompt=cases/news-feed". */
export function interviewerPath(promptId: string): string {
  return `/practice/interviewer/?${INTERVIEWER_PROMPT_PARAM}=${promptId}`;
}

const phaseStart = (id: string) => {
  let minutes = 0;
  for (const phase of PHASES) {
    if (phase.id === id) return minutes * MINUTE;
    minutes += phase.minutes;
  }
  throw new Error(`The mock plan has no phase "${id}".`);
};

/**
 * When each of `count` follow-ups unlocks, in ms from the start: the first once the baseline and model
 * are on the board (15:00), the last as the wrap-up begins (42:00), the rest evenly between, on whole
 * minutes. Example: 10 follow-ups -> 15:00, 18:00, 21:00, ..., 42:00.
 */
export function followUpMarks(count: number): number[] {
  const first = phaseStart('model');
  const last = phaseStart('wrap-up');
  if (count <= 0) return [];
  if (count === 1) return [first];
  const step = (last - first) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round((first + i * step) / MINUTE) * MINUTE);
}

/** How many follow-ups show at `elapsed`: those whose mark has passed, or more if revealed by hand. */
export function unlockedCount(marks: readonly number[], elapsed: number, revealed: number): number {
  const due = marks.filter((mark) => mark <= elapsed).length;
  return Math.min(marks.length, Math.max(due, revealed));
}

/** The stored format of the sheet, read field by field: a damaged field falls back on its own. */
export const INTERVIEWER_FORMAT: StoredFormat<InterviewerSheet> = {
  key: INTERVIEWER_KEY,
  noun: 'interviewer sheet',
  version: VERSION,
  empty: () => newSheet(),
  read(data) {
    const sheet = newSheet();
    const skipped: string[] = [];
    const take = <K extends keyof InterviewerSheet>(name: K, ok: boolean, value: InterviewerSheet[K]) => {
      if (ok) sheet[name] = value;
      else if (name in data) skipped.push(`the ${name}`);
    };
    const { prompt, revealed, covered, scores } = data;
    take(
      'prompt',
      prompt === null || (typeof prompt === 'string' && normalizePromptId(prompt) === prompt),
      prompt as string,
    );
    const clock = readClock(data);
    take('startedAt', clock.startedAt !== undefined, clock.startedAt ?? null);
    take('elapsedBefore', clock.elapsedBefore !== undefined, clock.elapsedBefore ?? 0);
    take(
      'revealed',
      typeof revealed === 'number' && Number.isInteger(revealed) && revealed >= 0 && revealed <= 100,
      revealed as number,
    );
    const validCovered = Array.isArray(covered) && covered.every((id) => typeof id === 'string' && ITEM_ID.test(id));
    take('covered', validCovered, validCovered ? [...new Set(covered as string[])] : []);
    if (isRecord(scores)) {
      // A bad score skips only itself, and is named so the reader knows what was left out.
      for (const [key, value] of Object.entries(scores))
        if (isDimension(key) && isScore(value)) sheet.scores[key] = value;
        else skipped.push(`the score ${JSON.stringify(key.slice(0, 40))}`);
    } else if ('scores' in data) skipped.push('the scores');
    return { value: sheet, skipped };
  },
  write: (sheet) => ({ ...sheet }),
};
