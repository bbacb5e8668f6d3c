import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DIMENSIONS,
  MAX_TOTAL,
  RUBRIC_ANCHOR,
  SCORE_NAMES,
  summarize,
  type Scores,
} from '../../../src/study/mock/rubric.ts';

const all = (score: 1 | 2 | 3 | 4): Scores => Object.fromEntries(DIMENSIONS.map((d) => [d.id, score]));

describe('the rubric', () => {
  const page = readFileSync('content/docs/practice/mock-interviews.mdx', 'utf8');

  it('has the rows and levels of the rubric table on the mock-interviews page', () => {
    const section = page.slice(page.indexOf('## The rubric'), page.indexOf('## ', page.indexOf('## The rubric') + 5));
    const rows = [...section.matchAll(/^\| ([^|]+?) \|/gm)]
      .map((m) => m[1])
      .filter((r) => r !== 'Dimension' && !r.startsWith('-'));
    expect(rows).toEqual(DIMENSIONS.map((d) => d.label));
    expect(section).toContain(
      `| ${Object.entries(SCORE_NAMES)
        .map(([n, name]) => `${n}: ${name}`)
        .join(' | ')} |`,
    );
  });

  it('links to the section heading "The rubric"', () => {
    expect(page).toMatch(/^## The rubric$/m);
    expect(RUBRIC_ANCHOR).toBe('the-rubric');
    expect(MAX_TOTAL).toBe(32);
  });
});

describe('summarize', () => {
  it('asks for the missing dimensions first', () => {
    expect(summarize({})).toEqual({ scored: 0, total: 0, verdict: 'Score 8 more dimensions to see your total.' });
    expect(summarize({ clarify: 4, data: 3 })).toMatchObject({ scored: 2, total: 7 });
    const seven = { ...all(3) };
    delete seven.communication;
    expect(summarize(seven).verdict).toBe('Score 1 more dimension to see your total.');
  });

  it('reads 26 or more with nothing below 3 as ready for senior loops', () => {
    expect(summarize({ ...all(3), tradeoffs: 4, communication: 4 }).verdict).toBe('26 of 32: ready for senior loops.');
    expect(summarize(all(4)).verdict).toBe('32 of 32: ready for senior loops.');
  });

  it('reads 20 to 25, or 26+ with a 2, as a mid-level pass and names the weakest dimension', () => {
    expect(summarize(all(3)).verdict).toBe(
      '24 of 32: a pass at mid level, with gaps to close; drill clarify and frame before the next mock.',
    );
    expect(summarize({ ...all(4), serving: 2 }).verdict).toBe(
      '30 of 32: a pass at mid level, with gaps to close; drill serving and scale before the next mock.',
    );
  });

  it('reads below 20, or any 1, as not yet', () => {
    expect(summarize(all(2)).verdict).toBe('16 of 32: not yet; drill clarify and frame before the next mock.');
    expect(summarize({ ...all(4), monitoring: 1 }).verdict).toBe(
      '29 of 32: not yet; drill monitoring and iteration before the next mock.',
    );
  });
});
