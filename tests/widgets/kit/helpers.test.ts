import { describe, expect, it } from 'vitest';
import { cellNumber, parseRows } from '../../../src/widgets/kit/csv.ts';
import { countOf, escapeHtml, fmt, fmtInt, fmtPercent } from '../../../src/widgets/kit/format.ts';
import { barChart, lineChart } from '../../../src/widgets/kit/chart.ts';

const toPair = ([a, b]: string[], line: number) =>
  Number.isFinite(Number(a)) ? { a: Number(a), b } : `Line ${line}: bad number "${a}".`;

describe('parseRows', () => {
  it('skips a header, blank lines and comments; accepts , ; and tabs', () => {
    expect(parseRows('score,label\n0.9,1\n\n# note\n0.1;0\n0.5\t1', ['score', 'label'], toPair)).toEqual({
      ok: true,
      rows: [
        { a: 0.9, b: '1' },
        { a: 0.1, b: '0' },
        { a: 0.5, b: '1' },
      ],
    });
  });
  it('names the first bad line', () => {
    expect(parseRows('0.9,1\nabc,0', ['score', 'label'], toPair)).toEqual({
      ok: false,
      message: 'Line 2: bad number "abc".',
    });
    expect(parseRows('0.9', ['score', 'label'], toPair)).toEqual({
      ok: false,
      message: 'Line 1 needs 2 values (score,label).',
    });
    expect(parseRows('   ', ['score', 'label'], toPair)).toEqual({
      ok: false,
      message: 'Paste at least one row of score,label.',
    });
  });
});

describe('cellNumber', () => {
  it('reads decimal notation as spreadsheets export it', () => {
    expect(['0.5', '-3', '1e-6', '.5', '+5', '5.', '5.e3'].map(cellNumber)).toEqual([0.5, -3, 1e-6, 0.5, 5, 5, 5000]);
  });
  it('refuses hex, binary, octal, Infinity, empty cells and values that would become 0 or ∞ (probe D16)', () => {
    for (const cell of ['0x1', '0b11', '0o17', 'Infinity', '', '1e-400', '1e309', '1_000', '1,5'])
      expect(cellNumber(cell), cell).toBeNull();
    expect(cellNumber('0e-400')).toBe(0);
  });
  it('a header with no rows is named as such', () => {
    expect(parseRows('score,label', ['score', 'label'], toPair)).toEqual({
      ok: false,
      message: 'There is only a header row: paste rows of score,label below it.',
    });
  });
});

describe('parseRows with word cells', () => {
  const toLabels = ([a, b]: string[]) => ({ a, b });
  it('keeps a first row of words as data when the caller says it is no header', () => {
    const isHeader = (cells: string[]) => cells[0] === 'judge';
    expect(parseRows('pass,fail\nfail,fail', ['judge', 'human'], toLabels, { isHeader })).toEqual({
      ok: true,
      rows: [
        { a: 'pass', b: 'fail' },
        { a: 'fail', b: 'fail' },
      ],
    });
    expect(parseRows('judge,human\npass,fail', ['judge', 'human'], toLabels, { isHeader })).toEqual({
      ok: true,
      rows: [{ a: 'pass', b: 'fail' }],
    });
  });
});

describe('format', () => {
  it('formats numbers and refuses to print NaN or Infinity', () => {
    expect(fmt(0.123456)).toBe('0.123');
    expect(fmt(null)).toBe('n/a');
    expect(fmtPercent(0.0512)).toBe('5.1%');
    expect(fmtInt(31234.4)).toBe('31,234');
    expect(() => fmt(NaN)).toThrow();
    expect(() => fmtInt(Infinity)).toThrow();
  });
  it('counts with the right noun', () => {
    expect([countOf(1, 'example'), countOf(2048, 'example'), countOf(0.5, 'epoch'), countOf(0, 'step')]).toEqual([
      '1 example',
      '2,048 examples',
      '0.5 epochs',
      '0 steps',
    ]);
  });

  it('escapes HTML', () => {
    expect(escapeHtml('<img src=x onerror="a">&\'')).toBe('&#60;img src=x onerror=&#34;a&#34;&#62;&#38;&#39;');
  });
});

describe('charts', () => {
  it('draws a line chart with ticks, series and markers as SVG', () => {
    const svg = lineChart({
      title: 'ROC <curve>',
      xLabel: 'FPR',
      yLabel: 'TPR',
      xDomain: [0, 1],
      yDomain: [0, 1],
      series: [
        {
          name: 'ROC',
          points: [
            [0, 0],
            [0.5, 0.8],
            [1, 1],
          ],
          tone: 1,
        },
      ],
      markers: [{ x: 0.5, y: 0.8, label: 'now', tone: 2 }],
    });
    expect(svg).toMatch(
      /^<svg class="widget-chart" viewBox="0 0 320 240" role="img" aria-label="ROC &#60;curve&#62;">/,
    );
    expect(svg).toContain('<path class="series tone-1" d="M48,200L177,49.6L306,12">');
    expect(svg).toContain('<circle class="marker tone-2" cx="177" cy="49.6" r="5">');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
  it("keeps a vertical rule's label inside the chart: right of its line, or left of it at the right edge", () => {
    const chart = (value: number) =>
      lineChart({
        title: 'Cost',
        xLabel: 'x',
        yLabel: 'y',
        xDomain: [0, 100],
        yDomain: [0, 1],
        series: [],
        xRules: [{ value, label: 'exact', tone: 4 }],
      });
    // The plot spans x = 48 to 306: 10 sits at 73.8 and 100 at the right edge, 306.
    expect(chart(10)).toContain('<text class="rule-label tone-4" x="77.8" y="22">exact</text>');
    expect(chart(80)).toContain('<text class="rule-label tone-4" x="258.4" y="22">exact</text>');
    // At 90 (280.2), "exact" (about 33 px) would end at 317, past the plot's right edge at 306.
    expect(chart(90)).toContain('<text class="rule-label tone-4" x="276.2" y="22" text-anchor="end">exact</text>');
    expect(chart(100)).toContain('<text class="rule-label tone-4" x="302" y="22" text-anchor="end">exact</text>');
  });
  it('draws grouped bars scaled to the largest value', () => {
    const svg = barChart({
      title: 'Bins',
      xLabel: 'bin',
      yLabel: 'share',
      categories: ['a', 'b'],
      groups: [{ name: 'ref', values: [0.25, 0.75], tone: 1 }],
    });
    expect(svg.match(/<rect class="bar tone-1"/g)).toHaveLength(2);
    const limited = barChart({
      title: 'GPU',
      xLabel: 'stage',
      yLabel: 'GB',
      categories: ['0'],
      groups: [{ name: 'total', values: [30], tone: 1 }],
      yRules: [{ value: 80, label: '80 GB card', tone: 2 }],
    });
    // The axis grows to show the 80 GB line even though every bar is lower.
    expect(limited).toMatch(
      /<line class="rule tone-2" x1="48" x2="306" y1="12" y2="12"\/><text class="rule-label tone-2"[^>]*>80 GB card<\/text>/,
    );
    expect(svg).not.toMatch(/NaN|Infinity/);
  });
  it('keeps the labels of two close rules apart: the 24 and 80 GB cards on a 1,200 GB scale', () => {
    const svg = barChart({
      title: 'Memory',
      xLabel: 'method',
      yLabel: 'GB',
      categories: ['full'],
      groups: [{ name: 'total', values: [1130], tone: 1 }],
      yRules: [
        { value: 24, label: 'L4 24 GB', tone: 4 },
        { value: 80, label: 'H100 80 GB', tone: 4 },
      ],
    });
    const baseline = (label: string) =>
      Number(new RegExp(`<text class="rule-label[^>]*y="([\\d.]+)"[^>]*>${label}<`).exec(svg)?.[1]);
    const [l4, h100] = [baseline('L4 24 GB'), baseline('H100 80 GB')];
    // Each label sits just above its own line when there is room: the lower one does.
    expect(svg).toContain(`y1="${l4 + 4}"`);
    expect(l4 - h100).toBeGreaterThanOrEqual(12);
  });
  it('stacks bars when asked: one bar per category, each part starting where the last ended', () => {
    const svg = barChart({
      title: 'Memory',
      xLabel: 'setting',
      yLabel: 'GB',
      categories: ['GQA'],
      groups: [
        { name: 'weights', values: [16], tone: 1 },
        { name: 'KV cache', values: [4], tone: 2 },
      ],
      yMax: 20,
      stacked: true,
    });
    const bars = [
      ...svg.matchAll(/<rect class="bar tone-(\d)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g),
    ];
    expect(bars).toHaveLength(2);
    const [weights, kv] = bars.map((m) => ({ x: Number(m[2]), y: Number(m[3]), h: Number(m[5]) }));
    expect(kv!.x).toBe(weights!.x);
    expect(kv!.y + kv!.h).toBeCloseTo(weights!.y, 1); // the KV part sits on top of the weights
    expect(weights!.h / kv!.h).toBeCloseTo(4, 1);
  });
});
