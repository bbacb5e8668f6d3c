/**
 * Judge agreement calculator, pure view. Labels: a judge's and people's labels per item (or per
 * cell with a count) -> raw agreement, chance agreement, Cohen's kappa with its reading, the
 * confusion matrix and how often each says each label. Pairs: verdicts with the answers in both
 * orders -> the position-flip rate and which position the flips favor.
 */
import { MetricInputError } from '../../lib/errors.ts';
import {
  chanceAgreement,
  cohenKappa,
  kappaReading,
  labelConfusion,
  positionBias,
  rawAgreement,
  type PairwiseVerdict,
  type SwappedVerdicts,
} from '../../lib/llm/agreement.ts';
import { escapeHtml, fmt, fmtInt, fmtPercent } from '../kit/format.ts';
import { parseRows } from '../kit/csv.ts';
import { guard, readouts, scrollTable, type WidgetResult } from '../kit/result.ts';
import type { State } from './schema.ts';

/** Most items one paste may stand for (counts included). */
export const MAX_ITEMS = 100_000;
/** The kappa the evaluation chapter asks of a judge before it gates releases. */
export const GATING_KAPPA = 0.6;

/** A first line is a header if its count cell is not a number ("count") or it names the columns. */
function headerOf(names: string[]) {
  return (cells: string[]) =>
    (cells[2] !== undefined && !/^\d+$/.test(cells[2])) ||
    cells.slice(0, 2).every((cell, i) => cell.toLowerCase() === names[i]);
}

/** A cell read as a value, or the message that says what is wrong with it. */
type Read<T> = { value: T } | { problem: string };

/** Rows of two cells and an optional whole count, expanded to one entry per item. */
function parseCounted<T>(
  text: string,
  names: [string, string],
  read: (cell: string, line: number) => Read<T>,
): { a: T[]; b: T[] } {
  const parsed = parseRows(
    text,
    names,
    ([first, second, count], line) => {
      const a = read(first as string, line);
      if ('problem' in a) return a.problem;
      const b = read(second as string, line);
      if ('problem' in b) return b.problem;
      const times = count === undefined || count === '' ? 1 : Number(count);
      if (!/^\d*$/.test(count ?? '') || !Number.isInteger(times))
        return `Line ${line}: the count "${count}" must be a whole number.`;
      return { a: a.value, b: b.value, times };
    },
    { isHeader: headerOf(names) },
  );
  if (!parsed.ok) throw new MetricInputError(parsed.message, 'out-of-range');
  const total = parsed.rows.reduce((sum, row) => sum + row.times, 0);
  if (total === 0) throw new MetricInputError('Every count is 0: give at least one item.', 'empty');
  if (total > MAX_ITEMS)
    throw new MetricInputError(
      `The counts add up to ${fmtInt(total)} items; the calculator takes at most ${fmtInt(MAX_ITEMS)}.`,
      'out-of-range',
    );
  const a: T[] = [];
  const b: T[] = [];
  for (const row of parsed.rows) {
    for (let i = 0; i < row.times; i++) {
      a.push(row.a);
      b.push(row.b);
    }
  }
  return { a, b };
}

function readLabel(cell: string, line: number): Read<string> {
  return cell === '' ? { problem: `Line ${line}: a label is empty.` } : { value: cell };
}

function readVerdict(cell: string, line: number): Read<PairwiseVerdict> {
  const verdict = { a: 'A', b: 'B', tie: 'tie' }[cell.toLowerCase()] as PairwiseVerdict | undefined;
  return verdict
    ? { value: verdict }
    : {
        problem: `Line ${line}: "${cell}" is not a verdict; use A, B or tie (the answer preferred, not its position).`,
      };
}

function labelsView(state: State) {
  const { a: judge, b: human } = parseCounted(state.labels, ['judge', 'human'], readLabel);
  const n = judge.length;
  const observed = rawAgreement(judge, human);
  const chance = chanceAgreement(judge, human);
  const kappa = cohenKappa(judge, human);
  const reading = kappaReading(kappa);
  const { labels, matrix } = labelConfusion(judge, human);
  const judgeTotals = matrix.map((row) => row.reduce((sum, count) => sum + count, 0));
  const humanTotals = labels.map((_, j) => matrix.reduce((sum, row) => sum + (row[j] as number), 0));
  const confusion = scrollTable({
    label: 'Confusion matrix',
    caption: 'Items by judge label (rows) and human label (columns)',
    head: ['Judge \\ human', ...labels.map((label) => `Human: ${escapeHtml(label)}`), 'Total'],
    rows: [
      ...labels.map((label, i) => [
        `Judge: ${escapeHtml(label)}`,
        ...(matrix[i] as number[]).map((count) => fmtInt(count)),
        fmtInt(judgeTotals[i] as number),
      ]),
      ['Total', ...humanTotals.map((count) => fmtInt(count)), fmtInt(n)],
    ],
  });
  // The label on which judge and people differ most in how often they use it.
  const gaps = labels.map((label, i) => ({
    label,
    judge: (judgeTotals[i] as number) / n,
    human: (humanTotals[i] as number) / n,
  }));
  const widest = gaps.reduce((a, b) => (Math.abs(b.judge - b.human) > Math.abs(a.judge - a.human) ? b : a));
  const bias =
    widest.judge === widest.human
      ? 'The judge and people use each label equally often.'
      : `The judge says “${escapeHtml(widest.label)}” for ${fmtPercent(widest.judge)} of items, people for ${fmtPercent(widest.human)}: ${widest.judge > widest.human ? 'it over-uses' : 'it under-uses'} that label, so rates it reports will be off by about ${fmt(Math.abs(widest.judge - widest.human) * 100, 1)} points.`;
  const gate =
    kappa >= GATING_KAPPA
      ? `That clears the ${GATING_KAPPA} bar to gate releases on this judge; keep a human sample flowing to catch drift.`
      : `Below the ${GATING_KAPPA} bar to gate releases: read the items where they disagree, tighten the rubric and measure again.`;
  const html = `<div class="widget-grid">
<div>${readouts([
    ['Items', fmtInt(n)],
    ['Raw agreement', fmtPercent(observed)],
    ['Chance agreement', fmtPercent(chance)],
    ["Cohen's kappa", fmt(kappa, 3)],
    ['Reading', reading],
  ])}
<p class="widget-verdict"><strong>κ = ${fmt(kappa, 2)}: ${kappa < 0 ? 'worse than chance' : `${reading} agreement beyond chance`}.</strong> They agree on ${fmtPercent(observed)} of items, but labeling at random with their own label rates would already agree on ${fmtPercent(chance)}; κ = (${fmt(observed, 3)} − ${fmt(chance, 3)}) / (1 − ${fmt(chance, 3)}). ${gate}</p>
<p class="widget-note">${bias} Readings after Landis and Koch: up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80 substantial, above almost perfect.</p></div>
<div>${confusion}</div></div>`;
  const summary = `${fmtInt(n)} items: raw agreement ${fmtPercent(observed)}, chance agreement ${fmtPercent(chance)}, Cohen's kappa ${fmt(kappa, 3)} (${reading}).`;
  return { html, summary };
}

function pairsView(state: State) {
  const { a, b } = parseCounted<PairwiseVerdict>(state.pairs, ['a first', 'b first'], readVerdict);
  const verdicts: SwappedVerdicts[] = a.map((aFirst, i) => ({ aFirst, bFirst: b[i] as PairwiseVerdict }));
  const bias = positionBias(verdicts);
  const order: PairwiseVerdict[] = ['A', 'B', 'tie'];
  const counts = order.map((first) =>
    order.map((second) => verdicts.filter((v) => v.aFirst === first && v.bFirst === second).length),
  );
  const table = scrollTable({
    label: 'Verdicts in both orders',
    caption: 'Pairs by the winner with A shown first (rows) and with B shown first (columns)',
    head: ['A first \\ B first', ...order.map((v) => `B first: ${v}`)],
    rows: order.map((v, i) => [`A first: ${v}`, ...(counts[i] as number[]).map((count) => fmtInt(count))]),
  });
  const flips = Math.round(bias.flipRate * bias.pairs);
  const direction =
    bias.favorsFirst === bias.favorsSecond
      ? 'The flips favor neither position more than the other.'
      : `More flips favor the answer shown ${bias.favorsFirst > bias.favorsSecond ? 'first' : 'second'} (${fmtPercent(Math.max(bias.favorsFirst, bias.favorsSecond))} of pairs against ${fmtPercent(Math.min(bias.favorsFirst, bias.favorsSecond))}).`;
  const html = `<div class="widget-grid">
<div>${readouts([
    ['Pairs', fmtInt(bias.pairs)],
    ['Flip rate', fmtPercent(bias.flipRate)],
    ['Consistent', fmtPercent(1 - bias.flipRate)],
    ['Flips to the first shown', fmtPercent(bias.favorsFirst)],
    ['Flips to the second shown', fmtPercent(bias.favorsSecond)],
    ['Win against tie flips', fmtPercent(bias.tieFlips)],
  ])}
<p class="widget-verdict"><strong>${fmtInt(flips)} of ${fmtInt(bias.pairs)} pairs (${fmtPercent(bias.flipRate)}) change winner when the answers swap places.</strong> ${direction} Those are close calls the judge cannot separate: score a flip as a tie rather than let the position pick the winner.</p>
<p class="widget-note">Verdicts name the answer preferred (A or B), not the position it was shown in; a judge without position bias gives the same verdict in both orders.</p></div>
<div>${table}</div></div>`;
  const summary = `${fmtInt(bias.pairs)} pairs: ${fmtPercent(bias.flipRate)} change winner with the order (${fmtPercent(bias.favorsFirst)} toward the first shown, ${fmtPercent(bias.favorsSecond)} toward the second).`;
  return { html, summary };
}

export function view(state: State): WidgetResult {
  return guard(() => (state.mode === 'pairs' ? pairsView(state) : labelsView(state)));
}
