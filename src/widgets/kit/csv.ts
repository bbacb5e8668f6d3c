/**
 * Parses pasted CSV for widgets: one row per line, comma/semicolon/tab separated, an optional
 * header row. Returns rows of trimmed cells, or a message that names the first bad line.
 * By default a first row of words without a number is a header; data whose cells are words
 * (labels such as "pass,fail") passes its own `isHeader`.
 */
import { parseDecimal } from '../../client/fields.ts';

/**
 * A pasted number in decimal notation, or null: "0.5", "-3", "1e-6", and as spreadsheets export
 * them "+5" and "5."; never hex ("0x1"), "Infinity", or a value that would silently become 0 or ∞.
 */
export function cellNumber(cell: string): number | null {
  return parseDecimal(cell.replace(/^\+(?=[\d.])/, '').replace(/(\d)\.(?=$|e)/i, '$1'));
}

export type CsvResult<T> = { ok: true; rows: T[] } | { ok: false; message: string };

export function parseRows<T>(
  text: string,
  columns: string[],
  toRow: (cells: string[], line: number) => T | string,
  {
    maxRows = 20_000,
    isHeader = (cells: string[]) =>
      cells.every((c) => Number.isNaN(Number(c)) && !/^[01]$/.test(c)) && cells.some((c) => /[a-z]/i.test(c)),
  }: { maxRows?: number; isHeader?: (cells: string[]) => boolean } = {},
): CsvResult<T> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) return { ok: false, message: `Paste at least one row of ${columns.join(',')}.` };
  const split = (line: string) => line.split(/[,;\t]/).map((c) => c.trim());
  const first = split(lines[0]);
  const body = isHeader(first) ? lines.slice(1) : lines;
  if (body.length === 0)
    return { ok: false, message: `There is only a header row: paste rows of ${columns.join(',')} below it.` };
  if (body.length > maxRows) return { ok: false, message: `Paste at most ${maxRows.toLocaleString('en-US')} rows.` };
  const rows: T[] = [];
  for (const [i, line] of body.entries()) {
    const cells = split(line);
    const lineNumber = i + 1 + (body === lines ? 0 : 1);
    if (cells.length < columns.length)
      return { ok: false, message: `Line ${lineNumber} needs ${columns.length} values (${columns.join(',')}).` };
    const row = toRow(cells, lineNumber);
    if (typeof row === 'string') return { ok: false, message: row };
    rows.push(row);
  }
  return { ok: true, rows };
}
