/**
 * Distillation temperature explorer, pure view: teacher logits and a temperature -> softened
 * probabilities next to the ordinary ones, their entropies, how much mass the non-top classes get
 * ("dark knowledge"), and, given student logits, the distillation loss of Hinton et al.
 */
import { distillationLoss, entropy, softmaxWithTemperature } from '../../lib/systems/distillation.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { cellNumber } from '../kit/csv.ts';
import { escapeHtml, fmt, fmtPercent } from '../kit/format.ts';
import { barChart, legend } from '../kit/chart.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 20;
/** Above this share of the largest possible entropy, the softened teacher is called nearly uniform. */
const NEARLY_UNIFORM = 0.95;

export interface Logits {
  names: string[];
  values: number[];
}

/** Reads "4, 2, 0" or "husky: 4, wolf: 2, toaster: 0"; unnamed classes are called "class i". */
export function parseLogits(text: string, who: 'teacher' | 'student'): Logits {
  const Who = who === 'teacher' ? 'Teacher' : 'Student';
  if (text.trim() === '') {
    throw new MetricInputError(`Type the ${who}'s logits, separated by commas (for example 4, 2, 0).`, 'empty');
  }
  const names: string[] = [];
  const values: number[] = [];
  text.split(/[,;\n]/).forEach((raw, i) => {
    const token = raw.trim();
    if (token === '') {
      throw new MetricInputError(
        `${Who} logits: item ${i + 1} is empty. Check for a doubled or trailing comma.`,
        'empty',
      );
    }
    const named = token.match(/^([^:=]+?)\s*[:=]\s*(.*)$/);
    const number = (named ? named[2]! : token).trim();
    const value = cellNumber(number);
    if (value === null) {
      throw new MetricInputError(`${Who} logits: "${token}" is not a number.`, 'not-finite');
    }
    names.push(named ? named[1]!.trim() : `class ${i}`);
    values.push(value);
  });
  if (values.length < MIN_CLASSES) {
    throw new MetricInputError(
      `Give at least ${MIN_CLASSES} ${who} logits, one per class: with a single class every probability is 1.`,
      'out-of-range',
    );
  }
  if (values.length > MAX_CLASSES) {
    throw new MetricInputError(
      `Give at most ${MAX_CLASSES} ${who} logits (you gave ${values.length}).`,
      'out-of-range',
    );
  }
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) {
    throw new MetricInputError(
      `${Who} logits: the class name "${repeated}" is used twice; give each class its own name.`,
      'out-of-range',
    );
  }
  return { names, values };
}

/** A temperature as typed: 4, 2.5, 0.1. */
function fmtT(T: number): string {
  return String(Number(T.toPrecision(4)));
}

function argmax(values: readonly number[], skip = -1): number {
  let best = -1;
  values.forEach((v, i) => {
    if (i !== skip && (best < 0 || v > values[best]!)) best = i;
  });
  return best;
}

function darkKnowledge(names: string[], p1: number[], pT: number[], T: number, hT: number, hMax: number): string {
  const top = argmax(p1);
  const runner = argmax(p1, top);
  const others1 = 1 - p1[top]!;
  const othersT = 1 - pT[top]!;
  const topName = escapeHtml(names[top]!);
  let text: string;
  if (T > 1) {
    const moves = pT[runner]! > p1[runner]! ? 'rises' : 'falls';
    text = `Dark knowledge: at T = 1 the classes other than ${topName} share ${fmtPercent(others1)} of the probability; at T = ${fmtT(T)} they share <strong>${fmtPercent(othersT)}</strong>. The runner-up, ${escapeHtml(names[runner]!)}, ${moves} from ${fmtPercent(p1[runner]!)} to ${fmtPercent(pT[runner]!)}${moves === 'rises' ? ', so the student also learns which wrong answer is nearly right' : ''}.`;
  } else if (T < 1) {
    text = `A temperature below 1 sharpens: the classes other than ${topName} share only ${fmtPercent(othersT)} at T = ${fmtT(T)}, against ${fmtPercent(others1)} at T = 1, so the soft targets approach the one-hot label and add little to it.`;
  } else {
    text = `At T = 1 the soft targets are the teacher's ordinary probabilities: the classes other than ${topName} share ${fmtPercent(others1)}. Raise T to give them more weight.`;
  }
  if (hT / hMax > NEARLY_UNIFORM) {
    text += ` The softened teacher is nearly uniform (entropy ${fmt(hT)} nats, ${fmtPercent(hT / hMax)} of the ${fmt(hMax)} of a uniform guess), so its targets say little about which class is right; a lower T keeps more of its ranking.`;
  }
  return `<p class="widget-verdict">${text}</p>`;
}

export function view(state: State): WidgetResult {
  return guard(() => {
    const teacher = parseLogits(state.teacher, 'teacher');
    const k = teacher.values.length;
    const p1 = softmaxWithTemperature(teacher.values, 1);
    const pT = softmaxWithTemperature(teacher.values, state.T);
    const h1 = entropy(p1);
    const hT = entropy(pT);
    const hMax = entropy(new Array<number>(k).fill(1 / k)); // a uniform distribution's

    let student: number[] | null = null;
    if (state.student.trim() !== '') {
      student = parseLogits(state.student, 'student').values;
      if (student.length !== k) {
        throw new MetricInputError(
          `The student has ${student.length} logits but the teacher has ${k}; give one per class, in the same order.`,
          'length-mismatch',
        );
      }
      if (state.label >= k) {
        throw new MetricInputError(
          `The true class is ${state.label}, but there are only ${k} classes, numbered 0 to ${k - 1}.`,
          'out-of-range',
        );
      }
    }

    const short = teacher.names.every((n) => n.length <= 8) && k <= 8;
    const categories = short ? teacher.names : teacher.names.map((_, i) => String(i));
    const T = fmtT(state.T);
    const chart = barChart({
      title: `Teacher probabilities at T = 1 and at T = ${T}`,
      xLabel: short ? 'Class' : 'Class (index; names in the table)',
      yLabel: 'Probability',
      categories,
      groups: [
        // Distinct names even at T = 1: the chart keys its bars by group name.
        { name: 'At T = 1', values: p1, tone: 4 },
        { name: 'At the chosen T', values: pT, tone: 1 },
      ],
      yMax: 1,
    });

    const studentT = student ? softmaxWithTemperature(student, state.T) : null;
    const rows = teacher.names
      .map(
        (name, i) =>
          `<tr><th scope="row">${i}: ${escapeHtml(name)}${student && i === state.label ? ' (true)' : ''}</th><td>${String(Number(teacher.values[i]!.toPrecision(4)))}</td><td>${fmt(p1[i]!, 4)}</td><td>${fmt(pT[i]!, 4)}</td>${studentT ? `<td>${fmt(studentT[i]!, 4)}</td>` : ''}</tr>`,
      )
      .join('');
    const table = `<div class="di-scroll"><table><caption>Teacher probabilities by class${studentT ? ", and the student's at T" : ''}</caption><thead><tr><th scope="col">Class</th><th scope="col">Logit</th><th scope="col">T = 1</th><th scope="col">T = ${T}</th>${studentT ? `<th scope="col">Student, T = ${T}</th>` : ''}</tr></thead><tbody>${rows}</tbody></table></div>`;

    let lossBlock = '<p class="widget-intro">Add student logits above to see the distillation loss.</p>';
    let lossSummary = '';
    if (student) {
      const loss = distillationLoss({
        studentLogits: student,
        teacherLogits: teacher.values,
        label: state.label,
        T: state.T,
        alpha: state.alpha,
      });
      const a = fmt(state.alpha, 2);
      const b = fmt(1 - state.alpha, 2);
      const extreme =
        state.alpha === 0
          ? ' With α = 0 the teacher is ignored: this is ordinary training on the labels.'
          : state.alpha === 1
            ? ' With α = 1 the label is ignored: the student only copies the teacher.'
            : '';
      lossBlock = `${readouts([
        ['Soft term, T²·KL', fmt(loss.soft)],
        ['Hard term, cross-entropy', fmt(loss.hard)],
        ['Total loss', fmt(loss.total)],
      ])}<p class="widget-verdict">Total = α × soft + (1 − α) × hard = ${a} × ${fmt(loss.soft)} + ${b} × ${fmt(loss.hard)} = <strong>${fmt(loss.total)}</strong> nats.${extreme}</p>`;
      lossSummary = ` Distillation loss ${fmt(loss.total)} (soft ${fmt(loss.soft)}, hard ${fmt(loss.hard)}).`;
    }

    const html = `<div class="widget-grid">
<div>${readouts([
      ['Entropy at T = 1', fmt(h1)],
      // At T = 1 the two entropies are the same number; show it once.
      ...(state.T === 1 ? [] : [[`Entropy at T = ${T}`, fmt(hT)] as [string, string]]),
      ['Uniform (maximum)', fmt(hMax)],
    ])}
${darkKnowledge(teacher.names, p1, pT, state.T, hT, hMax)}
${lossBlock}</div>
<div>${chart}${legend([
      { name: 'Teacher at T = 1', tone: 4 },
      { name: `Teacher at T = ${T}`, tone: 1 },
    ])}</div></div>
${table}`;
    const top = argmax(p1);
    const summary = `At T = ${T} the top class gets ${fmtPercent(pT[top]!)} (${fmtPercent(p1[top]!)} at T = 1); entropy ${fmt(hT)} nats against ${fmt(h1)}.${lossSummary}`;
    return { html, summary };
  });
}
