/**
 * Parses pasted CSV for widgets: one row per line, comma/semicolon/tab separated, an optional
 * header row. Returns rows of trimmed cells, or a message that names the first bad line.
 */
export type CsvResult<T> = { ok: true; rows: T[] } | { ok: false; message: string };

export function parseRows<T>(
  text: string,
  columns: string[],
  toRow: (cells: string[], line: number) => T | string,
  { maxRows = 20_000 } = {},
): CsvResult<T> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) return { ok: false, message: `Paste at least one row of ${columns.join(',')}.` };
  const split = (line: string) => line.split(/[,;\t]/).map((c) => c.trim());
  const first = split(lines[0]);
  const body =
    first.every((c) => Number.isNaN(Number(c)) && !/^[01]$/.test(c)) && first.some((c) => /[a-z]/i.test(c))
      ? lines.slice(1)
      : lines;
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
