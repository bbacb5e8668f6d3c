// Worked case studies and design exercises carry every part of a staff-level answer: a system diagram,
// answered follow-ups, a levels table and a rubric (frontmatter data rendered by the practice
// components), and, for cases, the thirteen sections in order.
import { describe, expect, it } from 'vitest';
import { listChapters, readChapter } from '../../scripts/check-content.ts';
import { DOCS_DIR } from '../../src/site/paths.ts';

const CASE_SECTIONS = [
  'The prompt',
  'Clarifying questions',
  'Requirements and back-of-the-envelope',
  'Framing',
  'Data',
  'Features and representations',
  'Models',
  'Evaluation',
  'Serving',
  'Monitoring and failure modes',
  'Iteration plan',
  'Follow-up ladder',
  'What separates the levels',
  'Grade yourself',
  'Go deeper',
];

/** The headings and components that render the structured answer, as a page must write them. */
const RENDERED_PARTS = [
  ['## Follow-up ladder', '<FollowUps />'],
  ['## What separates the levels', '<LevelsTable />'],
  ['## Grade yourself', '<Rubric />'],
] as const;

interface Answer {
  followUps?: { ask: string; answer: string }[];
  levels?: unknown[];
  rubric?: { id: string; cue: string; point: string; link: string }[];
}

async function pages(folder: string, key: 'case' | 'exercise') {
  const files = (await listChapters(`${DOCS_DIR}/practice/${folder}`)).filter((f) => !f.endsWith('/index.mdx'));
  return Promise.all(
    files.map(async (file) => {
      const { frontmatter, body } = await readChapter(file);
      return { file, answer: (frontmatter[key] ?? {}) as Answer, body };
    }),
  );
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const h2 = (body: string) => [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());

function problemsOf(file: string, answer: Answer, body: string, minFollowUps: number): string[] {
  const problems: string[] = [];
  if (!/^```mermaid/m.test(body)) problems.push(`${file}: no Mermaid architecture diagram`);
  const followUps = answer.followUps ?? [];
  if (followUps.length < minFollowUps)
    problems.push(`${file}: ${followUps.length} answered follow-ups, needs ${minFollowUps}`);
  for (const f of followUps) if (words(f.answer) < 15) problems.push(`${file}: follow-up "${f.ask}" has no real answer`);
  if ((answer.levels ?? []).length < 3) problems.push(`${file}: the levels table needs at least 3 rows`);
  if ((answer.rubric ?? []).length < 6) problems.push(`${file}: the rubric needs at least 6 items`);
  for (const item of answer.rubric ?? [])
    if (words(item.point) > 45) problems.push(`${file}: rubric item ${item.id} is over 45 words`);
  for (const [heading, component] of RENDERED_PARTS) {
    const at = body.indexOf(`\n${heading}\n`);
    if (at < 0 || !body.slice(at, at + 200).includes(component))
      problems.push(`${file}: needs "${heading}" followed by ${component}`);
  }
  return problems;
}

describe('worked case studies', async () => {
  const cases = await pages('cases', 'case');

  it('exist for at least the twenty questions candidates are asked', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('each have a diagram, 8+ answered follow-ups, a levels table, a rubric and the sections in order', () => {
    const problems = cases.flatMap(({ file, answer, body }) => {
      const found = problemsOf(file, answer, body, 8);
      const order = h2(body).filter((h) => CASE_SECTIONS.includes(h));
      if (order.join('|') !== CASE_SECTIONS.join('|'))
        found.push(`${file}: sections missing or out of order: ${CASE_SECTIONS.filter((s) => !order.includes(s)).join(', ') || 'order'}`);
      return found;
    });
    expect(problems).toEqual([]);
  });
});

describe('design exercises', async () => {
  const exercises = await pages('exercises', 'exercise');

  it('are all 27 prompts of the source list', () => {
    expect(exercises.length).toBe(27);
  });

  it('each have a diagram, 6+ answered follow-ups, a levels table and a rubric', () => {
    const problems = exercises.flatMap(({ file, answer, body }) => problemsOf(file, answer, body, 6));
    expect(problems).toEqual([]);
  });
});
