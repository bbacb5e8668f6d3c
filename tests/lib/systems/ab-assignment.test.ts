import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { assignVariant, assignmentBucket, murmurHash3_32 } from '../../../src/lib/systems/index.ts';

const users = Array.from({ length: 100_000 }, (_, i) => `user-${i}`);

function shares(experiment: string, split: Record<string, number>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const user of users) {
    const variant = assignVariant(user, experiment, split);
    counts[variant] = (counts[variant] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([name, count]) => [name, count / users.length]));
}

describe('assignVariant', () => {
  it('splits 100,000 users within 1 percentage point of 90/10', () => {
    const observed = shares('new-ranker', { control: 0.9, treatment: 0.1 });
    expect(Math.abs((observed.control ?? 0) - 0.9)).toBeLessThan(0.01);
    expect(Math.abs((observed.treatment ?? 0) - 0.1)).toBeLessThan(0.01);
  });

  it('splits 100,000 users within 1 percentage point of a three-way 20/30/50 split', () => {
    const observed = shares('checkout-copy', { a: 0.2, b: 0.3, c: 0.5 });
    expect(Math.abs((observed.a ?? 0) - 0.2)).toBeLessThan(0.01);
    expect(Math.abs((observed.b ?? 0) - 0.3)).toBeLessThan(0.01);
    expect(Math.abs((observed.c ?? 0) - 0.5)).toBeLessThan(0.01);
  });

  it('gives the same user the same variant every time', () => {
    const split = { control: 0.5, treatment: 0.5 };
    for (const user of users.slice(0, 1000)) {
      const first = assignVariant(user, 'exp', split);
      expect(assignVariant(user, 'exp', { ...split })).toBe(first);
      expect(assignVariant(user, 'exp', split)).toBe(first);
    }
  });

  it('is the documented bucket: murmur3_32(`${experiment}/${userId}`) / 2^32 against the key order', () => {
    const bucket = murmurHash3_32('exp/user-7') / 2 ** 32;
    expect(assignmentBucket('user-7', 'exp')).toBe(bucket);
    expect(assignVariant('user-7', 'exp', { low: 0.5, high: 0.5 })).toBe(bucket < 0.5 ? 'low' : 'high');
    expect(assignmentBucket(42, 'exp')).toBe(murmurHash3_32('exp/42') / 2 ** 32);
  });

  it('assigns independently in different experiments (correlation near 0)', () => {
    const split = { control: 0.5, treatment: 0.5 };
    const x = users.map((user) => (assignVariant(user, 'experiment-a', split) === 'treatment' ? 1 : 0));
    const y = users.map((user) => (assignVariant(user, 'experiment-b', split) === 'treatment' ? 1 : 0));
    const n = users.length;
    const meanX = x.reduce<number>((a, b) => a + b, 0) / n;
    const meanY = y.reduce<number>((a, b) => a + b, 0) / n;
    let covariance = 0;
    let varianceX = 0;
    let varianceY = 0;
    for (let i = 0; i < n; i++) {
      covariance += (x[i]! - meanX) * (y[i]! - meanY);
      varianceX += (x[i]! - meanX) ** 2;
      varianceY += (y[i]! - meanY) ** 2;
    }
    const correlation = covariance / Math.sqrt(varianceX * varianceY);
    // Under independence the standard error is about 1/√n = 0.0032; 0.015 is over 4.5 standard errors.
    expect(Math.abs(correlation)).toBeLessThan(0.015);
    // And each of the four combinations holds about a quarter of the users.
    const both = x.filter((v, i) => v === 1 && y[i] === 1).length / n;
    expect(Math.abs(both - 0.25)).toBeLessThan(0.01);
  });

  it('keeps users in the last variant when its share grows (safe ramp-up)', () => {
    const before = { control: 0.9, treatment: 0.1 };
    const after = { control: 0.8, treatment: 0.2 };
    for (const user of users.slice(0, 20_000)) {
      if (assignVariant(user, 'ramp', before) === 'treatment')
        expect(assignVariant(user, 'ramp', after)).toBe('treatment');
    }
  });

  it('never picks a variant with share 0 and always returns a key of the split (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (user, experiment) => {
        const variant = assignVariant(user, experiment, { off: 0, on: 0.25, rest: 0.75 });
        expect(['on', 'rest']).toContain(variant);
      }),
    );
  });

  it('accepts shares that sum to 1 up to rounding (0.1 + 0.2 + 0.7)', () => {
    expect(['a', 'b', 'c']).toContain(assignVariant('u', 'e', { a: 0.1, b: 0.2, c: 0.7 }));
    expect(assignVariant('u', 'e', { only: 1 })).toBe('only');
  });

  it.each([
    ['u', 'e', { a: 0.5, b: 0.4 }, /sum to 0.9/],
    ['u', 'e', { a: 0.5, b: 0.5 + 1e-6 }, /must sum to 1/],
    ['u', 'e', { a: -0.5, b: 1.5 }, /share of "a" is -0.5/],
    ['u', 'e', { a: NaN, b: 1 }, /share of "a" is NaN/],
    ['u', 'e', {}, /no variants/],
    ['', 'e', { a: 1 }, /userId/],
    [NaN, 'e', { a: 1 }, /userId/],
    ['u', '', { a: 1 }, /experiment/],
  ])('rejects user %j, experiment %j, split %o', (user, experiment, split, message) => {
    const call = () => assignVariant(user, experiment, split);
    expect(call).toThrow(message);
    expect(call).toThrow(MetricInputError);
  });
});
