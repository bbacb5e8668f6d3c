/**
 * The one error type that `src/lib/` throws for input a metric cannot be computed from.
 * Widgets catch it and show `message` inline; `code` lets them pick a shorter hint or
 * highlight the offending control without parsing the English text.
 */
export type MetricInputErrorCode =
  /** An array (or the list of bins, groups, queries) has no elements. */
  | 'empty'
  /** Two arrays that pair up element by element have different lengths. */
  | 'length-mismatch'
  /** A label or relevance flag is something other than 0 or 1. */
  | 'not-binary'
  /** A value is NaN, Infinity or not a number at all. */
  | 'not-finite'
  /** A number is outside the range the formula allows (a probability above 1, a negative count). */
  | 'out-of-range'
  /** The inputs are valid but the quantity is 0/0 (no positives, a single class, ...). */
  | 'undefined';

/**
 * Thrown when a metric's input is invalid or the metric is mathematically undefined for it.
 *
 * The message names the metric, says what is wrong and what would make it computable,
 * e.g. "Recall is undefined: there are no positive labels (tp + fn = 0)."
 *
 * @example
 * try { rocAuc([0, 0], [0.1, 0.2]); }
 * catch (error) { if (error instanceof MetricInputError) show(error.message); }
 */
export class MetricInputError extends Error {
  override readonly name = 'MetricInputError';
  readonly code: MetricInputErrorCode;

  constructor(message: string, code: MetricInputErrorCode) {
    super(message);
    this.code = code;
  }
}
