/** The client half of ClockFace.astro: writes the time left, the time elapsed and the state. */
import { formatClock, formatElapsed, remainingMs } from './plan.ts';

export function showClockFace(root: HTMLElement, elapsed: number, state: string) {
  const set = (selector: string, text: string) => (root.querySelector(selector)!.textContent = text);
  set('[data-remaining]', formatClock(remainingMs(elapsed)));
  set('[data-elapsed]', formatElapsed(elapsed));
  set('span[data-state]', state);
}
