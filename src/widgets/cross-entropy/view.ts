/**
 * Cross-entropy explorer, pure view: one predicted probability and the true label -> the loss of
 * that single example (log loss with n = 1), its curve over p, and the same loss for a hedge, a
 * confident right answer and a confident wrong one.
 */
import { logLoss } from '../../lib/metrics/probabilistic.ts';
import { fmt } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;
type Label = 0 | 1;

const GRID = 400;

/** Loss of a single example in nats: log loss of a one-element list. */
const lossNats = (label: Label, p: number) => logLoss([label], [p]);

/** The chart's loss axis stops at the loss of p = 0.001 on the wrong side (6.9 nats). */
const EDGE_P = 0.001;
const Y_MAX_NATS = lossNats(1, EDGE_P);

/** The loss curve for one label, cut where it leaves the chart (the loss there is exactly yMax). */
function curve(label: Label, toUnit: (nats: number) => number, yMax: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= GRID; i++) {
    const p = i / GRID;
    const y = toUnit(lossNats(label, p));
    if (y <= yMax) points.push([p, y]);
  }
  // Where -ln(p) (label 1) or -ln(1 - p) (label 0) equals the top of the chart.
  const boundary: [number, number] = label === 1 ? [EDGE_P, yMax] : [1 - EDGE_P, yMax];
  return label === 1 ? [boundary, ...points] : [...points, boundary];
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const label = Number(state.label) as Label;
    const p = state.p;
    const bits = state.unit === 'bits';
    const unit = bits ? 'bits' : 'nats';
    // 1 bit = ln 2 nats: the same loss measured with log base 2.
    const toUnit = (nats: number) => (bits ? nats / Math.LN2 : nats);
    const yMax = toUnit(Y_MAX_NATS);
    const other: Label = label === 1 ? 0 : 1;

    const loss = toUnit(lossNats(label, p));
    const otherLoss = toUnit(lossNats(other, p));
    const hedge = toUnit(lossNats(label, 0.5));
    const confidentRight = toUnit(lossNats(label, label === 1 ? 0.99 : 0.01));
    const confidentWrong = toUnit(lossNats(label, label === 1 ? 0.01 : 0.99));
    const onTrue = label === 1 ? p : 1 - p;
    const clipped = p === 0 || p === 1;

    const chart = lineChart({
      title: `Loss of one example with true label ${label}, in ${unit}`,
      xLabel: 'Predicted probability of class 1 (p)',
      yLabel: `Loss (${unit})`,
      xDomain: [0, 1],
      yDomain: [0, yMax],
      series: [
        { name: `If the label were ${other}`, points: curve(other, toUnit, yMax), tone: 4, dashed: true },
        { name: `Label ${label}`, points: curve(label, toUnit, yMax), tone: 1 },
      ],
      markers: [
        {
          x: label === 1 ? 0.01 : 0.99,
          y: confidentWrong,
          label: `Confident and wrong: ${fmt(confidentWrong)} ${unit}`,
          tone: 3,
        },
        {
          x: p,
          y: Math.min(loss, yMax),
          label: `Your prediction: ${fmt(loss)} ${unit}${loss > yMax ? ' (above the chart)' : ''}`,
          tone: 2,
        },
      ],
    });

    let message: string;
    if (Math.abs(loss - otherLoss) < 1e-12)
      message = `A hedge at p = 0.5 costs ${fmt(loss)} ${unit} whatever the label: it never pays much and never gains much.`;
    else {
      // A ratio against a loss of almost 0 (p clipped at 0 or 1) would be a meaningless 10^17.
      const times = (a: number, b: number) => (b > 1e-3 ? `${fmt(a / b, 1)} times` : '');
      if (loss < otherLoss) {
        const ratio = times(otherLoss, loss);
        message = `p = ${fmt(p, 3)} with label ${label} costs ${fmt(loss)} ${unit}. Had the label been ${other}, the same prediction would cost ${fmt(otherLoss)} ${unit}${ratio ? `, ${ratio} as much` : ''}.${onTrue >= 0.9 ? ' Confidence is cheap when right and expensive when wrong.' : ''}`;
      } else {
        const ratio = times(loss, otherLoss);
        message = `p = ${fmt(p, 3)} with label ${label} costs <strong>${fmt(loss)} ${unit}</strong>: ${times(loss, hedge)} an honest 0.5 (${fmt(hedge)})${ratio ? `, and ${ratio} the ${fmt(otherLoss)} it would cost had the label been ${other}` : ''}.${onTrue <= 0.1 ? ' A confident wrong answer is the most expensive thing a model can say: the loss grows without limit as p nears the wrong end.' : ' Leaning the wrong way costs more than hedging.'}`;
      }
    }
    if (clipped)
      message += ` p = ${p} is clipped to ${p === 0 ? '' : '1 − '}2.2e-16 (machine epsilon, as scikit-learn does), so a wrong answer costs ${fmt(toUnit(p === 1 ? lossNats(0, 1) : lossNats(1, 0)), 2)} ${unit} instead of infinity.`;

    const html = `<div class="widget-grid">
<div>${readouts([
      [`Loss (${unit})`, fmt(loss)],
      ['Probability on the true class', fmt(onTrue)],
      ['Hedging, p = 0.5', fmt(hedge)],
      ['Confident and right', fmt(confidentRight)],
      ['Confident and wrong', fmt(confidentWrong)],
      [`Same p if the label were ${other}`, fmt(otherLoss)],
    ])}
<p class="widget-verdict">${message}</p>
<p class="widget-intro">"Confident" means 0.99 on one class: for label ${label}, right is p = ${label === 1 ? '0.99' : '0.01'} and wrong is p = ${label === 1 ? '0.01' : '0.99'}.</p></div>
<div>${chart}${legend([
      { name: `Loss for label ${label}`, tone: 1 },
      { name: `Loss if the label were ${other}`, tone: 4, dashed: true },
      { name: 'Your prediction', tone: 2 },
      { name: 'Confident and wrong', tone: 3 },
    ])}</div></div>`;
    const summary = `Predicting p = ${fmt(p, 3)} for true label ${label} costs ${fmt(loss)} ${unit}; a confident wrong answer would cost ${fmt(confidentWrong)} ${unit}.`;
    return { html, summary };
  });
}
