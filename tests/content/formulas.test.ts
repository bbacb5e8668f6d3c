// The formulas page holds every named formula in the guide: each display formula ($$ block) of every
// chapter appears on /reference/formulas/ exactly (whitespace aside), unless the chapter marks it
// local with {/* local formula */} on the line before (a worked substitution, not a new formula).
import { describe, expect, it } from 'vitest';
import { listChapters, readChapter } from '../../scripts/check-content.ts';
import { DOCS_DIR } from '../../src/site/paths.ts';

const FORMULAS_PAGE = `${DOCS_DIR}/reference/formulas.mdx`;
const LOCAL_MARK = /\{\/\*\s*local formula\s*\*\/\}\s*$/;

interface DisplayFormula {
  file: string;
  line: number;
  tex: string;
  local: boolean;
}

/** Every $$ ... $$ block of a chapter body, with its line and whether it is marked local. */
function displayFormulas(file: string, body: string): DisplayFormula[] {
  const lines = body.split('\n');
  const found: DisplayFormula[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '$$') continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === '$$');
    if (end < 0) break;
    const previous = lines.slice(0, i).reverse().find((l) => l.trim() !== '') ?? '';
    found.push({ file, line: i + 1, tex: lines.slice(i + 1, end).join('\n'), local: LOCAL_MARK.test(previous) });
    i = end;
  }
  return found;
}

const squash = (tex: string) => tex.replace(/\s+/g, '');

describe('the formulas page', () => {
  it('holds every display formula of every chapter, unless the chapter marks it local', async () => {
    const page = squash((await readChapter(FORMULAS_PAGE)).body);
    const missing: string[] = [];
    for (const file of await listChapters(DOCS_DIR)) {
      if (file === FORMULAS_PAGE) continue;
      for (const f of displayFormulas(file, (await readChapter(file)).body)) {
        if (!f.local && !page.includes(squash(f.tex))) missing.push(`${f.file}:${f.line}: ${f.tex.slice(0, 70)}`);
      }
    }
    expect(missing, 'copy these to /reference/formulas/ or mark them {/* local formula */}').toEqual([]);
  });

  it('finds formulas and their local mark (the reader of this test)', () => {
    const body = 'Intro\n\n$$\na = b\n$$\n\n{/* local formula */}\n\n$$\nx = 2\n$$\n';
    expect(displayFormulas('x.mdx', body)).toEqual([
      { file: 'x.mdx', line: 3, tex: 'a = b', local: false },
      { file: 'x.mdx', line: 9, tex: 'x = 2', local: true },
    ]);
  });
});
