/**
 * How fast every widget answers the reader: the time from one input event until its output is up
 * to date in the page (the widget drops aria-busy when its render is done; the screen shows it at
 * the next frame), which includes a worker's computing and its message, and the longest
 * main-thread task meanwhile. Two runs per
 * widget: the first visible control moved a step at a time from its default, as a reader's drag
 * does (default sizes), and every number field pushed to its maximum, then every text box given
 * the largest paste it takes, one after another under 4x CPU throttling (a phone proxy).
 * A report for `npm run bench`; the browser suite runs the same harness to check that every widget
 * answers every input, without timing assertions. Widgets come from the built pages (built-widgets.ts).
 */
import { chromium, type Locator, type Page } from 'playwright-core';
import { builtWidgets } from '../built-widgets.ts';
import { chromePath } from '../chrome.ts';
import { BROWSER_ARGS } from './config.ts';

export interface Steps {
  /** What was moved: "share (range)", or "n, rate (max)". */
  control: string;
  inputs: number;
  /** Inputs that did not redraw the output within the wait (should be 0). */
  unanswered: number;
  medianMs: number;
  maxMs: number;
  longestTaskMs: number;
}

export interface WidgetLatency {
  tag: string;
  page: string;
  defaults: Steps;
  /** Every number field at its maximum, then every text box pasted to its limit, 4x CPU throttling. */
  largest: Steps;
}

/**
 * The largest paste a text box takes: its default text repeated, line by line, until one more line
 * would pass its character or line limit (`data-max-length`, `data-max-lines`, or `maxlength`); a
 * one-line box gets its text repeated along the line.
 */
export function largestPaste(sample: string, maxLength: number, maxLines = Infinity): string {
  const text = sample || 'x';
  if (maxLines <= 1)
    return text
      .replace(/\n/g, ' ')
      .repeat(Math.ceil(maxLength / text.length))
      .slice(0, maxLength);
  const lines = text.split('\n');
  const out: string[] = [];
  let length = -1;
  for (let i = 0; out.length < maxLines; i++) {
    const line = lines[i % lines.length]!;
    if (length + 1 + line.length > maxLength) break;
    out.push(line);
    length += 1 + line.length;
  }
  return out.join('\n');
}

/**
 * The largest paste each text box of `widget` takes, by field name: its default text up to the limits
 * the box states (a text area states them in data attributes rather than a maxlength that would
 * cut a paste; it refuses a paste over them with a message).
 */
export async function largestPastes(widget: Locator): Promise<Record<string, string>> {
  const boxes = await widget.evaluate((element) =>
    [...element.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea[name], input[type=text][name]')].map(
      (box) => ({
        name: box.name,
        sample: box.defaultValue,
        maxLength: box.maxLength > 0 ? box.maxLength : Number(box.dataset.maxLength),
        maxLines: Number(box.dataset.maxLines) || 1,
      }),
    ),
  );
  return Object.fromEntries(
    boxes.map(({ name, sample, maxLength, maxLines }) => [name, largestPaste(sample, maxLength, maxLines)]),
  );
}

/** Targets from the issue: median and worst answer at default sizes, longest block at the largest input. */
export const LATENCY_TARGET = { medianMs: 16, maxMs: 100, largestBlockMs: 200 };

type Plan = 'defaults' | 'largest';

/** Runs in the page: moves controls of the first `tag` element and times each answer. */
async function stepsInPage([tag, plan, count, pastes]: [string, Plan, number, Record<string, string>]) {
  const widget = document.querySelector<HTMLElement & { ready(warmUp: boolean): Promise<unknown> }>(tag)!;
  await widget.ready(true);
  const visible = (el: Element) => !el.closest('[hidden]');
  const controls = [...widget.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')];
  type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  /** Before a move, untimed: e.g. choosing the mode that shows a paste box. */
  const moves: { control: Control; value: string; before?: () => Promise<void> }[] = [];
  // Waits for the answer, then returns in a task of its own: the next move must not run inside a
  // frame's animation callbacks, where its time would add to the frame's (a reader's input is a task).
  const answer = async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    while (widget.getAttribute('aria-busy') === 'true') await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  };
  let label: string;
  if (plan === 'defaults') {
    const first =
      controls.find((c) => visible(c) && c instanceof HTMLInputElement && c.type === 'range') ??
      controls.find((c) => visible(c) && (c instanceof HTMLSelectElement || c.type === 'number'));
    if (!first) return null;
    label = `${first.name} (${first instanceof HTMLSelectElement ? 'select' : first.type})`;
    if (first instanceof HTMLSelectElement) {
      const values = [...first.options].map((o) => o.value);
      for (let i = 0; i < count; i++) moves.push({ control: first, value: values[(i + 1) % values.length] });
    } else {
      // A reader's drag or arrow keys from where the control starts: one step per input, half of
      // them up and back down, so every size stays at its default (the far ends of the ranges are
      // the largest plan's). A range too short for that is swept end to end.
      const [min, max] = [Number(first.min), Number(first.max)];
      const step = Number(first.step) > 0 ? Number(first.step) : (max - min) / 100;
      const start = Number(first.value);
      const half = Math.ceil(count / 2);
      const direction = start + half * step <= max ? 1 : start - half * step >= min ? -1 : 0;
      for (let i = 0; i < count; i++) {
        const value = direction
          ? start + direction * step * (i < half ? i + 1 : 2 * half - i - 1)
          : min + ((max - min) * (i + 1)) / (count + 1);
        moves.push({ control: first, value: String(Number(value.toPrecision(12))) });
      }
    }
  } else {
    const boxes = controls.filter((c): c is HTMLInputElement => c instanceof HTMLInputElement && c.type === 'number');
    for (const box of boxes) moves.push({ control: box, value: box.max });
    label = `${boxes.map((b) => b.name).join(', ')} (each to its maximum)`;
    // Then each text box gets the largest paste it takes, in a mode that shows it (a reader pastes
    // into a box they see; a hidden one costs no layout).
    for (const [name, text] of Object.entries(pastes)) {
      const box = widget.querySelector<HTMLTextAreaElement | HTMLInputElement>(`[name="${name}"]`)!;
      const show = async () => {
        for (const select of widget.querySelectorAll('select')) {
          for (const option of select.options) {
            if (box.offsetParent !== null) return;
            select.value = option.value;
            select.dispatchEvent(new Event('change', { bubbles: true }));
            await answer();
          }
        }
      };
      moves.push({ control: box, value: text, before: show });
    }
    if (Object.keys(pastes).length) label += `; ${Object.keys(pastes).join(', ')} (each pasted to its limit)`;
  }

  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  const times: number[] = [];
  let unanswered = 0;
  let worstTask = 0;
  for (const { control, value, before } of moves) {
    await before?.();
    longest = 0;
    observer.observe({ type: 'longtask' });
    const answered = new Promise<boolean>((resolve) => {
      const watch = new MutationObserver(() => {
        if (widget.getAttribute('aria-busy') === 'true') return;
        watch.disconnect();
        resolve(true);
      });
      watch.observe(widget, { attributes: true, attributeFilter: ['aria-busy'] });
      setTimeout(() => (watch.disconnect(), resolve(false)), 10_000);
    });
    const started = performance.now();
    control.value = value;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    if (await answered) times.push(performance.now() - started);
    else unanswered++;
    // Long tasks are reported after they end: one more frame lets the last one arrive.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    observer.disconnect();
    worstTask = Math.max(worstTask, longest);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length ? (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2 : 0;
  return {
    control: label,
    inputs: moves.length,
    unanswered,
    medianMs: Math.round(median * 10) / 10,
    maxMs: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
    longestTaskMs: Math.round(worstTask),
  };
}

const EMPTY: Steps = { control: 'no control', inputs: 0, unanswered: 0, medianMs: 0, maxMs: 0, longestTaskMs: 0 };

/**
 * Opens `pageUrl` and times the widget `tag` there (see the header): `inputs` moves at default
 * sizes, then every number at its maximum with the CPU slowed `throttle` times (1: full speed),
 * on a freshly loaded page unless `reload` is false (the browser suite only checks the answers).
 */
export async function measureWidget(
  page: Page,
  pageUrl: string,
  tag: string,
  { inputs = 20, throttle = 4, reload = true } = {},
): Promise<WidgetLatency> {
  const open = async () => {
    await page.goto(pageUrl, { waitUntil: 'load' });
    // A long chapter lays itself out in idle-time steps after loading (Head.astro): let them end,
    // so that the long tasks recorded are the widget's.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-laid-out'));
    await page.evaluate((name) => customElements.whenDefined(name), tag);
    await page.locator(tag).first().scrollIntoViewIfNeeded();
    // The view is fetched and started (a worker warmed up) as when the reader points at the widget:
    // the measure is the answer to an input.
    await page.evaluate(
      (name) => document.querySelector<HTMLElement & { ready(warmUp: boolean): Promise<unknown> }>(name)!.ready(true),
      tag,
    );
  };
  const steps = async (plan: Plan, pastes: Record<string, string> = {}) =>
    (await page.evaluate(stepsInPage, [tag, plan, inputs, pastes] as [string, Plan, number, Record<string, string>])) ??
    EMPTY;
  await open();
  const defaults = await steps('defaults');
  // A fresh page for the largest inputs; only its answers are throttled, not the page load.
  if (reload) await open();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  try {
    const pastes = await largestPastes(page.locator(tag).first());
    const largest = await steps('largest', pastes);
    return { tag, page: new URL(pageUrl).pathname, defaults, largest };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/** Every widget of the site built into `dist` and served at `origin`, one page at a time. */
export async function widgetLatencies(dist: string, origin: string): Promise<WidgetLatency[]> {
  const browser = await chromium.launch({ executablePath: chromePath, args: BROWSER_ARGS });
  const out: WidgetLatency[] = [];
  try {
    for (const { tag, path } of builtWidgets(dist)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      out.push(await measureWidget(page, `${origin}/${path}`, tag));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
