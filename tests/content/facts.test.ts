// One set of facts across pages: every chapter, glossary entry, flashcard, question (and the A/B hash) is held
// against src/config/facts.ts, and the 45-minute budget of the framework page is the mock timer's.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS } from '../../src/config/facts.ts';
import { PHASES } from '../../src/study/mock/plan.ts';
import { GLOSSARY_DIR, listChapters } from '../../scripts/check-content.ts';
import { DOCS_DIR } from '../../src/site/paths.ts';

const TEXT_FILES = [
  ...(await listChapters(DOCS_DIR)),
  ...readdirSync(GLOSSARY_DIR).map((name) => `${GLOSSARY_DIR}/${name}`),
  ...readdirSync('content/data/flashcards').map((name) => `content/data/flashcards/${name}`),
  'content/data/questions.json',
  // The widgets' assignment hash, so the traffic splitter hashes the key the pages teach.
  'src/lib/systems/ab-assignment.ts',
  'src/lib/systems/traffic-split.ts',
];
const texts = new Map(TEXT_FILES.map((file) => [file, readFileSync(file, 'utf8')]));

describe('one set of facts', () => {
  it.each(FACTS.map((f) => [f.id, f] as const))('%s: taught on its page and contradicted nowhere', (_id, fact) => {
    expect(texts.get(fact.taughtAt.file), `${fact.taughtAt.file} should teach: ${fact.statement}`).toContain(
      fact.taughtAt.contains,
    );
    const found: string[] = [];
    for (const [file, text] of texts) {
      for (const { pattern, why } of fact.never) {
        const match = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`).exec(text);
        if (match) found.push(`${file}:${text.slice(0, match.index).split('\n').length}: "${match[0]}" (${why})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('has detectors that catch the variants they name', () => {
    const missed = FACTS.flatMap((f) => f.never.filter((n) => !n.pattern.test(n.example)).map((n) => `${f.id}: ${n.example}`));
    expect(missed).toEqual([]);
  });

  it('uses one 45-minute budget: the framework table is the mock timer', () => {
    const page = readFileSync(`${DOCS_DIR}/start/framework.mdx`, 'utf8');
    const table = page.slice(page.indexOf('## The time budget'));
    const minutes = [...table.matchAll(/^\| (?!\*\*Total)[^|]+\| (\d+) \| \d+ \|$/gm)].map((m) => Number(m[1]));
    expect(minutes).toEqual(PHASES.map((p) => p.minutes));
  });
});
