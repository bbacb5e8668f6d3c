/** The client half of ScoreSheet.astro: reads a changed radio as a score, and shows a set of scores. */
import { isDimension, isScore, summarize, type DimensionId, type Score, type Scores } from './rubric.ts';

/** The dimension and score a changed radio ("score-<dimension id>") stands for, or null for any other control. */
export function scoreOf(target: EventTarget | null): { id: DimensionId; score: Score } | null {
  if (!(target instanceof HTMLInputElement) || !target.name.startsWith('score-')) return null;
  const id = target.name.slice('score-'.length);
  const score = Number(target.value);
  return isDimension(id) && isScore(score) ? { id, score } : null;
}

/** Checks the radios of `scores` inside `root` and writes the verdict. */
export function showScores(root: HTMLElement, scores: Scores) {
  for (const radio of root.querySelectorAll<HTMLInputElement>('input[type="radio"][name^="score-"]')) {
    const id = radio.name.slice('score-'.length);
    radio.checked = isDimension(id) && String(scores[id]) === radio.value;
  }
  const verdict = root.querySelector('[data-verdict]');
  if (verdict) verdict.textContent = summarize(scores).verdict;
}
