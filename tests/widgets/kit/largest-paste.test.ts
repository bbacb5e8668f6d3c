// The bench's largest paste (scripts/bench/widget-latency.ts): a text box's default repeated up to
// both of its limits, whole lines only, so the latency report and the link test paste what a box takes.
import { describe, expect, it } from 'vitest';
import { largestPaste } from '../../../scripts/bench/widget-latency.ts';
import { fieldProblem, lineCount, MAX_TEXT_LINES } from '../../../src/client/fields.ts';
import { schema as latency } from '../../../src/widgets/latency/schema.ts';
import { schema as thresholds } from '../../../src/widgets/threshold-explorer/schema.ts';

describe('largestPaste', () => {
  it('stops at the line limit when the lines are short (latencies, one a line)', () => {
    const field = latency.fields.data;
    const text = largestPaste(field.default, field.maxLength, MAX_TEXT_LINES);
    expect(lineCount(text)).toBe(MAX_TEXT_LINES);
    expect(fieldProblem(field, text)).toBeNull();
    expect(fieldProblem(field, `${text}\n1`)).toMatch(/holds 3,001 lines/);
  });

  it('stops at the character limit with whole lines when the lines are long', () => {
    const text = largestPaste('0.91,1\n0.12,0', 20, MAX_TEXT_LINES);
    expect(text).toBe('0.91,1\n0.12,0\n0.91,1');
    const field = thresholds.fields.csv;
    const full = largestPaste(field.default || '0.9,1', field.maxLength, MAX_TEXT_LINES);
    expect(full.length).toBeLessThanOrEqual(field.maxLength);
    expect(fieldProblem(field, full)).toBeNull();
  });

  it('repeats a one-line box along its line', () => {
    expect(largestPaste('ab', 5, 1)).toBe('ababa');
  });
});
