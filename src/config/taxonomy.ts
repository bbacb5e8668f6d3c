/** Shared vocabularies for the typed study data (questions, exercises, flashcards). */
export const LEVELS = ['Junior', 'Mid', 'Senior'] as const;
export type Level = (typeof LEVELS)[number];

/** The levels a worked answer can target; the levels tables compare Mid, Senior and Staff. */
export const TARGET_LEVELS = ['Mid', 'Senior', 'Staff'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

/** Every level a practice prompt can target: the exercises' (Junior to Senior) and the worked cases' (Mid to Staff). */
export const PROMPT_LEVELS = ['Junior', 'Mid', 'Senior', 'Staff'] as const satisfies readonly (Level | TargetLevel)[];
export type PromptLevel = (typeof PROMPT_LEVELS)[number];

/** The two tracks of practice prompts. An exercise is on the GenAI track when one of its domains is genai. */
export const TRACKS = { classical: 'Classical ML', genai: 'Generative AI' } as const;
export type Track = keyof typeof TRACKS;

/** The sections of the MLOps question bank, in order. */
export const QUESTION_SECTIONS = {
  frameworks: 'Training frameworks',
  distributed: 'Distributed training',
  tracking: 'Experiment tracking',
  versioning: 'Versioning and registry',
  serving: 'Model serving',
  compression: 'Optimization and compression',
  pipelines: 'Pipelines and orchestration',
  'feature-stores': 'Feature stores',
  monitoring: 'Monitoring and observability',
  testing: 'Testing and validation',
  llmops: 'LLM systems and LLMOps',
} as const;
export type QuestionSection = keyof typeof QUESTION_SECTIONS;

export const DOMAINS = [
  'recsys',
  'search',
  'ads',
  'nlp',
  'vision',
  'speech',
  'fraud',
  'forecasting',
  'mobile',
  'platform',
  'genai',
  'integrity',
  'logistics',
] as const;
