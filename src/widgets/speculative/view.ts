/**
 * Speculative decoding calculator, pure view: acceptance rate, draft length, drafter cost, batch
 * and the target's ridge -> tokens per target pass, the speedup, the best draft length, and charts
 * of the speedup over draft length (where it peaks and where it falls below 1) and over batch size.
 */
import {
  bestDraftTokens,
  expectedTokensLimit,
  speculativeDecoding,
  type SpeculativeSetting,
} from '../../lib/llm/speculative.ts';
import { fmt, fmtInt } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { State } from './schema.ts';

/** Draft lengths charted (and searched for the best one): 1 to 16 tokens. */
export const MAX_CHARTED_DRAFT = 16;
/** Batch sizes charted: up to this many evenly spread points. */
const BATCH_POINTS = 40;

/** The batches charted: from 1 to past the batch where verification turns compute-bound (and past the current batch). */
export function chartedBatches(state: Pick<State, 'batch' | 'ridge' | 'draft'>): number[] {
  const top = Math.min(1024, Math.max(8, state.batch, Math.ceil((2.5 * state.ridge) / (state.draft + 1))));
  const step = Math.max(1, Math.ceil(top / BATCH_POINTS));
  const batches = new Set<number>([1, state.batch, top]);
  for (let batch = step; batch < top; batch += step) batches.add(batch);
  return [...batches].sort((a, b) => a - b);
}

const times = (value: number) => `${fmt(value, 2)}×`;

export function view(state: State): WidgetResult {
  return guard(() => {
    const setting: SpeculativeSetting = {
      acceptanceRate: state.alpha,
      draftCostRatio: state.cost,
      batch: state.batch,
      memoryBoundRows: state.ridge,
    };
    const result = speculativeDecoding({ ...setting, draftTokens: state.draft });
    const best = bestDraftTokens(state.alpha, state.cost, MAX_CHARTED_DRAFT, {
      batch: state.batch,
      memoryBoundRows: state.ridge,
    });
    const drafts = Array.from({ length: MAX_CHARTED_DRAFT }, (_, i) => i + 1);
    const byDraft = drafts.map((draft) => ({ draft, ...speculativeDecoding({ ...setting, draftTokens: draft }) }));
    const bestResult = byDraft[best - 1] as (typeof byDraft)[number];
    const slower = byDraft.find((point) => point.speedup < 1)?.draft ?? null;
    const batches = chartedBatches(state);
    const byBatch = batches.map((batch) => ({
      batch,
      speedup: speculativeDecoding({ ...setting, batch, draftTokens: state.draft }).speedup,
    }));

    const rows = state.batch * (state.draft + 1);
    const verification =
      result.verifyCost > 1
        ? `At a batch of ${fmtInt(state.batch)} a verification pass holds ${fmtInt(rows)} token rows, past the ${fmtInt(state.ridge)} the target can take while memory-bound, so it costs ${fmt(result.verifyCost, 2)} plain steps.`
        : `A verification pass holds ${fmtInt(rows)} token row${rows === 1 ? '' : 's'}, within the ${fmtInt(state.ridge)} the target can take while memory-bound, so it costs the same as one plain step.`;
    const pays =
      result.speedup >= 1
        ? `<strong>Speculation pays: ${times(result.speedup)} the decoding speed.</strong>`
        : `<strong>Speculation slows decoding down to ${times(result.speedup)}.</strong>`;
    const limit = expectedTokensLimit(state.alpha);
    const ceiling =
      limit === null
        ? ' With α = 1 every draft token is kept.'
        : ` However long the draft, a pass yields at most 1 / (1 − α) = ${fmt(limit, 2)} tokens.`;
    const bestText =
      best === state.draft
        ? `${fmtInt(best)} draft tokens is already the best length up to ${MAX_CHARTED_DRAFT}.`
        : `The best draft length here is ${fmtInt(best)} (${times(bestResult.speedup)}).`;
    const slowerText =
      slower === null
        ? ''
        : ` From ${fmtInt(slower)} draft token${slower === 1 ? '' : 's'} on, speculation is slower than plain decoding.`;

    const draftChart = lineChart({
      title: 'Speedup and tokens per target pass against the draft length',
      xLabel: 'Draft tokens per step (γ)',
      yLabel: 'Speedup, tokens per pass',
      xDomain: [1, MAX_CHARTED_DRAFT],
      yDomain: [0, Math.max(1.2, ...byDraft.map((p) => p.expectedTokensPerStep)) * 1.05],
      series: [
        { name: 'Speedup', points: byDraft.map((p) => [p.draft, p.speedup]), tone: 1 },
        {
          name: 'Tokens per pass (E)',
          points: byDraft.map((p) => [p.draft, p.expectedTokensPerStep]),
          tone: 4,
          dashed: true,
        },
      ],
      yRules: [{ value: 1, label: 'no gain', tone: 4 }],
      xRules: slower === null ? [] : [{ value: slower, label: 'slower', tone: 2 }],
      markers: [
        { x: best, y: bestResult.speedup, label: 'Best draft length', tone: 3 },
        { x: state.draft, y: result.speedup, label: 'Your draft length', tone: 2 },
      ],
    });
    const batchChart = lineChart({
      title: 'Speedup against the batch size, at your draft length',
      xLabel: 'Sequences decoded together',
      yLabel: 'Speedup',
      xDomain: [1, batches.at(-1) as number],
      yDomain: [0, Math.max(1.2, ...byBatch.map((p) => p.speedup)) * 1.05],
      series: [{ name: 'Speedup', points: byBatch.map((p) => [p.batch, p.speedup]), tone: 1 }],
      yRules: [{ value: 1, label: 'no gain', tone: 4 }],
      markers: [{ x: state.batch, y: result.speedup, label: 'Your batch', tone: 2 }],
    });

    const html = `<div class="widget-grid">
<div>${readouts([
      ['Tokens per target pass (E)', fmt(result.expectedTokensPerStep, 2)],
      ['Speedup', times(result.speedup)],
      ['Verification pass', `${fmt(result.verifyCost, 2)} steps`],
      ['Best draft length', `${fmtInt(best)} (${times(bestResult.speedup)})`],
    ])}
<p class="widget-verdict">${pays} Each target pass yields ${fmt(result.expectedTokensPerStep, 2)} tokens on average and costs ${fmtInt(state.draft)} drafter steps of ${fmt(state.cost, 2)} plus the verification. ${verification} ${bestText}${slowerText}${ceiling}</p>
<p class="widget-note">E = (1 − α^(γ+1)) / (1 − α) and speedup = E / (γc + v), with v the verification pass in plain steps: max(1, B(γ + 1) / R) / max(1, B / R) for a batch B and a ridge of R rows (Leviathan et al. take v = 1). Acceptances are assumed independent; the output keeps the target's distribution either way.</p></div>
<div>${draftChart}${batchChart}${legend([
      { name: 'Speedup', tone: 1 },
      { name: 'Tokens per pass (E)', tone: 4, dashed: true },
      { name: 'Best draft length', tone: 3 },
      { name: 'Your setting', tone: 2 },
    ])}</div></div>`;
    const summary = `α ${fmt(state.alpha, 2)}, ${fmtInt(state.draft)} draft tokens, drafter cost ${fmt(state.cost, 2)}, batch ${fmtInt(state.batch)}: ${fmt(result.expectedTokensPerStep, 2)} tokens per target pass, speedup ${times(result.speedup)}; best draft length ${fmtInt(best)} (${times(bestResult.speedup)}).`;
    return { html, summary };
  });
}
