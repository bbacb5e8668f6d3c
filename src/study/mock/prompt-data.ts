/**
 * Build time: every practice prompt (the exercises and the worked cases) from the `docs` collection,
 * as the mock, the interviewer view, the case index and the rubric grader need it. `PromptData` adds
 * the rubric and the follow-up ladder as plain text; it is served per prompt as
 * /prompt-data/<id>.json (src/pages/prompt-data/), so the mock page fetches a rubric only when the
 * mock ends and never carries all of them.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { plainText } from '../../markdown/plain-text.ts';
import { pageIdOf } from '../../site/paths.ts';
import { comparePrompts, exerciseTrack, promptIdFromEntryId, type MockPrompt, type PromptData } from './prompts.ts';

export type { PromptData };

type Doc = CollectionEntry<'docs'>;

function toPrompt(entry: Doc): MockPrompt | null {
  const id = promptIdFromEntryId(entry.id);
  const { case: worked, exercise } = entry.data;
  if (!id) return null;
  if (worked) {
    const { number, level, track, domains, prompt } = worked;
    return { id, kind: 'case', number, title: entry.data.title, level, track, domains, prompt };
  }
  if (exercise) {
    const { number, level, domains, prompt } = exercise;
    return {
      id,
      kind: 'exercise',
      number,
      title: entry.data.title,
      level,
      track: exerciseTrack(domains),
      domains,
      prompt,
    };
  }
  return null;
}

let cache: Promise<PromptData[]> | undefined;

/** Every prompt with its rubric and follow-ups, worked cases first, then exercises, each by number. */
export function promptData(): Promise<PromptData[]> {
  cache ??= load();
  return cache;
}

async function load(): Promise<PromptData[]> {
  const docs = await getCollection('docs');
  const titles = new Map(docs.map((doc) => [pageIdOf(doc.id), doc.data.title]));
  const prompts: PromptData[] = [];
  for (const entry of docs) {
    const prompt = toPrompt(entry);
    if (!prompt) continue;
    const answer = entry.data.case ?? entry.data.exercise;
    const rubric = (answer?.rubric ?? []).map((item) => {
      const chapter = titles.get(pageIdOf(item.link));
      if (!chapter)
        throw new Error(`${entry.id}: rubric item "${item.id}" links to ${item.link}, not a page of the guide`);
      return { id: item.id, cue: plainText(item.cue), point: plainText(item.point), link: item.link, chapter };
    });
    const followUps = (answer?.followUps ?? []).map((f) => ({ ask: plainText(f.ask), answer: plainText(f.answer) }));
    prompts.push({ ...prompt, rubric, followUps });
  }
  return prompts.sort(comparePrompts);
}

/** The prompts without their rubric and follow-ups: what a page lists or picks from. */
export async function mockPrompts(): Promise<MockPrompt[]> {
  return (await promptData()).map(({ rubric: _rubric, followUps: _followUps, ...prompt }) => prompt);
}

/** The prompt of a docs entry, or undefined when the page is no exercise or case. */
export async function promptOfEntry(entryId: string): Promise<PromptData | undefined> {
  const id = promptIdFromEntryId(entryId);
  return (await promptData()).find((p) => p.id === id);
}
