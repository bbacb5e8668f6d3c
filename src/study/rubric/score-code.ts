/**
 * The code an interviewer hands back to the candidate: which rubric items the answer covered and the
 * eight dimension scores, short enough to read out or paste, with no server in between. Pure.
 *
 *   c6-3f7-34433200-k2x9
 *   |  |   |        checksum: 4 base-36 characters of MurmurHash3 over the prompt's rubric item ids
 *   |  |   |                  and the rest of the code, so a typo or another version of the rubric
 *   |  |   |                  is refused instead of imported wrongly
 *   |  |   scores: one digit per dimension of the self-score, in DIMENSIONS order, 0 = not scored
 *   |  covered items: hexadecimal, one digit per four rubric items in order (bit j of digit k is item 4k + j)
 *   prompt: "c6" is case 6, "e12" exercise 12 (promptRef in src/study/mock/prompts.ts)
 *
 * Version 1 of the code; a later version would change the first character of the checksum's input
 * ("1|"), so old codes fail the checksum instead of being misread.
 */
import { murmurHash3_32 } from '../../lib/systems/hash.ts';
import { DIMENSIONS, isScore, type Scores } from '../mock/rubric.ts';

const CODE = /^([ce][1-9]\d{0,3})-([0-9a-f]{1,16})-([0-4]{8})-([0-9a-z]{4})$/;

export interface HandedScores {
  /** The prompt's short ref, "c6" or "e12". */
  ref: string;
  covered: string[];
  scores: Scores;
}

function checksum(ref: string, itemIds: readonly string[], mask: string, digits: string): string {
  const hash = murmurHash3_32(`1|${ref}|${itemIds.join(',')}|${mask}|${digits}`);
  return (hash % 36 ** 4).toString(36).padStart(4, '0');
}

/** The code for `covered` items of a rubric (in its order) and the scores. */
export function encodeScoreCode(ref: string, itemIds: readonly string[], covered: readonly string[], scores: Scores) {
  const nibbles: number[] = Array.from({ length: Math.max(1, Math.ceil(itemIds.length / 4)) }, () => 0);
  itemIds.forEach((id, i) => {
    if (covered.includes(id)) nibbles[i >> 2] |= 1 << (i & 3);
  });
  const mask = nibbles.map((n) => n.toString(16)).join('');
  const digits = DIMENSIONS.map((d) => String(scores[d.id] ?? 0)).join('');
  return `${ref}-${mask}-${digits}-${checksum(ref, itemIds, mask, digits)}`;
}

/**
 * Reads a code (spaces and case are forgiven). `rubricOf` gives the rubric item ids of a prompt ref,
 * or undefined for a ref that names no prompt. Never throws.
 */
export function decodeScoreCode(
  raw: string,
  rubricOf: (ref: string) => readonly string[] | undefined,
): { ok: true; value: HandedScores } | { ok: false; message: string } {
  const code = raw.trim().toLowerCase().replace(/\s+/g, '');
  const match = CODE.exec(code);
  if (!match) return { ok: false, message: 'This is not a score code: it looks like "c6-3f7-34433200-k2x9".' };
  const [, ref, mask, digits, check] = match;
  const itemIds = rubricOf(ref);
  if (!itemIds) return { ok: false, message: `The code names a prompt ("${ref}") this guide does not have.` };
  if (mask.length !== Math.max(1, Math.ceil(itemIds.length / 4)) || checksum(ref, itemIds, mask, digits) !== check)
    return {
      ok: false,
      message: 'This code does not check out: look for a typo, or it was made with another version of the guide.',
    };
  const covered = itemIds.filter((_, i) => (parseInt(mask[i >> 2], 16) >> (i & 3)) & 1);
  const scores: Scores = {};
  DIMENSIONS.forEach((d, i) => {
    const score = Number(digits[i]);
    if (isScore(score)) scores[d.id] = score;
  });
  return { ok: true, value: { ref, covered, scores } };
}
