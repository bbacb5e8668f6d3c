import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { assignmentBucket, assignVariant } from '../../../src/lib/systems/ab-assignment.ts';
import {
  armsAt,
  hashPositions,
  assignUsers,
  compareAssignments,
  generateUserIds,
  splitNoise95,
  treatmentSplit,
} from '../../../src/lib/systems/traffic-split.ts';

const users = generateUserIds(20_000);

describe('treatmentSplit and assignUsers', () => {
  it('puts treatment first, so treatment is the bucket interval [0, share)', () => {
    expect(Object.keys(treatmentSplit(0.1))).toEqual(['treatment', 'control']);
    const arms = assignUsers(users.slice(0, 2000), 'ranker-v7', 0.3);
    users.slice(0, 2000).forEach((id, i) => {
      expect(arms[i]).toBe(assignmentBucket(id, 'ranker-v7') < 0.3 ? 'treatment' : 'control');
      expect(arms[i]).toBe(assignVariant(id, 'ranker-v7', { treatment: 0.3, control: 0.7 }));
    });
  });

  it('is stable: the same users get the same arms on every call', () => {
    expect(assignUsers(users, 'ranker-v7', 0.1)).toEqual(assignUsers([...users], 'ranker-v7', 0.1));
  });

  it('handles 0% and 100%', () => {
    expect(assignUsers(users.slice(0, 100), 'x', 0).every((a) => a === 'control')).toBe(true);
    expect(assignUsers(users.slice(0, 100), 'x', 1).every((a) => a === 'treatment')).toBe(true);
  });

  it('rejects a share outside [0, 1] and an empty experiment name', () => {
    expect(() => treatmentSplit(1.2)).toThrow('Traffic split: share is 1.2; it must be between 0 and 1.');
    expect(() => assignUsers(['a'], '', 0.5)).toThrow(MetricInputError);
  });
});

describe('ramping up keeps treatment users in treatment', () => {
  it('10% -> 20% on 20,000 users: nobody leaves treatment, about 10% join', () => {
    const change = compareAssignments(assignUsers(users, 'ranker-v7', 0.1), assignUsers(users, 'ranker-v7', 0.2));
    expect(change.leftTreatment).toBe(0);
    expect(change.stayedTreatment + change.joinedTreatment + change.leftTreatment + change.stayedControl).toBe(20_000);
    expect(Math.abs(change.joinedTreatment / 20_000 - 0.1)).toBeLessThan(0.01);
  });

  it('for any two shares a <= b and any experiment name (property)', () => {
    const sample = users.slice(0, 300);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string({ minLength: 1 }),
        (x, y, experiment) => {
          const [a, b] = x <= y ? [x, y] : [y, x];
          expect(
            compareAssignments(assignUsers(sample, experiment, a), assignUsers(sample, experiment, b)).leftTreatment,
          ).toBe(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a new experiment name reshuffles: about share² of users stay in treatment', () => {
    const change = compareAssignments(assignUsers(users, 'ranker-v7', 0.5), assignUsers(users, 'ranker-v8', 0.5));
    expect(Math.abs(change.stayedTreatment / 20_000 - 0.25)).toBeLessThan(0.015);
    expect(Math.abs(change.leftTreatment / 20_000 - 0.25)).toBeLessThan(0.015);
  });
});

describe('generateUserIds, compareAssignments and splitNoise95', () => {
  it('generates user-1 ... user-n', () => {
    expect(generateUserIds(3)).toEqual(['user-1', 'user-2', 'user-3']);
    expect(() => generateUserIds(0)).toThrow(/n is 0/);
    expect(() => generateUserIds(100_001)).toThrow(/from 1 to 100000/);
  });

  it('counts moves between arms', () => {
    expect(
      compareAssignments(
        ['treatment', 'control', 'control', 'treatment'],
        ['treatment', 'treatment', 'control', 'control'],
      ),
    ).toEqual({
      stayedTreatment: 1,
      joinedTreatment: 1,
      leftTreatment: 1,
      stayedControl: 1,
    });
    expect(() => compareAssignments(['treatment'], [])).toThrow(/compare the same users/);
  });

  it('sizes the 95% noise of the observed share: 1.96 sqrt(p(1-p)/n)', () => {
    expect(splitNoise95(0.1, 10_000)).toBeCloseTo(0.00588, 12);
    expect(splitNoise95(0.5, 100)).toBeCloseTo(0.098, 12);
    expect(splitNoise95(0, 10)).toBe(0);
    expect(() => splitNoise95(0.5, 0)).toThrow(/n is 0/);
  });
});

describe('hashPositions and armsAt (hash once, draw the share line many times)', () => {
  it('give exactly the arms of assignUsers for any share, including 0 and 1', () => {
    const ids = generateUserIds(2000);
    const positions = hashPositions(ids, 'ranker-v7');
    expect(positions[41]).toBe(assignmentBucket('user-42', 'ranker-v7'));
    for (const share of [0, 0.001, 0.1, 0.5, 0.975, 1])
      expect(armsAt(positions, share)).toEqual(assignUsers(ids, 'ranker-v7', share));
  });

  it('refuse an empty experiment name, an empty id and a share outside 0-1', () => {
    expect(() => hashPositions(['a'], '')).toThrow(MetricInputError);
    expect(() => hashPositions(['a', ''], 'x')).toThrow(MetricInputError);
    expect(() => armsAt(Float64Array.of(0.2), 1.5)).toThrow(MetricInputError);
  });
});
