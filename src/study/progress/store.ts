/**
 * Reading progress in the browser: load and save "mlguide:read", and tell every part of the page
 * (the toggle, the sidebar marks, the landing overview) when it changes, in this tab or another.
 */
import { readStorage, writeStorage } from '../shared/storage.ts';
import { parseReadState, READ_KEY, serializeReadState, type ReadState } from './read-state.ts';

const CHANGE = 'mlguide:read-change';

export function loadRead(): { state: ReadState; problem: string | null } {
  const stored = readStorage(READ_KEY);
  if (!stored.ok) return { state: parseReadState(null).state, problem: stored.message };
  return parseReadState(stored.text);
}

/** Saves and notifies the page; returns null, or why it could not be saved. */
export function saveRead(state: ReadState): string | null {
  const problem = writeStorage(READ_KEY, serializeReadState(state));
  window.dispatchEvent(new CustomEvent(CHANGE));
  return problem;
}

/** Calls `listener` whenever progress changes here or in another tab. */
export function onReadChange(listener: () => void) {
  window.addEventListener(CHANGE, listener);
  window.addEventListener('storage', (e) => {
    if (e.key === READ_KEY || e.key === null) listener();
  });
}

/** The site's base path ("/ml-guide/"), from the build. */
export const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
