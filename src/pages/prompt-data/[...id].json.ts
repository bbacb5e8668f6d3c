// One JSON file per practice prompt (/prompt-data/cases/news-feed.json): its rubric and follow-up
// ladder as plain text, fetched by the mock's debrief and the interviewer view (src/study/mock/prompt-data.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { promptData, type PromptData } from '../../study/mock/prompt-data.ts';

export const getStaticPaths = (async () =>
  (await promptData()).map((prompt) => ({ params: { id: prompt.id }, props: { prompt } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ prompt: PromptData }> = ({ props }) =>
  new Response(JSON.stringify(props.prompt), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
