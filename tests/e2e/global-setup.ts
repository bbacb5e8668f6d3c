import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serve } from '../../scripts/serve.ts';
import { E2E_BASE, E2E_DIST, E2E_PORT } from './env.ts';

/** Serves the built site (built by `npm test` for E2E_BASE) for the browser tests. */
export default async function setup(project: TestProject) {
  if (!existsSync(`${E2E_DIST}/index.html`))
    throw new Error(`${E2E_DIST}/ is missing: run \`BASE_PATH=${E2E_BASE} npm run build\` first`);
  const server = await serve({ dir: E2E_DIST, base: E2E_BASE, port: E2E_PORT });
  project.provide('siteUrl', `http://127.0.0.1:${E2E_PORT}${E2E_BASE}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
