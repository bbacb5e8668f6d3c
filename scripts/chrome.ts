/** Where Chromium is: CHROME_PATH, Debian's chromium, then Google Chrome (undefined when none). */
import { existsSync } from 'node:fs';

const BROWSERS = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const found = (paths: (string | undefined)[]) => paths.find((p): p is string => !!p && existsSync(p));

/** The full browser, as a reader runs it: the benchmark measures with this one. */
export const chromePath = found(BROWSERS);

/**
 * The browser for the test suite: the same Blink engine without the desktop browser around it
 * (Debian's chromium-headless-shell, the build Playwright itself tests with). It starts in half
 * the CPU time, and the whole browser suite cost 15% less CPU (1,277 CPU-s against 1,498); the full browser is the
 * fallback.
 */
export const testChromePath = found([process.env.CHROME_PATH, '/usr/bin/chromium-headless-shell', ...BROWSERS]);
