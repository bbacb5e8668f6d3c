// Links with a preset state into the LLM calculators, from the worked cases and the formulas page:
// every such link names only known settings with valid values and renders, and the links from the
// cases reproduce the numbers the case derives (read from the case text, stated here per link).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseState } from '../../src/client/url-state.ts';
import { DOCS_DIR } from '../../src/site/paths.ts';
import type { WidgetResult } from '../../src/widgets/kit/result.ts';
import type { WidgetSchema } from '../../src/widgets/kit/schema.ts';
import { readout } from './harness.ts';

const WIDGETS = [
  'kv-planner',
  'llm-latency',
  'speculative',
  'llm-batching',
  'retrieval-lab',
  'fine-tuning',
  'judge-agreement',
];
const byNs = new Map(
  await Promise.all(
    WIDGETS.map(async (name) => {
      const { schema, ns } = (await import(`../../src/widgets/${name}/schema.ts`)) as {
        schema: WidgetSchema;
        ns: string;
      };
      const { view } = (await import(`../../src/widgets/${name}/view.ts`)) as {
        view: (state: Record<string, unknown>) => WidgetResult;
      };
      return [ns, { schema, view }] as const;
    }),
  ),
);

/** Every site link in a page whose query sets a state of one of these widgets, as [ns, query]. */
function widgetLinks(file: string): [string, string][] {
  const text = readFileSync(`${DOCS_DIR}/${file}`, 'utf8');
  return [...text.matchAll(/\]\((\/[^)\s?#]*)\?([^)\s#]*)(#[^)\s]*)?\)/g)].flatMap((match) => {
    const query = match[2] as string;
    const ns = [...byNs.keys()].find((name) => query.startsWith(`${name}.`));
    return ns ? [[ns, query] as [string, string]] : [];
  });
}

/** Renders a link's state; fails on a notice (an unknown key or a bad value) or an error. */
function render(ns: string, query: string): string {
  const { schema, view } = byNs.get(ns)!;
  const { state, notices } = parseState(schema.fields, ns, query);
  expect(notices, query).toEqual([]);
  const result = view(state);
  expect(result.ok, result.ok ? '' : result.error).toBe(true);
  return result.ok ? result.html : '';
}

const CASES: { file: string; ns: string; readouts: [string, string][] }[] = [
  { file: 'practice/cases/smart-compose.mdx', ns: 'ja', readouts: [['Cohen&#39;s kappa', '0.713']] },
  { file: 'practice/cases/machine-translation.mdx', ns: 'ja', readouts: [['Cohen&#39;s kappa', '0.688']] },
  { file: 'practice/cases/image-captioning.mdx', ns: 'ja', readouts: [['Cohen&#39;s kappa', '0.733']] },
  { file: 'practice/cases/support-agent.mdx', ns: 'ja', readouts: [['Cohen&#39;s kappa', '0.797']] },
  { file: 'practice/cases/personal-assistant-chatbot.mdx', ns: 'ja', readouts: [['Cohen&#39;s kappa', '0.633']] },
  {
    file: 'practice/cases/personal-assistant-chatbot.mdx',
    ns: 'lc',
    readouts: [
      ['TPOT at batch 80', '35.9 ms'],
      ['Replica output', '2,231 tokens/s'],
      ['Largest batch that fits', '90'],
    ],
  },
  { file: 'practice/cases/enterprise-document-assistant.mdx', ns: 'ja', readouts: [['Cohen&#39;s kappa', '0.705']] },
  {
    file: 'practice/cases/enterprise-document-assistant.mdx',
    ns: 'lc',
    readouts: [
      ['TPOT at batch 64', '34.3 ms'],
      ['Replica output', '1,865 tokens/s'],
      ['Largest batch that fits', '80'],
    ],
  },
  {
    file: 'practice/cases/code-completion.mdx',
    ns: 'sd',
    readouts: [
      ['Tokens per target pass (E)', '3.05'],
      ['Speedup', '1.67×'],
      ['Verification pass', '1.00 steps'],
    ],
  },
];

describe('links from the worked cases reproduce their numbers', () => {
  it.each(CASES)('$file ($ns)', ({ file, ns, readouts }) => {
    const links = widgetLinks(file).filter(([name]) => name === ns);
    expect(links, 'one link per case and calculator').toHaveLength(1);
    const html = render(...(links[0] as [string, string]));
    for (const [name, value] of readouts) expect(readout(html, name), name).toBe(value);
  });
});

describe('links from the formulas page', () => {
  const links = widgetLinks('reference/formulas.mdx');

  it('give the LLM formulas their calculators, each link valid', () => {
    expect(new Set(links.map(([ns]) => ns))).toEqual(new Set(['lc', 'kv', 'ft', 'rl']));
    for (const [ns, query] of links) render(ns, query);
  });

  it('price one decode GPU of the 70B plan at $0.659 per million output tokens at u = 0.4', () => {
    const plan = links.find(([ns, query]) => ns === 'lc' && query.includes('util=0.4'))!;
    const html = render(...plan);
    expect(readout(html, '$ per 1M output tokens at 40% load')).toBe('$0.659');
    expect(readout(html, 'At full load')).toBe('$0.264');
  });
});
