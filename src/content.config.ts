import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { DOCS_DIR } from './site/paths.ts';
import { SECTION_SLUGS } from './site/sections.ts';
import { DOMAINS, LEVELS, QUESTION_SECTIONS, TARGET_LEVELS, TRACKS, type Track } from './config/taxonomy.ts';
import { jsonFolder } from './loaders/json-folder.ts';

const sitePath = z
  .string()
  .regex(/^\/[a-z0-9/-]*\/(#[a-z0-9_-]+)?$/, 'Write a site path like /lifecycle/problem-setup/#anchor');

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Write a lowercase-hyphenated id like "index-sizing"');

/**
 * The worked-answer data of a design prompt (an exercise or a case study), kept as data so the page,
 * the mock interview, the interviewer view, rubric grading and flashcards read one source.
 * Answers and table cells are inline Markdown (links, emphasis, code).
 */
const followUp = z.object({ ask: z.string().min(10), answer: z.string().min(20) });
const levelRow = z.object({
  aspect: z.string().min(2),
  mid: z.string().min(5),
  senior: z.string().min(5),
  staff: z.string().min(5),
});
/** An item a strong answer covers: a cue (the flashcard front), the point (its back) and where it is taught. */
const rubricItem = z.object({ id, cue: z.string().min(8), point: z.string().min(8), link: sitePath });
const workedAnswer = {
  followUps: z.array(followUp).optional(),
  levels: z.array(levelRow).optional(),
  rubric: z
    .array(rubricItem)
    .optional()
    .refine((items) => !items || new Set(items.map((i) => i.id)).size === items.length, 'Rubric ids must be unique'),
};

/** Design exercises carry their metadata in frontmatter, so the practice tools can list them. */
const exercise = z.object({
  number: z.number().int().min(1),
  level: z.enum(LEVELS),
  domains: z.array(z.enum(DOMAINS)).min(1),
  prompt: z.string().min(20),
  ...workedAnswer,
});

/** Worked case studies: complete answers to the "design X" questions candidates are asked. */
const caseStudy = z.object({
  number: z.number().int().min(1),
  track: z.enum(Object.keys(TRACKS) as [Track, ...Track[]]),
  level: z.enum(TARGET_LEVELS),
  domains: z.array(z.enum(DOMAINS)).min(1),
  prompt: z.string().min(20),
  chapters: z.array(sitePath).min(1),
  followUps: z.array(followUp).min(8),
  levels: z.array(levelRow).min(3),
  rubric: workedAnswer.rubric.refine((items) => (items?.length ?? 0) >= 6, 'A case needs at least 6 rubric items'),
});

export const collections = {
  /** Chapters: Starlight's schema, plus a description every page must have (search, social cards). */
  docs: defineCollection({
    loader: glob({ base: `./${DOCS_DIR}`, pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        description: z.string().min(20, 'Write a one-sentence description of at least 20 characters.'),
        /** When a person last checked the page's facts and numbers (shown under each page). */
        reviewed: z.coerce.date({ message: 'Add "reviewed: YYYY-MM-DD", the date the page was last checked.' }),
        exercise: exercise.optional(),
        case: caseStudy.optional(),
      }),
    }),
  }),
  /** The MLOps question bank: one entry per question; answers live in the practice page. */
  questions: defineCollection({
    loader: file('content/data/questions.json'),
    schema: z.object({
      number: z.number().int().min(1),
      section: z.enum(Object.keys(QUESTION_SECTIONS) as [keyof typeof QUESTION_SECTIONS]),
      level: z.enum(LEVELS),
      question: z.string().min(10),
      chapter: sitePath,
    }),
  }),
  /** Flashcards for spaced repetition: every JSON file in content/data/flashcards/. */
  flashcards: defineCollection({
    loader: jsonFolder('content/data/flashcards'),
    schema: z.object({
      section: z.enum(SECTION_SLUGS),
      level: z.enum(LEVELS),
      front: z.string().min(5),
      back: z.string().min(5),
      link: sitePath,
      /** A worked calculation may run longer than the one-fact limit; every other card is a fact. */
      kind: z.enum(['fact', 'calculation']).default('fact'),
      position: z.number().int().min(0),
    }),
  }),
  /** The glossary: one Markdown file per term; the page and <Term> tooltips both render from it. */
  glossary: defineCollection({
    loader: glob({ base: './content/glossary', pattern: '*.md' }),
    schema: z.object({
      term: z.string().min(2),
      see: sitePath,
    }),
  }),
};
