/**
 * Small SVG charts for widgets, rendered to a string so the same function draws the build-time
 * first state and every client update. scale.ts computes scales, ticks and paths (d3's algorithms);
 * colours come from CSS classes (tone-1..4) so charts follow the light/dark theme.
 * Only numbers and fixed labels reach the markup; caller text is escaped.
 */
import { bandScale, linearScale, linePath, niceDomain } from './scale.ts';
import { escapeHtml } from './format.ts';

export type Tone = 1 | 2 | 3 | 4;
export interface Series {
  name: string;
  points: [number, number][];
  tone: Tone;
  step?: boolean;
  dashed?: boolean;
}
export interface Marker {
  x: number;
  y: number;
  label: string;
  tone: Tone;
}
export interface Rule {
  value: number;
  label: string;
  tone: Tone;
}
export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  xDomain: [number, number];
  yDomain: [number, number];
  series: Series[];
  markers?: Marker[];
  xRules?: Rule[];
  yRules?: Rule[];
  width?: number;
  height?: number;
}

const MARGIN = { top: 12, right: 14, bottom: 40, left: 48 };
const r = (v: number) => Math.round(v * 100) / 100;

function frame(width: number, height: number, title: string, body: string): string {
  return `<svg class="widget-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

function axisLabels(width: number, height: number, xLabel: string, yLabel: string): string {
  const midX = MARGIN.left + (width - MARGIN.left - MARGIN.right) / 2;
  const midY = MARGIN.top + (height - MARGIN.top - MARGIN.bottom) / 2;
  return (
    `<text class="axis-label" x="${r(midX)}" y="${height - 4}" text-anchor="middle">${escapeHtml(xLabel)}</text>` +
    `<text class="axis-label" transform="translate(12 ${r(midY)}) rotate(-90)" text-anchor="middle">${escapeHtml(yLabel)}</text>`
  );
}

/** A line (or step) chart with optional point markers and reference lines. */
export function lineChart(o: LineChartOptions): string {
  const width = o.width ?? 320;
  const height = o.height ?? 240;
  const x = linearScale(o.xDomain, [MARGIN.left, width - MARGIN.right]);
  const y = linearScale(o.yDomain, [height - MARGIN.bottom, MARGIN.top]);
  const parts: string[] = [];
  for (const t of x.ticks(5)) {
    parts.push(
      `<line class="grid" x1="${r(x(t))}" x2="${r(x(t))}" y1="${MARGIN.top}" y2="${height - MARGIN.bottom}"/>`,
    );
    parts.push(
      `<text class="tick" x="${r(x(t))}" y="${height - MARGIN.bottom + 14}" text-anchor="middle">${x.tickFormat(5)(t)}</text>`,
    );
  }
  for (const t of y.ticks(5)) {
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${r(y(t))}" y2="${r(y(t))}"/>`);
    parts.push(
      `<text class="tick" x="${MARGIN.left - 6}" y="${r(y(t)) + 4}" text-anchor="end">${y.tickFormat(5)(t)}</text>`,
    );
  }
  for (const rule of o.xRules ?? []) {
    const at = x(rule.value);
    // A label goes right of its line unless it would run past the plot (about 6.5 px a character
    // at the label's size): then it sits left of the line, inside the chart.
    const leftOfLine = at + 4 + rule.label.length * 6.5 > width - MARGIN.right;
    parts.push(
      `<line class="rule tone-${rule.tone}" x1="${r(at)}" x2="${r(at)}" y1="${MARGIN.top}" y2="${height - MARGIN.bottom}"/>`,
    );
    parts.push(
      `<text class="rule-label tone-${rule.tone}" x="${r(leftOfLine ? at - 4 : at + 4)}" y="${MARGIN.top + 10}"${leftOfLine ? ' text-anchor="end"' : ''}>${escapeHtml(rule.label)}</text>`,
    );
  }
  parts.push(horizontalRules(o.yRules ?? [], y, width));
  for (const s of o.series) {
    const path = linePath(
      s.points.map(([px, py]) => [r(x(px)), r(y(py))]),
      s.step,
    );
    if (path)
      parts.push(
        `<path class="series tone-${s.tone}${s.dashed ? ' dashed' : ''}" d="${path}"><title>${escapeHtml(s.name)}</title></path>`,
      );
  }
  for (const m of o.markers ?? []) {
    parts.push(
      `<circle class="marker tone-${m.tone}" cx="${r(x(m.x))}" cy="${r(y(m.y))}" r="5"><title>${escapeHtml(m.label)}</title></circle>`,
    );
  }
  parts.push(
    `<rect class="plot-frame" x="${MARGIN.left}" y="${MARGIN.top}" width="${width - MARGIN.left - MARGIN.right}" height="${height - MARGIN.top - MARGIN.bottom}"/>`,
  );
  parts.push(axisLabels(width, height, o.xLabel, o.yLabel));
  return frame(width, height, o.title, parts.join(''));
}

export interface BarGroup {
  name: string;
  values: number[];
  tone: Tone;
}
export interface BarChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  categories: string[];
  groups: BarGroup[];
  yMax?: number;
  /** Horizontal reference lines, such as a memory limit or a four-fifths threshold. */
  yRules?: Rule[];
  /** One bar per category with the groups stacked bottom to top (parts of a whole), instead of side by side. */
  stacked?: boolean;
  width?: number;
  height?: number;
}

/** Grouped or stacked bars, one band per category (histograms, per-group rates, memory per GPU...). */
export function barChart(o: BarChartOptions): string {
  const width = o.width ?? 320;
  const height = o.height ?? 220;
  const x = bandScale(o.categories, [MARGIN.left, width - MARGIN.right], 0.2);
  const inner = bandScale(o.stacked ? [''] : o.groups.map((g) => g.name), [0, x.bandwidth], 0.05);
  const totals = o.categories.map((_, i) => o.groups.reduce((total, g) => total + (g.values[i] ?? 0), 0));
  const top =
    o.yMax ??
    Math.max(
      1e-9,
      ...(o.stacked ? totals : o.groups.flatMap((g) => g.values)),
      ...(o.yRules ?? []).map((rule) => rule.value),
    );
  const y = linearScale(niceDomain([0, top]), [height - MARGIN.bottom, MARGIN.top]);
  const parts: string[] = [];
  for (const t of y.ticks(4)) {
    parts.push(`<line class="grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${r(y(t))}" y2="${r(y(t))}"/>`);
    parts.push(
      `<text class="tick" x="${MARGIN.left - 6}" y="${r(y(t)) + 4}" text-anchor="end">${y.tickFormat(4)(t)}</text>`,
    );
  }
  const every = Math.ceil(o.categories.length / 10);
  o.categories.forEach((c, i) => {
    if (i % every === 0)
      parts.push(
        `<text class="tick" x="${r(x(c)! + x.bandwidth / 2)}" y="${height - MARGIN.bottom + 14}" text-anchor="middle">${escapeHtml(c)}</text>`,
      );
    let base = 0;
    for (const g of o.groups) {
      const v = g.values[i] ?? 0;
      const left = x(c)! + inner(o.stacked ? '' : g.name)!;
      const bottom = o.stacked ? base : 0;
      parts.push(
        `<rect class="bar tone-${g.tone}" x="${r(left)}" y="${r(y(bottom + v))}" width="${r(inner.bandwidth)}" height="${r(y(bottom) - y(bottom + v))}"><title>${escapeHtml(`${g.name}, ${c}: ${v.toPrecision(3)}`)}</title></rect>`,
      );
      base += v;
    }
  });
  parts.push(`<line class="axis" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${r(y(0))}" y2="${r(y(0))}"/>`);
  parts.push(horizontalRules(o.yRules ?? [], y, width));
  parts.push(axisLabels(width, height, o.xLabel, o.yLabel));
  return frame(width, height, o.title, parts.join(''));
}

/** Pixels between the baselines of two rule labels, so that they do not overlap. */
const RULE_LABEL_GAP = 12;

/**
 * Horizontal rules across the plot, each labelled at its right end just above its line. Labels are
 * placed from the lowest line up, and one that would overlap the label below it (two rules closer
 * than a line of text, as the 24 and 80 GB cards on a 1,200 GB scale) moves up above it.
 */
function horizontalRules(rules: Rule[], y: (v: number) => number, width: number): string {
  let below = Infinity; // the baseline of the label placed last
  return [...rules]
    .sort((a, b) => y(b.value) - y(a.value))
    .map((rule) => {
      const at = y(rule.value);
      below = Math.min(at - 4, below - RULE_LABEL_GAP);
      return (
        `<line class="rule tone-${rule.tone}" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${r(at)}" y2="${r(at)}"/>` +
        `<text class="rule-label tone-${rule.tone}" x="${width - MARGIN.right - 4}" y="${r(below)}" text-anchor="end">${escapeHtml(rule.label)}</text>`
      );
    })
    .join('');
}

/** A legend as HTML (keeps SVGs small and lets text wrap on phones). */
export function legend(items: { name: string; tone: Tone; dashed?: boolean }[]): string {
  return `<ul class="widget-legend">${items
    .map(
      (i) =>
        `<li><span class="swatch tone-${i.tone}${i.dashed ? ' dashed' : ''}" aria-hidden="true"></span>${escapeHtml(i.name)}</li>`,
    )
    .join('')}</ul>`;
}
