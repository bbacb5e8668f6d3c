/** One production build in this process, reporting wall time and peak memory (used by build.ts). */
import { build } from 'astro';

const started = performance.now();
await build({ root: process.cwd(), logLevel: 'error' });
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, peakMB: process.resourceUsage().maxRSS / 1024 }));
