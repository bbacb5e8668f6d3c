/** The bench report as JSON and as the Markdown committed in bench-results/latest.md. */
import type { LlmCoreTiming } from './llm-cores.ts';
import type { Kind } from './weights.ts';
import { LATENCY_TARGET, type WidgetLatency } from './widget-latency.ts';

export const kb = (b: number) => Math.round((b / 1024) * 10) / 10;

export interface Report {
  date: string;
  machine: string;
  build: Record<string, { seconds: number; peakMB: number; pages: number }>;
  growth: { timeRatio: number; pageRatio: number };
  weights: Record<string, Record<Kind, { raw: number; gzip: number }>>;
  budgets: { name: string; value: string; met: boolean }[];
  lighthouse: Record<string, Record<string, number>>;
  widgetPages: Record<string, Record<string, number>>;
  search: { indexBytes: number; firstResultMs: Record<string, number> };
  cores: Record<string, Record<string, number>>;
  widgets: WidgetLatency[];
  llmCores: Record<string, LlmCoreTiming>;
}

export function markdown(r: Report): string {
  const lines: string[] = [];
  lines.push(`# Benchmark results`, '', `Measured ${r.date} on ${r.machine}.`, '');
  lines.push('## Build', '', '| site | pages | wall time (s) | peak memory (MB) |', '| --- | ---: | ---: | ---: |');
  for (const [name, b] of Object.entries(r.build))
    lines.push(`| ${name} | ${b.pages} | ${b.seconds.toFixed(1)} | ${Math.round(b.peakMB)} |`);
  lines.push(
    '',
    `Growth: 4x the content took ${r.growth.timeRatio.toFixed(2)}x the time for ${r.growth.pageRatio.toFixed(2)}x the pages.`,
    '',
  );
  lines.push(
    '## Page weight (KB, raw / gzip)',
    '',
    '| page type | HTML | CSS | JS | fonts | other |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, w] of Object.entries(r.weights)) {
    const cell = (k: Kind) => `${kb(w[k].raw)} / ${kb(w[k].gzip)}`;
    lines.push(`| ${name} | ${cell('html')} | ${cell('css')} | ${cell('js')} | ${cell('font')} | ${cell('other')} |`);
  }
  lines.push('', 'Budgets:', '');
  for (const b of r.budgets) lines.push(`- ${b.met ? 'met' : '**not met**'}: ${b.name} (${b.value})`);
  lines.push(
    '',
    '## Lighthouse (mobile)',
    '',
    'Medians of three runs with the default (simulated) throttling; the last column is the median total blocking time of three more runs with the CPU really slowed 4x (devtools throttling), which varies much less from run to run on this machine.',
    '',
    '| page type | performance | accessibility | best practices | SEO | LCP (ms) | TBT (ms) | CLS | TBT at 4x CPU (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const [name, s] of Object.entries(r.lighthouse))
    lines.push(
      `| ${name} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${s['LCP ms']} | ${s['TBT ms']} | ${s.CLS} | ${s['TBT 4x ms']} |`,
    );
  lines.push(
    '',
    '### Every widget page',
    '',
    'One run each with the default throttling and one with the CPU slowed 4x (target: total blocking time under 100 ms with the default throttling).',
    '',
    '| page | performance | TBT (ms) | TBT at 4x CPU (ms) |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const [path, s] of Object.entries(r.widgetPages))
    lines.push(`| ${path} | ${s.performance} | ${s['TBT ms']} | ${s['TBT 4x ms']} |`);
  lines.push(
    '',
    '## Search',
    '',
    `Pagefind index: ${kb(r.search.indexBytes)} KB on disk.`,
    '',
    '| query | time to first result (ms) |',
    '| --- | ---: |',
  );
  for (const [q, ms] of Object.entries(r.search.firstResultMs)) lines.push(`| ${q} | ${ms} |`);
  lines.push(
    '',
    '## Widget cores (median of 3 runs, ms)',
    '',
    '| computation | n = 10^3 | 10^4 | 10^5 | 10^6 |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const [name, t] of Object.entries(r.cores))
    lines.push(
      `| ${name} | ${Object.values(t)
        .map((v) => v.toFixed(2))
        .join(' | ')} |`,
    );
  const { medianMs, maxMs, largestBlockMs } = LATENCY_TARGET;
  lines.push(
    '',
    '## Widget answer times (input event to output up to date, ms)',
    '',
    `Every widget found on the built pages. Defaults: the first visible control moved 20 times by one step from its default, up and back as a drag does, every size at its default, at 1x CPU (target: median under ${medianMs}, worst under ${maxMs}: the answer fits in one frame; the screen shows it at the next one). Largest: every number field set to its maximum in turn, then every text box given the largest paste it takes (its default text repeated up to its character and line limits), 4x CPU throttling (target: no main-thread task over ${largestBlockMs}). A report, not a test.`,
    '',
    '| widget | page | control | median | worst | longest task | largest: median | worst | longest task | targets |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const w of r.widgets) {
    const met = w.defaults.medianMs < medianMs && w.defaults.maxMs < maxMs && w.largest.longestTaskMs <= largestBlockMs;
    lines.push(
      `| ${w.tag} | ${w.page} | ${w.defaults.control} | ${w.defaults.medianMs} | ${w.defaults.maxMs} | ${w.defaults.longestTaskMs} | ${w.largest.medianMs} | ${w.largest.maxMs} | ${w.largest.longestTaskMs} | ${met ? 'met' : '**not met**'} |`,
    );
  }
  lines.push(
    '',
    '## LLM calculators at their largest allowed input (one input change: a view call, median of 5 runs)',
    '',
    '| calculator | input | ms |',
    '| --- | --- | ---: |',
  );
  for (const [name, t] of Object.entries(r.llmCores)) lines.push(`| ${name} | ${t.input} | ${t.ms.toFixed(1)} |`);
  return lines.join('\n') + '\n';
}
