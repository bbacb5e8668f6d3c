/**
 * The sidebar, in the order of the guide's site map (GUIDE.md). Each section is a folder
 * under content/docs/; pages inside a section are ordered by `sidebar.order` in frontmatter.
 */
export const sections = [
  { label: 'Start here', slug: 'start' },
  { label: 'Lifecycle', slug: 'lifecycle' },
  { label: 'Serving', slug: 'serving' },
  { label: 'MLOps platform', slug: 'mlops' },
  { label: 'Monitoring', slug: 'monitoring' },
  { label: 'Fairness and responsible AI', slug: 'fairness' },
  { label: 'Model deep dives', slug: 'deep-dives' },
  { label: 'Practice', slug: 'practice' },
  { label: 'Reference', slug: 'reference' },
] as const;

// Docs live in content/docs/ (not src/content/docs/), so Starlight's autogenerate matches
// on the path from the project root.
export const docsDir = 'content/docs';

const autogenerate = (directory: string) => ({ autogenerate: { directory: `${docsDir}/${directory}` } });

/**
 * Practice is listed by hand: autogenerate would title its exercises folder "exercises", and the
 * 27 exercises read better as one collapsed group after the practice tools.
 */
const practice = [
  { slug: 'practice', label: 'Overview' },
  ...[
    'practice/flashcards',
    'practice/mlops-questions',
    'practice/mock-interviews',
    'practice/mock-interview-mode',
    'practice/case-studies',
    'practice/dos-and-donts',
  ].map((slug) => ({ slug })),
];

export const sidebar = sections.map(({ label, slug }) => ({
  label,
  collapsed: slug !== 'start',
  items:
    slug === 'practice'
      ? [...practice, { label: 'Design exercises', collapsed: true, items: [autogenerate('practice/exercises')] }]
      : [autogenerate(slug)],
}));
