/** What the bench measures against: the local server, the page types, and the budgets. */
export const PORT = 4480;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const PAGE_TYPES: Record<string, string> = {
  landing: '/',
  'text chapter': '/practice/dos-and-donts/',
  'chapter with one diagram': '/lifecycle/design-loop/',
  'chapter with five diagrams': '/reference/blueprints/',
  'chapter with widgets': '/lifecycle/evaluation/',
  // The heaviest one-widget chapter (the probe measured its total blocking time).
  'drift chapter': '/monitoring/drift/',
};

/**
 * Text chapters: Starlight's own JavaScript plus at most 3 KB gzip of ours (reading progress, search guard);
 * a widget page: at most 15 KB gzip more than a text chapter; Lighthouse performance at least 95, and
 * on a widget page a total blocking time under 100 ms.
 */
export const BUDGET = {
  textChapterOwnJsGzipKB: 3,
  widgetExtraJsGzipKB: 15,
  performance: 95,
  widgetPageBlockingMs: 100,
};
