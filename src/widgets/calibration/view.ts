/**
 * Calibration explorer, pure view: predicted probabilities and labels -> reliability diagram,
 * predictions per bin, ECE, log loss, Brier score and a verdict (over- or under-confident).
 */
import { calibrationCurve, expectedCalibrationError } from '../../lib/metrics/calibration.ts';
import { brierScore, logLoss } from '../../lib/metrics/probabilistic.ts';
import { confidenceGap, reliabilityBinCounts } from '../../lib/metrics/reliability.ts';
import { syntheticProbabilities, type LabelledProbabilities } from '../../lib/datasets/probabilities.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { cellNumber, parseRows } from '../kit/csv.ts';
import { fmt, fmtInt } from '../kit/format.ts';
import { barChart, legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** Temperature < 1 pushes probabilities towards 0 and 1 (over-confident), > 1 towards 0.5. */
const DATASETS: Record<string, () => LabelledProbabilities> = {
  well: () => syntheticProbabilities({ n: 2000, temperature: 1, seed: 12 }),
  over: () => syntheticProbabilities({ n: 2000, temperature: 0.5, seed: 17 }),
  under: () => syntheticProbabilities({ n: 2000, temperature: 2, seed: 19 }),
};

/** A confidence gap (mean confidence - accuracy) within this band reads as neither over- nor under-confident. */
const GAP_TOLERANCE = 0.03;
/** Above this ECE a model with no overall gap is still called miscalibrated. */
const ECE_TOLERANCE = 0.05;

/** Reads "prob,label" rows: probabilities in [0, 1], labels 0 or 1, at least two rows. */
export function parseProbabilityCsv(text: string): LabelledProbabilities {
  const parsed = parseRows(text, ['prob', 'label'], ([prob, label], line) => {
    const p = cellNumber(prob);
    if (p === null) return `Line ${line}: the probability "${prob}" is not a number.`;
    if (p < 0 || p > 1)
      return `Line ${line}: the probability ${prob} is outside 0 to 1; a probability must be between 0 and 1.`;
    if (label !== '0' && label !== '1') return `Line ${line}: the label must be 0 or 1, not "${label}".`;
    return { prob: p, label: Number(label) as 0 | 1 };
  });
  if (!parsed.ok) throw new MetricInputError(parsed.message, 'out-of-range');
  if (parsed.rows.length < 2)
    throw new MetricInputError(
      'One prediction cannot show calibration: paste at least two rows of prob,label (a useful reliability diagram needs hundreds).',
      'empty',
    );
  return { probs: parsed.rows.map((r) => r.prob), yTrue: parsed.rows.map((r) => r.label) };
}

export function loadData(state: State): LabelledProbabilities {
  return state.data === 'custom' ? parseProbabilityCsv(state.csv) : DATASETS[state.data]();
}

/** "0.1" rather than "0.100" for bin edges on an axis. */
const edge = (value: number) => String(Number(value.toFixed(2)));

function verdict(gap: ReturnType<typeof confidenceGap>, ece: number, n: number): string {
  const numbers = `mean confidence ${fmt(gap.meanConfidence)} against accuracy ${fmt(gap.accuracy)}`;
  let text: string;
  if (gap.gap > GAP_TOLERANCE)
    text = `<strong>Over-confident</strong>: ${numbers}. Predictions are more extreme than the outcomes: high bins sit below the diagonal and low bins above it.`;
  else if (gap.gap < -GAP_TOLERANCE)
    text = `<strong>Under-confident</strong>: ${numbers}. Predictions huddle towards 0.5 although the outcomes are more certain: high bins sit above the diagonal and low bins below it.`;
  else if (ece > ECE_TOLERANCE)
    text = `<strong>Miscalibrated, but not in one direction</strong>: ${numbers} roughly agree, yet ECE is ${fmt(ece)}, so some bins are off the diagonal in opposite directions.`;
  else text = `<strong>Well calibrated</strong>: ${numbers}, and the bins follow the diagonal.`;
  if (n < 100)
    text += ` With only ${fmtInt(n)} predictions each bin holds a handful of points, so read this as a sketch.`;
  return `<p class="widget-verdict">${text}</p>`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const { yTrue, probs } = loadData(state);
    const bins = state.bins;
    const curve = calibrationCurve(yTrue, probs, bins);
    const counts = reliabilityBinCounts(probs, bins);
    const ece = expectedCalibrationError(yTrue, probs, bins);
    const loss = logLoss(yTrue, probs);
    const brier = brierScore(yTrue, probs);
    const gap = confidenceGap(yTrue, probs);
    const lowerEdges = counts.map((_, b) => b / bins);
    // calibrationCurve lists only non-empty bins; this maps its i-th entry to the bin's index.
    const nonEmptyBins = counts.flatMap((count, b) => (count > 0 ? [b] : []));
    const binOf = (i: number) => nonEmptyBins[i] as number;

    const reliability = lineChart({
      title: `Reliability diagram, ${bins} bins, ECE ${fmt(ece)}`,
      xLabel: 'Mean predicted probability in the bin',
      yLabel: 'Observed fraction of positives',
      xDomain: [0, 1],
      yDomain: [0, 1],
      series: [
        {
          name: 'Perfect calibration',
          points: [
            [0, 0],
            [1, 1],
          ],
          tone: 4,
          dashed: true,
        },
        { name: 'Model', points: curve.probPred.map((x, i) => [x, curve.probTrue[i] as number]), tone: 1 },
      ],
      markers: curve.probPred.map((x, i) => ({
        x,
        y: curve.probTrue[i] as number,
        label: `Bin ${edge(lowerEdges[binOf(i)] as number)} to ${edge((binOf(i) + 1) / bins)}: ${fmtInt(curve.counts[i] as number)} predictions, mean ${fmt(x)}, observed ${fmt(curve.probTrue[i] as number)}`,
        tone: 2,
      })),
    });
    const histogram = barChart({
      title: 'Predictions per bin',
      xLabel: 'Bin (lower edge of predicted probability)',
      yLabel: 'Predictions',
      categories: lowerEdges.map(edge),
      groups: [{ name: 'Predictions', values: counts, tone: 1 }],
      height: 170,
    });
    const binRows = curve.probPred
      .map(
        (x, i) =>
          `<tr><td>${edge(lowerEdges[binOf(i)] as number)}–${edge((binOf(i) + 1) / bins)}</td><td>${fmtInt(curve.counts[i] as number)}</td><td>${fmt(x)}</td><td>${fmt(curve.probTrue[i] as number)}</td><td>${fmt(Math.abs((curve.probTrue[i] as number) - x))}</td></tr>`,
      )
      .join('');
    const binTable = `<details><summary>Bin by bin (empty bins omitted)</summary><div class="widget-scroll" tabindex="0" role="region" aria-label="Bin by bin table"><table>
<thead><tr><th scope="col">Bin</th><th scope="col">Predictions</th><th scope="col">Mean prediction</th><th scope="col">Observed rate</th><th scope="col">Gap</th></tr></thead>
<tbody>${binRows}</tbody></table></div></details>`;

    const html = `<div class="widget-grid">
<div>${readouts([
      [`ECE (${bins} bins)`, fmt(ece)],
      ['Log loss', fmt(loss)],
      ['Brier score', fmt(brier)],
      ['Mean confidence', fmt(gap.meanConfidence)],
      ['Accuracy', fmt(gap.accuracy)],
      ['Predictions', fmtInt(probs.length)],
    ])}
${verdict(gap, ece, probs.length)}
${binTable}</div>
<div>${reliability}${legend([
      { name: 'Perfect calibration', tone: 4, dashed: true },
      { name: 'Model (one point per non-empty bin)', tone: 1 },
    ])}${histogram}</div></div>`;
    const direction =
      gap.gap > GAP_TOLERANCE
        ? 'over-confident'
        : gap.gap < -GAP_TOLERANCE
          ? 'under-confident'
          : ece > ECE_TOLERANCE
            ? 'miscalibrated'
            : 'well calibrated';
    const summary = `${fmtInt(probs.length)} predictions in ${bins} bins: ECE ${fmt(ece)}, log loss ${fmt(loss)}, Brier score ${fmt(brier)}; the model looks ${direction}.`;
    return { html, summary };
  });
}
