/** The guide's sections, the one list the sidebar, content config, social cards and study pages use. */
import { sectionOf } from './paths.ts';

/** The guide's sections in site-map order; each is a folder under content/docs/. */
export const SECTIONS = [
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

export type SectionSlug = (typeof SECTIONS)[number]['slug'];
export const SECTION_SLUGS = SECTIONS.map((section) => section.slug) as unknown as readonly [
  SectionSlug,
  ...SectionSlug[],
];

/** The section's label for a page id ("Lifecycle"), or "" for a page outside the sections. */
export function sectionLabelOf(id: string): string {
  return SECTIONS.find((section) => section.slug === sectionOf(id))?.label ?? '';
}
