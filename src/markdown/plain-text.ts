/**
 * Inline Markdown from data (a rubric cue, a follow-up answer) as plain text, for places that show
 * text only: flashcards made from rubric items, the mock's debrief and the interviewer view, which all
 * write with textContent. Links keep their text, emphasis and code lose their marks, escapes resolve
 * ("\$5" -> "$5") and maths keeps its TeX source. Runs at build time.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

function textOf(node: Node): string {
  if (node.type === 'inlineMath' || node.type === 'math') return node.value ?? '';
  if (typeof node.value === 'string') return node.value;
  if (node.type === 'break') return ' ';
  const parts = (node.children ?? []).map(textOf);
  // Blocks (paragraphs, list items) are separated by a space, inline pieces joined as they are.
  return node.type === 'root' || node.type === 'list' ? parts.join(' ') : parts.join('');
}

/** "See [calibration](/x/) and `q = p / w`" -> "See calibration and q = p / w". */
export function plainText(markdown: string): string {
  return textOf(parser.parse(markdown) as Node)
    .replace(/\s+/g, ' ')
    .trim();
}
