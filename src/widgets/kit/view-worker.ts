/**
 * The worker half of a widget whose view can take longer than a frame at its largest inputs (drift
 * over 100,000 rows, traffic split over 20,000 users): the same pure view runs here, so the page
 * never blocks on it. A widget's worker file is two lines: import its view, `serveView(view)`.
 * Messages: { id, state } in; { id, result } out. A state the view throws on (a bug, never bad
 * input: that is a message in the result) answers with the error text, which the page shows.
 */
import type { WidgetResult } from './result.ts';

export interface ViewRequest {
  id: number;
  /** No state: a ping, answered with no result once the worker (and its view) is loaded. */
  state?: unknown;
  /**
   * With a ping: the state on screen, computed once and dropped, so the reader's first change finds
   * the view compiled and its memoised parts (the traffic splitter's hashes) ready.
   */
  warmUp?: unknown;
}
export interface ViewResponse {
  id: number;
  result?: WidgetResult;
  bug?: string;
}

export function serveView(view: (state: never) => WidgetResult): void {
  self.addEventListener('message', (event: MessageEvent<ViewRequest>) => {
    const { id, state, warmUp } = event.data;
    let response: ViewResponse;
    try {
      if (state === undefined && warmUp !== undefined) view(warmUp as never);
      response = state === undefined ? { id } : { id, result: view(state as never) };
    } catch (error) {
      response = { id, bug: error instanceof Error ? error.message : String(error) };
    }
    self.postMessage(response);
  });
}
