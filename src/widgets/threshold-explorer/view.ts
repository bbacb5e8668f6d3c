/**
 * Threshold explorer, pure view: a dataset and a threshold -> confusion matrix, metrics, ROC and PR
 * curves with the operating point, and the threshold that minimises the stated costs.
 */
import { classificationMetrics } from '../../lib/metrics/classification.ts';
import { confusionAtThreshold } from '../../lib/metrics/confusion.ts';
import { averagePrecision, precisionRecallCurve } from '../../lib/metrics/precision-recall.ts';
import { rocAuc, rocCurve } from '../../lib/metrics/roc.ts';
import { cheapestThreshold } from '../../lib/metrics/cost.ts';
import { syntheticScores, type ScoredLabels } from '../../lib/datasets/binary.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { cellNumber, parseRows } from '../kit/csv.ts';
import { fmt, fmtInt } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

const DATASETS: Record<string, () => ScoredLabels> = {
  balanced: () => syntheticScores({ n: 1000, positiveRate: 0.5, separation: 2.5, seed: 11 }),
  fraud: () => syntheticScores({ n: 5000, positiveRate: 0.01, separation: 3, seed: 23 }),
  overlap: () => syntheticScores({ n: 1000, positiveRate: 0.3, separation: 0.8, seed: 5 }),
};

/** Reads "score,label" rows; labels must be 0 or 1 and scores between 0 and 1 (the threshold's range). */
export function parseScoreCsv(text: string): ScoredLabels {
  const parsed = parseRows(text, ['score', 'label'], ([score, label], line) => {
    const s = cellNumber(score);
    if (s === null) return `Line ${line}: the score "${score}" is not a number.`;
    if (s < 0 || s > 1)
      return `Line ${line}: the score ${score} is outside 0 to 1, where the threshold moves; rescale the scores first (a sigmoid turns logits into probabilities).`;
    if (label !== '0' && label !== '1') return `Line ${line}: the label must be 0 or 1, not "${label}".`;
    return { score: s, label: Number(label) as 0 | 1 };
  });
  if (!parsed.ok) throw new MetricInputError(parsed.message, 'out-of-range');
  const labels = new Set(parsed.rows.map((r) => r.label));
  if (labels.size < 2)
    throw new MetricInputError(
      'Your data needs at least one row labelled 1 and one labelled 0: curves compare the two classes.',
      'undefined',
    );
  return { scores: parsed.rows.map((r) => r.score), yTrue: parsed.rows.map((r) => r.label) };
}

export function loadData(state: State): ScoredLabels {
  return state.data === 'custom' ? parseScoreCsv(state.csv) : DATASETS[state.data]();
}

function confusionTable(tp: number, fp: number, tn: number, fn: number): string {
  return `<table class="confusion"><caption>Confusion matrix</caption>
<thead><tr><td></td><th scope="col">Predicted 1</th><th scope="col">Predicted 0</th></tr></thead>
<tbody><tr><th scope="row">Actual 1</th><td>TP ${fmtInt(tp)}</td><td>FN ${fmtInt(fn)}</td></tr>
<tr><th scope="row">Actual 0</th><td>FP ${fmtInt(fp)}</td><td>TN ${fmtInt(tn)}</td></tr></tbody></table>`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const data = loadData(state);
    const counts = confusionAtThreshold(data.yTrue, data.scores, state.t);
    const m = classificationMetrics(counts);
    const show = (key: (typeof m.undefinedMetrics)[number], value: number) =>
      m.undefinedMetrics.includes(key) ? `${fmt(value)} (0/0)` : fmt(value);
    const roc = rocCurve(data.yTrue, data.scores);
    const pr = precisionRecallCurve(data.yTrue, data.scores);
    const auc = rocAuc(data.yTrue, data.scores);
    const ap = averagePrecision(data.yTrue, data.scores);
    const cheapest = cheapestThreshold(data.yTrue, data.scores, state.costFp, state.costFn);
    const cheapMetrics = classificationMetrics(confusionAtThreshold(data.yTrue, data.scores, cheapest.threshold));
    const cost = state.costFp * counts.fp + state.costFn * counts.fn;
    const positives = counts.tp + counts.fn;

    const rocSvg = lineChart({
      title: `ROC curve, AUC ${fmt(auc)}`,
      xLabel: 'False positive rate',
      yLabel: 'True positive rate',
      xDomain: [0, 1],
      yDomain: [0, 1],
      series: [
        {
          name: 'Chance',
          points: [
            [0, 0],
            [1, 1],
          ],
          tone: 4,
          dashed: true,
        },
        { name: 'ROC', points: roc.fpr.map((x, i) => [x, roc.tpr[i]]), tone: 1 },
      ],
      markers: [
        {
          x: 1 - cheapMetrics.specificity,
          y: cheapMetrics.recall,
          label: 'Cheapest threshold',
          tone: 3,
        },
        { x: 1 - m.specificity, y: m.recall, label: 'Current threshold', tone: 2 },
      ],
    });
    const prSvg = lineChart({
      title: `Precision-recall curve, AP ${fmt(ap)}`,
      xLabel: 'Recall',
      yLabel: 'Precision',
      xDomain: [0, 1],
      yDomain: [0, 1],
      series: [
        { name: 'Precision-recall', points: pr.recall.map((x, i) => [x, pr.precision[i]]), tone: 1, step: false },
      ],
      yRules: [{ value: positives / data.yTrue.length, label: 'base rate', tone: 4 }],
      markers: [{ x: m.recall, y: m.precision, label: 'Current threshold', tone: 2 }],
    });

    const html = `<div class="widget-grid">
<div>${confusionTable(counts.tp, counts.fp, counts.tn, counts.fn)}
${readouts([
  ['Accuracy', fmt(m.accuracy)],
  ['Precision', show('precision', m.precision)],
  ['Recall (TPR)', show('recall', m.recall)],
  ['Specificity', show('specificity', m.specificity)],
  ['F1', show('f1', m.f1)],
  ['MCC', show('mcc', m.mcc)],
  ['ROC AUC', fmt(auc)],
  ['Average precision', fmt(ap)],
])}
<p class="widget-verdict">At threshold ${fmt(state.t, 2)} the total cost is ${fmtInt(cost)}. The cheapest threshold for these costs is <strong>${fmt(cheapest.threshold, 3)}</strong> (cost ${fmtInt(cheapest.cost)}).${m.undefinedMetrics.includes('precision') ? ' Nothing is predicted positive here, so precision is 0/0 and shown as 0, as scikit-learn does.' : ''}</p></div>
<div>${rocSvg}${prSvg}${legend([
      { name: 'Curve', tone: 1 },
      { name: 'Current threshold', tone: 2 },
      { name: 'Cheapest threshold', tone: 3 },
      { name: 'Chance or base rate', tone: 4, dashed: true },
    ])}</div></div>`;
    const summary = `Threshold ${fmt(state.t, 2)}: precision ${fmt(m.precision)}, recall ${fmt(m.recall)}, F1 ${fmt(m.f1)}, ${fmtInt(counts.fp)} false positives and ${fmtInt(counts.fn)} false negatives.`;
    return { html, summary };
  });
}
