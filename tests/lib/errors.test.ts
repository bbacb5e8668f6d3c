import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/lib/errors.ts';

describe('MetricInputError', () => {
  it('is an Error with a name, a code and the message', () => {
    const error = new MetricInputError('Recall is undefined: there are no positive labels', 'undefined');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(MetricInputError);
    expect(error.name).toBe('MetricInputError');
    expect(error.code).toBe('undefined');
    expect(error.message).toBe('Recall is undefined: there are no positive labels');
  });
});
