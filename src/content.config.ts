import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { docsDir } from './config/sidebar';
import { DOMAINS, LEVELS, QUESTION_SECTIONS, SITE_SECTIONS } from './config/taxonomy';

const sitePath = z
  .string()
  .regex(/^\/[a-z0-9/-]*\/(#[a-z0-9-]+)?$/, 'Write a site path like /lifecycle/problem-setup/#anchor');

/** Design exercises carry their metadata in frontmatter, so the practice tools can list them. */
const exercise = z.object({
  number: z.number().int().min(1),
  level: z.enum(LEVELS),
  domains: z.array(z.enum(DOMAINS)).min(1),
  prompt: z.string().min(20),
});

export const collections = {
  /** Chapters: Starlight's schema, plus a description every page must have (search, social cards). */
  docs: defineCollection({
    loader: glob({ base: `./${docsDir}`, pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({
      extend: z.object({
        description: z.string().min(20, 'Write a one-sentence description of at least 20 characters.'),
        exercise: exercise.optional(),
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
  /** Flashcards for spaced repetition. */
  flashcards: defineCollection({
    loader: file('content/data/flashcards.json'),
    schema: z.object({
      section: z.enum(SITE_SECTIONS),
      level: z.enum(LEVELS),
      front: z.string().min(5),
      back: z.string().min(5),
      link: sitePath,
    }),
  }),
};
