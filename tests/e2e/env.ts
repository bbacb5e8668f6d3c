/** Where the browser tests expect the site: built under a non-root base, like a GitHub Pages fork. */
export const E2E_BASE = process.env.E2E_BASE ?? '/ml-guide/';
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4399);
/** The built site to serve (OUT_DIR of the build). */
export const E2E_DIST = process.env.OUT_DIR ?? 'dist';
