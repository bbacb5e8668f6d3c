/**
 * Fetches a prompt's rubric and follow-up ladder (/prompt-data/<id>.json, built by
 * src/pages/prompt-data/) for the mock's debrief and the interviewer view. Resolves to the data or to
 * a sentence saying why it is missing (offline, blocked, a damaged file); never rejects.
 */
import { withBase } from '../../site/paths.ts';
import { promptDataPath, type PromptData } from './prompts.ts';

const cache = new Map<string, Promise<PromptData | string>>();

function looksRight(data: unknown, id: string): data is PromptData {
  const d = data as PromptData | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    d.id === id &&
    Array.isArray(d.rubric) &&
    Array.isArray(d.followUps) &&
    d.rubric.every((item) => typeof item?.id === 'string' && typeof item.cue === 'string')
  );
}

export function fetchPromptData(id: string): Promise<PromptData | string> {
  let pending = cache.get(id);
  if (!pending) {
    pending = fetch(withBase(promptDataPath(id)))
      .then(async (response) => {
        if (!response.ok) return `the server answered ${response.status}`;
        const data: unknown = await response.json();
        return looksRight(data, id) ? data : 'the file is damaged';
      })
      .catch(() => 'the network is unavailable')
      .then((result) => {
        if (typeof result === 'string') cache.delete(id); // try again next time
        return typeof result === 'string' ? `The rubric could not be loaded (${result}).` : result;
      });
    cache.set(id, pending);
  }
  return pending;
}
