/**
 * The guide's sections in site-map order, and where chapters live. Each section is a folder under
 * content/docs/; pages inside a section are ordered by `sidebar.order` in frontmatter.
 */
export const sections = [
  { label: 'Start here', slug: 'start' },
  { label: 'Lifecycle', slug: 'lifecycle' },
  { label: 'Serving', slug: 'serving' },
  { label: 'LLM systems', slug: 'llm' },
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
