import { existsSync } from 'node:fs';

/**
 * The Starlight sidebar, built from the sections list (src/site/paths.ts). Build-time only: it
 * checks which practice pages exist.
 */
import { DOCS_DIR } from '../site/paths.ts';
import { SECTIONS } from '../site/sections.ts';

const autogenerate = (directory: string) => ({ autogenerate: { directory: `${DOCS_DIR}/${directory}` } });

/** A page or folder is listed only once it exists, so a section can grow page by page. */
const exists = (slug: string) =>
  existsSync(`${DOCS_DIR}/${slug}.mdx`) || existsSync(`${DOCS_DIR}/${slug}.md`) || existsSync(`${DOCS_DIR}/${slug}`);

/**
 * Practice is listed by hand: autogenerate would title its exercises folder "exercises", and the
 * 27 exercises read better as one collapsed group after the practice tools.
 */
const practice = [
  { slug: 'practice', label: 'Overview' },
  ...[
    'practice/plan',
    'practice/progress',
    'practice/flashcards',
    'practice/mlops-questions',
    'practice/mock-interviews',
    'practice/mock-interview-mode',
    'practice/interviewer',
    'practice/case-studies',
    'practice/concordance',
    'practice/dos-and-donts',
  ]
    .filter(exists)
    .map((slug) => ({ slug })),
];

const practiceGroups = [
  { label: 'Worked case studies', directory: 'practice/cases' },
  { label: 'Design exercises', directory: 'practice/exercises' },
]
  .filter(({ directory }) => exists(directory))
  .map(({ label, directory }) => ({ label, collapsed: true, items: [autogenerate(directory)] }));

export const sidebar = SECTIONS.filter(({ slug }) => exists(slug)).map(({ label, slug }) => ({
  label,
  collapsed: slug !== 'start',
  items: slug === 'practice' ? [...practice, ...practiceGroups] : [autogenerate(slug)],
}));
