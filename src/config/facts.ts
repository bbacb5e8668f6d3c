/**
 * Facts the guide states on many pages, kept here once: what each says, the page that teaches it,
 * a sentence that page must keep, and the wrong or outdated variants no page may contain. A
 * content test (tests/content/facts.test.ts) holds every chapter, glossary entry, flashcard and
 * question against this list, so a running example cannot drift from page to page.
 */
export interface Fact {
  id: string;
  /** The fact in one sentence, as the guide teaches it. */
  statement: string;
  /** The page (and section) that teaches it, and text that page must contain. */
  taughtAt: { file: string; contains: string };
  /** Variants no page may contain: outdated, contradictory or the old running numbers. */
  never: {
    pattern: RegExp;
    why: string;
    /** A sentence the pattern must catch (a test checks it). */ example: string;
  }[];
}

export const FACTS: readonly Fact[] = [
  {
    id: 'psi-bands',
    statement: 'PSI below 0.1 is stable, 0.1 to 0.25 is worth watching, above 0.25 calls for action.',
    taughtAt: { file: 'content/docs/monitoring/drift.mdx', contains: 'above 0.25' },
    never: [
      {
        pattern: /PSI (?:above|over|exceeds?|of|>|≥)\s*0\.2(?![0-9])/i,
        why: 'the action line is 0.25 (0.2 may only be named as a variant some teams use)',
        example: 'Retrain when PSI above 0.2 on a top feature.',
      },
    ],
  },
  {
    id: 'drift-alert-default',
    statement:
      'The whole-model drift alert defaults to PSI above 0.25 on at least 3 of the top 10 features for 2 consecutive windows.',
    taughtAt: {
      file: 'content/docs/monitoring/drift.mdx',
      contains: 'at least 3 of the top 10 features by importance, for 2 consecutive windows',
    },
    never: [
      {
        pattern: /one of the top 15 features/i,
        why: 'an older variant of the default drift rule',
        example: 'PSI above 0.25 on one of the top 15 features',
      },
      {
        pattern: /3 of the (?:top )?20 most important features/i,
        why: 'an older variant of the default drift rule',
        example: 'drift on 3 of the 20 most important features',
      },
    ],
  },
  {
    id: 'assignment-hash',
    statement: 'Experiment assignment hashes the string "{experiment}/{user_id}".',
    taughtAt: { file: 'content/docs/lifecycle/experiments.mdx', contains: 'f"{experiment}/{user_id}"' },
    never: [
      {
        pattern: /f"\{exp(?:eriment)?\}:\{u(?:ser_)?id\}"/,
        why: 'the key format is "{experiment}/{user_id}", with a slash',
        example: 'sha256(f"{experiment}:{user_id}")',
      },
      {
        pattern: /`\$\{experiment\}:\$\{userId\}`/,
        why: 'the traffic-split widget hashes the same key as the pages, with a slash',
        example: 'murmurHash3_32(`${experiment}:${userId}`)',
      },
    ],
  },
  {
    id: 'canary',
    statement:
      'A canary is a 1-5% slice that catches breakage before the A/B test; the ramp after the decision is a progressive rollout.',
    taughtAt: { file: 'content/docs/serving/rollouts.mdx', contains: 'is a progressive rollout' },
    never: [
      {
        pattern: /canary[^.\n]{0,60}\bramps?\b[^.\n]{0,60}100\s*%/i,
        why: 'a canary never ramps to 100%: that is the rollout after the A/B test',
        example: 'The canary ramps in steps (1%, 5%, 25%, 50%, 100%).',
      },
      {
        pattern: /\(1%, then 5%, 25%/,
        why: 'the old canary definition',
        example: 'live traffic (1%, then 5%, 25% and so on)',
      },
    ],
  },
  {
    id: 'mlflow-aliases',
    statement: 'MLflow deprecated registry stages in 2.9; versions are marked with aliases such as champion.',
    taughtAt: { file: 'content/docs/mlops/versioning-and-registry.mdx', contains: 'alias' },
    never: [
      {
        pattern: /stages?:? (?:none|None) ?(?:→|->) ?staging/i,
        why: 'registry stages are deprecated: use aliases',
        example: 'Registry stages: none -> staging -> production',
      },
      {
        pattern: /lifecycle stage \(staging, production, archived\)/i,
        why: 'registry stages are deprecated: use aliases',
        example: 'its lifecycle stage (staging, production, archived)',
      },
    ],
  },
  {
    id: 'kv-cache-7b',
    statement:
      'Llama-2-7B (MHA) needs 0.5 MiB of KV cache per token in BF16; GQA models such as Llama-3.1-8B need 128 KiB.',
    taughtAt: { file: 'content/docs/llm/inference.mdx', contains: '131,072' },
    never: [
      {
        pattern: /^(?!.*(?:Llama-2|MHA|multi-head)).*\b0\.5 MiB per token/m,
        why: '0.5 MiB per token is Llama-2-7B (MHA) only: name the model',
        example: 'a 7B decoder needs about 0.5 MiB per token',
      },
    ],
  },
  {
    id: 'batching-constants',
    statement: 'The dynamic-batching example uses t_fixed = 8 ms and t_item = 1 ms per item.',
    taughtAt: { file: 'content/docs/serving/dynamic-batching.mdx', contains: '8 ms' },
    never: [
      {
        pattern: /t_\{\\text\{item\}\} = 0\.5/,
        why: 'the guide uses t_item = 1 ms',
        example: '$t_{\\text{item}} = 0.5$ ms',
      },
    ],
  },
  {
    id: 'fraud-costs',
    statement: 'The fraud running example prices a missed fraud at $500 and a false alarm at $10 (50x).',
    taughtAt: { file: 'content/docs/lifecycle/problem-setup.mdx', contains: '\\$500' },
    never: [
      {
        pattern: /\\\$400[^.\n]{0,60}\\\$5\b/,
        why: 'the fraud example costs $500 and $10, not $400 and $5',
        example: 'a miss costs \\$400 and a false alarm \\$5',
      },
    ],
  },
  {
    id: 'next-app-baselines',
    statement: 'First app after unlock: hour-of-day heuristic 68%, gradient-boosted trees 74%, transformer 76%.',
    taughtAt: { file: 'content/docs/lifecycle/model-selection.mdx', contains: '68' },
    never: [
      {
        pattern: /hour[- ]of[- ]day[^.\n]{0,80}\b58\s?%/i,
        why: 'the hour-of-day heuristic scores 68% in the running example',
        example: 'the hour-of-day heuristic reaches 58%',
      },
    ],
  },
  {
    id: 'gnn-depth',
    statement: 'GNNs in production use 2 to 3 message-passing layers; deeper ones over-smooth.',
    taughtAt: { file: 'content/docs/deep-dives/gnn.mdx', contains: '2 to 3' },
    never: [
      {
        pattern: /2 ?(?:to|–|-) ?4 (?:GNN |message-passing )?layers/i,
        why: 'the guide says 2 to 3 layers',
        example: 'stop at 2-4 layers',
      },
    ],
  },
  {
    id: 'diffusion-steps',
    statement: 'Diffusion sampling takes 20 to 50 steps with a DDIM- or DPM-Solver-style sampler.',
    taughtAt: { file: 'content/docs/deep-dives/diffusion.mdx', contains: '20 to 50' },
    never: [
      {
        pattern: /25 ?(?:to|–|-) ?50 (?:sampling |denoising )?steps/i,
        why: 'the guide says 20 to 50 steps',
        example: 'DDIM needs 25 to 50 steps',
      },
    ],
  },
  {
    id: 'transformer-depth',
    statement: 'Transformer stacks run from 12 layers (BERT-base) to 126 (Llama-3.1-405B).',
    taughtAt: { file: 'content/docs/deep-dives/transformer.mdx', contains: '126' },
    never: [
      {
        pattern: /24 to 80 \(LLMs\)/,
        why: 'large models go to 96 (GPT-3) and 126 (Llama-3.1-405B) layers',
        example: '24 to 80 (LLMs)',
      },
    ],
  },
  {
    id: 'checkpointing-cost',
    statement: 'Activation checkpointing costs about one extra forward pass, roughly 20-35% more compute.',
    taughtAt: { file: 'content/docs/lifecycle/scaling-training.mdx', contains: 'forward' },
    never: [
      {
        pattern: /roughly a fifth more compute/i,
        why: 'checkpointing costs about one extra forward pass, 20-35%',
        example: 'trading roughly a fifth more compute',
      },
    ],
  },
];
