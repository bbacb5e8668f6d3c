/**
 * Diagram drills: the data lives inside the diagram's Mermaid fence, one comment line per node
 * that can be hidden, so it moves with the diagram and Mermaid itself ignores it:
 *
 *   %% drill G: Candidate generation, see [The funnel](/lifecycle/funnel/)
 *
 * G is the node id, "Candidate generation" the answer (a name from components.ts) and the link
 * the section that explains it. Pure functions: the build turns each entry into a question with
 * its options (src/markdown/diagram-drill.ts) and the browser only shows and checks them.
 */
import { COMPONENT_GROUPS, groupOf, type ComponentGroup } from './components.ts';

export interface DrillEntry {
  node: string;
  answer: string;
  link: { text: string; href: string };
}

export interface DrillEdge {
  from: string;
  to: string;
}

/** A drill entry as the reader meets it: the question in words and the options to pick from. */
export interface DrillItem extends DrillEntry {
  question: string;
  options: string[];
}

export class DrillError extends Error {}

const DRILL_LINE = /^\s*%%\s*drill\b/;
const ENTRY = /^\s*%%\s*drill\s+([A-Za-z0-9_-]+)\s*:\s*(.+?)\s*,\s*see\s+\[([^\]]+)\]\(([^)\s]+)\)\s*$/;

/** The drill entries of a Mermaid source; throws a DrillError naming the line that is wrong. */
export function parseDrills(source: string): DrillEntry[] {
  const entries: DrillEntry[] = [];
  source.split('\n').forEach((line, index) => {
    if (!DRILL_LINE.test(line)) return;
    const match = ENTRY.exec(line);
    const where = `drill line ${index + 1} ("${line.trim()}")`;
    if (!match) throw new DrillError(`${where}: write it as "%% drill NODE: Component name, see [text](/path/)"`);
    const [, node, answer, text, href] = match;
    if (!groupOf(answer)) throw new DrillError(`${where}: "${answer}" is not in src/study/drills/components.ts`);
    if (!href.startsWith('/') && !href.startsWith('#')) throw new DrillError(`${where}: link to a site path`);
    if (entries.some((e) => e.node === node)) throw new DrillError(`${where}: node ${node} is drilled twice`);
    entries.push({ node, answer, link: { text, href } });
  });
  return entries;
}

/** FNV-1a, so a page's options come out in the same order on every build. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * `count` options: the answer and names of the same kind of component (then any kind), never one
 * of `exclude` (the diagram's other answers, which the reader can see). Deterministic per answer.
 */
export function drillOptions(answer: string, exclude: readonly string[], count = 4): string[] {
  const group = groupOf(answer);
  if (!group) throw new DrillError(`"${answer}" is not a known component`);
  const usable = (name: string) => name !== answer && !exclude.includes(name);
  const byHash = (names: readonly string[]) =>
    names.filter(usable).sort((a, b) => hash(answer + a) - hash(answer + b) || a.localeCompare(b));
  const others = (Object.keys(COMPONENT_GROUPS) as ComponentGroup[]).filter((g) => g !== group);
  const distractors = [...byHash(COMPONENT_GROUPS[group]), ...byHash(others.flatMap((g) => COMPONENT_GROUPS[g]))];
  const options = distractors.slice(0, count - 1);
  options.splice(hash(answer) % count, 0, answer);
  return options;
}

function quoted(ids: string[], labels: ReadonlyMap<string, string>): string {
  const names = [...new Set(ids)].map((id) => `“${labels.get(id) ?? id}”`);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Where the hidden box sits, in words, so the question works without seeing the drawing. */
export function drillQuestion(node: string, edges: readonly DrillEdge[], labels: ReadonlyMap<string, string>): string {
  const from = edges.filter((e) => e.to === node && e.from !== node).map((e) => e.from);
  const to = edges.filter((e) => e.from === node && e.to !== node).map((e) => e.to);
  const input = from.length > 0 ? `takes input from ${quoted(from, labels)}` : 'starts the flow';
  const output = to.length > 0 ? `feeds ${quoted(to, labels)}` : 'ends the flow';
  return `Which component is hidden? It ${input} and ${output}.`;
}

/** Every entry checked against the drawn diagram and turned into a question with options. */
export function drillItems(
  entries: readonly DrillEntry[],
  edges: readonly DrillEdge[],
  labels: ReadonlyMap<string, string>,
): DrillItem[] {
  const answers = entries.map((e) => e.answer);
  return entries.map((entry) => {
    if (!labels.has(entry.node)) throw new DrillError(`drill node ${entry.node} is not in the diagram`);
    return {
      ...entry,
      question: drillQuestion(entry.node, edges, labels),
      options: drillOptions(entry.answer, answers),
    };
  });
}
