/**
 * NDCG calculator, pure view: graded relevance and model scores for one query -> the ranking
 * position by position (gain, discount, discounted gain), DCG@k, ideal DCG@k, NDCG@k, and the
 * binary metrics MRR, P@k and R@k with relevance > 0 counted as relevant.
 */
import { dcg, ndcg, type GainKind } from '../../lib/metrics/ranking.ts';
import { rankingBreakdown, type RankedRow } from '../../lib/metrics/ranking-breakdown.ts';
import { meanReciprocalRank, precisionAtK, recallAtK } from '../../lib/metrics/retrieval.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { cellNumber, parseRows } from '../kit/csv.ts';
import { escapeHtml, fmt, fmtInt, fmtPercent } from '../kit/format.ts';
import { barChart, legend } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

export interface Item {
  relevance: number;
  score: number;
  name: string;
}

/** The bar chart shows at most this many ranks. */
const CHART_RANKS = 20;

/** Reads "relevance,score[,name]" rows: numbers, relevance >= 0, at most 100 items. */
export function parseItems(text: string): Item[] {
  const parsed = parseRows(
    text,
    ['relevance', 'score'],
    ([relevance, score, name], line) => {
      const rel = cellNumber(relevance);
      const s = cellNumber(score);
      if (rel === null) return `Line ${line}: the relevance "${relevance}" is not a number.`;
      if (rel < 0)
        return `Line ${line}: the relevance is ${relevance}; grades must be 0 or more (NDCG needs relevance >= 0).`;
      if (s === null) return `Line ${line}: the score "${score}" is not a number.`;
      return { relevance: rel, score: s, name: name ?? '' };
    },
    { maxRows: 100 },
  );
  if (!parsed.ok) throw new MetricInputError(parsed.message, 'out-of-range');
  return parsed.rows.map((row, i) => ({ ...row, name: row.name || `#${i + 1}` }));
}

/** Recall@k, or the library's "no relevant items" message extended to NDCG, which is 0/0 then too. */
function recallOrExplain(ranked: number[], k: number): number {
  try {
    return recallAtK(ranked, k, { zeroDivision: 'throw' });
  } catch (error) {
    if (!(error instanceof MetricInputError)) throw error;
    throw new MetricInputError(
      `${error.message} NDCG@${k} is undefined for the same reason: with no relevant item the ideal DCG is 0, so NDCG would be 0/0 (scikit-learn reports 0). Give at least one item a relevance above 0.`,
      'undefined',
    );
  }
}

/** Relevance and scores as the reader typed them (finite by parsing), without padding zeros. */
const plain = (value: number) => String(value);

function rankTable(rows: RankedRow[], items: Item[], cutoff: number, total: number, k: number): string {
  const body = rows
    .map((r) => {
      const classes = [r.counted ? '' : 'nd-out', r.rank === cutoff + 1 ? 'nd-cut' : ''].filter(Boolean).join(' ');
      return `<tr${classes ? ` class="${classes}"` : ''}><th scope="row">${r.rank}</th><td class="nd-name">${escapeHtml(items[r.item]?.name ?? '')}</td><td>${plain(r.score)}${r.tied ? '*' : ''}</td><td>${plain(r.relevance)}</td><td>${fmt(r.sharedGain)}</td><td>${fmt(r.discount)}</td><td>${r.counted ? fmt(r.discountedGain) : 'not counted'}</td></tr>`;
    })
    .join('');
  return `<div class="widget-scroll" tabindex="0" role="region" aria-label="Ranked list, position by position"><table class="nd-table"><caption>Ranked by score; ranks 1 to ${cutoff} count towards DCG@${k}</caption>
<thead><tr><th scope="col">Rank</th><th scope="col">Item</th><th scope="col">Score</th><th scope="col">Relevance</th><th scope="col">Gain</th><th scope="col">Discount 1/log₂(rank+1)</th><th scope="col">Discounted gain</th></tr></thead>
<tbody>${body}</tbody>
<tfoot><tr><th scope="row" colspan="6">Sum of the counted rows: DCG@${k}</th><td>${fmt(total)}</td></tr></tfoot></table></div>`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const items = parseItems(state.items);
    const k = state.k;
    const options = { gain: state.gain as GainKind };
    const relevance = items.map((i) => i.relevance);
    const scores = items.map((i) => i.score);

    const breakdown = rankingBreakdown(relevance, scores, k, options);
    // Binary relevance in ranked order for the retrieval metrics.
    const ranked = breakdown.rows.map((r) => (r.relevance > 0 ? 1 : 0));
    const recall = recallOrExplain(ranked, k);
    const precision = precisionAtK(ranked, k);
    const mrr = meanReciprocalRank([ranked]);
    const ndcgValue = ndcg(relevance, scores, k, options);
    const idealDcg = dcg(relevance, relevance, k, options);
    const ideal = rankingBreakdown(relevance, relevance, k, options);

    const n = items.length;
    const cutoff = breakdown.cutoff;
    const best = breakdown.rows.reduce((a, b) => (b.relevance > a.relevance ? b : a));
    const bestName = escapeHtml(items[best.item]?.name ?? '');
    const notes: string[] = [
      `<strong>NDCG@${k} = ${fmt(ndcgValue)}</strong>: the top ${cutoff} earn ${fmtPercent(ndcgValue)} of the discounted gain of the ideal order (DCG ${fmt(breakdown.dcg)} of an ideal ${fmt(idealDcg)}).`,
      best.counted
        ? `The most relevant item (${bestName}, relevance ${plain(best.relevance)}) is at rank ${best.rank}${best.rank > 1 ? `, where its gain is divided by ${fmt(1 / best.discount)}` : ''}.`
        : `The most relevant item (${bestName}, relevance ${plain(best.relevance)}) is at rank ${best.rank}, below the cut-off, so it adds nothing to DCG@${k}.`,
    ];
    if (k > n)
      notes.push(
        `k = ${k} is more than the ${fmtInt(n)} items in the list: DCG, ideal DCG and NDCG use all ${fmtInt(n)} (as scikit-learn does), and P@${k} still divides by ${k}, counting the ${fmtInt(k - n)} missing ranks as not relevant.`,
      );
    if (breakdown.rows.some((r) => r.tied))
      notes.push(
        'Scores marked * are tied. Tied items share the mean gain of their group (as scikit-learn does), so their order cannot change DCG; MRR, P@k and R@k use the order in which they are listed.',
      );

    const shown = breakdown.rows.slice(0, CHART_RANKS);
    const chart = barChart({
      title: `Discounted gain per rank, this ranking and the ideal order (first ${shown.length} ranks)`,
      xLabel: 'Rank',
      yLabel: 'Discounted gain',
      categories: shown.map((r) => String(r.rank)),
      groups: [
        { name: 'This ranking', values: shown.map((r) => (r.counted ? r.discountedGain : 0)), tone: 1 },
        {
          name: 'Ideal order',
          values: ideal.rows.slice(0, CHART_RANKS).map((r) => (r.counted ? r.discountedGain : 0)),
          tone: 3,
        },
      ],
    });

    const html = `<div class="widget-grid">
<div>${readouts([
      [`DCG@${k}`, fmt(breakdown.dcg)],
      [`Ideal DCG@${k}`, fmt(idealDcg)],
      [`NDCG@${k}`, fmt(ndcgValue)],
      ['MRR', fmt(mrr)],
      [`P@${k}`, fmt(precision)],
      [`R@${k}`, fmt(recall)],
    ])}
<p class="widget-verdict">${notes.join(' ')}</p>
<p class="widget-intro">MRR, P@k and R@k count an item as relevant when its relevance is above 0; with one query, MRR is that query's reciprocal rank.</p></div>
<div>${chart}${legend([
      { name: `This ranking (ranks 1 to ${cutoff})`, tone: 1 },
      { name: 'Ideal order', tone: 3 },
    ])}</div></div>
${rankTable(breakdown.rows, items, cutoff, breakdown.dcg, k)}`;
    const summary = `NDCG@${k} ${fmt(ndcgValue)} (DCG ${fmt(breakdown.dcg)}, ideal ${fmt(idealDcg)}); MRR ${fmt(mrr)}, P@${k} ${fmt(precision)}, R@${k} ${fmt(recall)}.`;
    return { html, summary };
  });
}
