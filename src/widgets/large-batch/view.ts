/**
 * Large-batch scaling calculator, pure view: workers × per-worker batch × accumulation -> global batch,
 * steps per epoch, the learning rate scaled from a base rate and batch (linear or square-root rule),
 * and the warmup schedule, with a plain-language caution when the linear rule asks for too much.
 */
import { scaledLearningRate, stepsPerEpoch, warmupSchedule, type LrScalingRule } from '../../lib/systems/training.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { countOf, fmtInt } from '../kit/format.ts';
import { legend, lineChart } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** Points drawn on the schedule curve; enough for a smooth line, few enough for a small SVG. */
const CURVE_POINTS = 200;
/** Above this multiple of the base rate the linear rule earns a caution. */
export const CAUTION_MULTIPLE = 10;
/** Goyal et al. made the linear rule work up to 8,192 / 256 = 32 times the base batch. */
export const PROVEN_MULTIPLE = 32;

/** Three significant digits: 3.2, 0.566, 25.6; very small rates as 2.83e-5. Never NaN. */
export function fmtRate(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`fmtRate() was given ${value}`);
  const rounded = Number(value.toPrecision(3));
  return rounded !== 0 && Math.abs(rounded) < 1e-3 ? rounded.toExponential() : String(rounded);
}

/** Whole steps from 0 to total, evenly spread, always including the end of warmup. */
export function sampleSteps(total: number, warmupSteps: number): number[] {
  const n = Math.min(total, CURVE_POINTS);
  const steps = new Set<number>([warmupSteps]);
  for (let i = 0; i <= n; i++) steps.add(Math.round((i * total) / n));
  return [...steps].sort((a, b) => a - b);
}

function caution(state: State, multiple: number, peak: number): string {
  if (state.rule !== 'linear' || multiple <= CAUTION_MULTIPLE) return '';
  const jump = `the linear rule multiplies the base rate by ${fmtRate(multiple)} (${fmtRate(state.baseLr)} → ${fmtRate(peak)})`;
  let text: string;
  if (multiple > PROVEN_MULTIPLE) {
    text = `Caution: ${jump}. That is past where the rule is known to hold: Goyal et al. kept ResNet-50's accuracy up to 32 times (batch 8,192 from 256), and beyond that it fell even with warmup. A rate this large is likely to diverge or to generalise worse. Try the square-root rule, a layer-wise optimizer (LARS, LAMB), or a smaller global batch.`;
  } else {
    text = `Caution: ${jump}. Goyal et al. made a jump of up to 32 times work for SGD on ImageNet, but only with a gradual warmup; treat it as the edge of the safe range, not a default.`;
  }
  if (state.warmup === 0)
    text +=
      ' With no warmup the very first step uses the full rate, while the weights are still random: expect the loss to blow up.';
  return `<p class="lb-caution" role="note">${text}</p>`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const globalBatch = state.workers * state.perWorker * state.accum;
    if (state.dropLast && state.dataset < globalBatch) {
      throw new MetricInputError(
        `The dataset (${countOf(state.dataset, 'example')}) is smaller than one global batch (${fmtInt(globalBatch)}), and the last incomplete batch is dropped, so an epoch has no steps at all. Use fewer workers or a smaller batch, or untick "Drop the last incomplete batch".`,
        'out-of-range',
      );
    }
    if (state.warmup > state.epochs) {
      throw new MetricInputError(
        `The warmup (${countOf(state.warmup, 'epoch')}) is longer than the whole run (${countOf(state.epochs, 'epoch')}). Shorten the warmup or train for more epochs.`,
        'out-of-range',
      );
    }
    const steps = stepsPerEpoch({ datasetSize: state.dataset, globalBatch, dropLast: state.dropLast });
    const rule = state.rule as LrScalingRule;
    const otherRule: LrScalingRule = rule === 'linear' ? 'sqrt' : 'linear';
    const scaling = { baseLr: state.baseLr, baseBatch: state.baseBatch, batch: globalBatch };
    const peak = scaledLearningRate({ ...scaling, rule });
    const other = scaledLearningRate({ ...scaling, rule: otherRule });
    const totalSteps = steps * state.epochs;
    const warmupSteps = Math.round(state.warmup * steps);
    const sampled = sampleSteps(totalSteps, warmupSteps);
    const rates = warmupSchedule({
      peakLr: peak,
      warmupSteps,
      totalSteps,
      steps: sampled,
      decay: state.decay as 'cosine' | 'constant',
    });
    const multiple = globalBatch / state.baseBatch;

    // Plotted against epochs (steps / steps per epoch) so tick labels stay short at any run length;
    // rates below 0.01 in a scaled unit (× 1e-5) so the y ticks do not run into the axis label.
    const top = Math.max(peak, state.baseLr);
    const exponent = top < 0.01 ? Math.floor(Math.log10(top)) : 0;
    const unit = 10 ** exponent;
    const chart = lineChart({
      title: `Learning rate along the run: warmup to ${fmtRate(peak)}, then ${state.decay === 'cosine' ? 'cosine decay' : 'constant'}`,
      xLabel: `Epoch (${countOf(steps, 'step')} each)`,
      yLabel: exponent === 0 ? 'Learning rate' : `Learning rate (× 1e${exponent})`,
      xDomain: [0, state.epochs],
      yDomain: [0, (top * 1.1) / unit],
      series: [{ name: 'Learning rate', points: sampled.map((s, i) => [s / steps, rates[i]! / unit]), tone: 1 }],
      xRules:
        warmupSteps > 0 && warmupSteps < totalSteps
          ? [{ value: warmupSteps / steps, label: 'warmup ends', tone: 3 }]
          : [],
      yRules: peak !== state.baseLr ? [{ value: state.baseLr / unit, label: 'base rate', tone: 4 }] : [],
    });

    const product = `${countOf(state.workers, 'worker')} × ${countOf(state.perWorker, 'example')}${state.accum > 1 ? ` × ${fmtInt(state.accum)} accumulation steps` : ''}`;
    const warmupText =
      warmupSteps === 0
        ? 'There is no warmup: the first step already uses the peak rate.'
        : `Warmup climbs from 0 to the peak over ${countOf(warmupSteps, 'step')} (${countOf(state.warmup, 'epoch')}), then the rate ${state.decay === 'cosine' ? `follows a half cosine down to 0 at step ${fmtInt(totalSteps)}` : 'stays at the peak'}.`;
    const wholeData =
      globalBatch >= state.dataset
        ? '<p class="lb-caution" role="note">One global batch already covers the whole dataset, so every step sees every example: more workers cannot make an epoch any shorter.</p>'
        : '';

    const html = `<div class="widget-grid">
<div>${readouts([
      ['Global batch', fmtInt(globalBatch)],
      ['Times the base batch', `${fmtRate(multiple)}×`],
      ['Steps per epoch', fmtInt(steps)],
      ['Warmup steps', fmtInt(warmupSteps)],
      ['Total steps', fmtInt(totalSteps)],
      ['Peak learning rate', fmtRate(peak)],
    ])}
<p class="widget-verdict">${product} = a global batch of <strong>${fmtInt(globalBatch)}</strong>, ${fmtRate(multiple)} times the base batch of ${fmtInt(state.baseBatch)}. The ${rule === 'linear' ? 'linear' : 'square-root'} rule takes the base rate ${fmtRate(state.baseLr)} to <strong>${fmtRate(peak)}</strong>; the ${otherRule === 'linear' ? 'linear' : 'square-root'} rule would give ${fmtRate(other)}. ${warmupText}</p>
${caution(state, multiple, peak)}${wholeData}</div>
<div>${chart}${legend([
      { name: 'Learning rate', tone: 1 },
      { name: 'End of warmup', tone: 3, dashed: true },
      { name: 'Base rate', tone: 4, dashed: true },
    ])}</div></div>`;
    const summary = `Global batch ${fmtInt(globalBatch)}, ${countOf(steps, 'step')} per epoch, peak learning rate ${fmtRate(peak)} by the ${rule === 'linear' ? 'linear' : 'square-root'} rule, ${countOf(warmupSteps, 'warmup step')} of ${fmtInt(totalSteps)}.`;
    return { html, summary };
  });
}
