/** Number formatting for widget readouts: never prints NaN or Infinity. */

/** A fixed number of decimals; "n/a" for a value that is undefined (null) by definition. */
export function fmt(value: number | null, digits = 3): string {
  if (value === null) return 'n/a';
  if (!Number.isFinite(value)) throw new Error(`fmt() was given ${value}: compute functions must not leak it`);
  return value.toFixed(digits);
}

export function fmtPercent(value: number | null, digits = 1): string {
  return value === null ? 'n/a' : `${fmt(value * 100, digits)}%`;
}

/**
 * A p-value for reading: `digits` decimals, or 2 significant digits below 10^-digits ("4.2e-26").
 * Exactly 0 is a floating-point underflow (the tails reach about 1e-308): "< 1e-300".
 */
export function fmtP(p: number, digits = 3): string {
  if (!Number.isFinite(p)) throw new Error(`fmtP() was given ${p}`);
  if (p === 0) return '< 1e-300';
  if (p < 10 ** -digits) return p.toExponential(1);
  return fmt(p, digits);
}

export function fmtInt(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`fmtInt() was given ${value}`);
  return Math.round(value).toLocaleString('en-US');
}

/** A count with its noun: "1 example", "2,048 examples", "0.5 epochs" (only exactly 1 is singular). */
export function countOf(value: number, noun: string, plural = `${noun}s`): string {
  const shown = Number.isInteger(value) ? fmtInt(value) : String(value);
  return `${shown} ${value === 1 ? noun : plural}`;
}

/** Up to 3 significant digits without trailing zeros, thousands separated from 1,000: 24, 8.25, 5.63, 31.4, 140, 1,129. */
export function fmtShort(value: number): string {
  if (Math.abs(value) >= 1000) return fmtInt(value);
  const magnitude = Math.abs(value);
  const text = fmt(value, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Bytes as decimal GB (1 GB = 10^9 bytes, as data sheets count), or MB below 1 GB. */
export function fmtBytes(bytes: number): string {
  return bytes >= 1e9 ? `${fmtShort(bytes / 1e9)} GB` : `${fmtShort(bytes / 1e6)} MB`;
}

/** A parameter count as 125M, 1.5B, 70B. */
export function fmtParams(params: number): string {
  return params >= 1e9 ? `${fmtShort(params / 1e9)}B` : `${fmtShort(params / 1e6)}M`;
}

/** Escapes text for HTML; the only way reader-provided text may reach a widget's markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
