/** Where Chromium is: CHROME_PATH, Debian's chromium, then Google Chrome (undefined when none). */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const chromePath = CANDIDATES.find((p): p is string => !!p && existsSync(p));
