// The traffic splitter's pure view: counts equal the library's assignments of the same users, the
// ramp keeps treatment users in treatment, a new name reshuffles, and bad input.
import { describe, expect, it } from 'vitest';
import { parseUserIds, view } from '../../src/widgets/traffic-split/view.ts';
import { schema } from '../../src/widgets/traffic-split/schema.ts';
import { fieldProblem } from '../../src/client/fields.ts';
import { assignmentBucket } from '../../src/lib/systems/ab-assignment.ts';
import { assignUsers, compareAssignments, generateUserIds } from '../../src/lib/systems/traffic-split.ts';
import { readout, viewHarness } from './harness.ts';

const { state, html, error } = viewHarness(schema, view);

const users = generateUserIds(10_000);
const treated = (arms: string[]) => arms.filter((a) => a === 'treatment').length;

describe('traffic split view: a 10% canary on 10,000 generated users', () => {
  const at10 = assignUsers(users, 'ranker-v7', 0.1);
  const at20 = assignUsers(users, 'ranker-v7', 0.2);
  const markup = html({});

  it('counts the treatment users the library assigns', () => {
    expect(readout(markup, 'Users')).toBe('10,000');
    expect(readout(markup, 'In treatment')).toBe(treated(at10).toLocaleString('en-US'));
    expect(readout(markup, 'In treatment')).toBe('996');
    expect(readout(markup, 'Observed share')).toBe('9.96%');
    expect(readout(markup, 'Requested share')).toBe('10%');
    // 1.96 × sqrt(0.1 × 0.9 / 10,000) = 0.00588
    expect(readout(markup, 'Chance range (95%)')).toBe('±0.59 pts');
    expect(markup).toContain('The gap of 0.04 points is within the ±0.59 points that chance alone gives');
  });

  it('ramping to 20% keeps every treatment user in treatment (checked user by user)', () => {
    const change = compareAssignments(at10, at20);
    expect(change.leftTreatment).toBe(0);
    at10.forEach((arm, i) => {
      if (arm === 'treatment') expect(at20[i]).toBe('treatment');
    });
    expect(readout(markup, 'Left treatment at 20%')).toBe('0');
    expect(markup).toContain(
      `<strong>Ramping from 10% to 20%: every one of the 996 users in treatment stays there</strong>, ${change.joinedTreatment.toLocaleString('en-US')} join from control and 0 move back.`,
    );
  });

  it('lists the first 20 users with their hash position and variants', () => {
    const rows = markup.match(/<tr><th scope="row">/g);
    expect(rows).toHaveLength(20);
    const b = assignmentBucket('user-1', 'ranker-v7');
    expect(markup).toContain(`<th scope="row">user-1</th><td>${b.toFixed(4)}</td>`);
    expect(markup).toContain('<th scope="col">As "ranker-v8"</th>');
  });

  it('is stable: the same state renders the same assignment every time', () => {
    expect(html({})).toBe(markup);
  });

  it('summarises for screen readers', () => {
    const result = view(state({}));
    expect(result.ok && result.summary).toBe(
      `996 of 10,000 users (9.96%) in treatment for 10% requested; ramping to 20% moves ${compareAssignments(at10, at20).joinedTreatment.toLocaleString('en-US')} users into treatment and 0 out.`,
    );
  });
});

describe('traffic split view: schema.presets and variations', () => {
  it('50/50 A/B test ramped to 100%: everyone in treatment stays', () => {
    const markup = html(schema.presets[1]!.state);
    expect(readout(markup, 'In treatment')).toBe(treated(assignUsers(users, 'ranker-v7', 0.5)).toLocaleString('en-US'));
    expect(markup).toContain('Ramping from 50% to 100%: every one of the');
    expect(readout(markup, 'Left treatment at 100%')).toBe('0');
  });

  it('a new experiment name reshuffles: about half of the treatment users land in treatment again', () => {
    const { exp = '', other = '' } = schema.presets[2]!.state;
    const change = compareAssignments(assignUsers(users, exp, 0.5), assignUsers(users, other, 0.5));
    const markup = html(schema.presets[2]!.state);
    expect(markup).toContain(
      `Under the name "homepage-carousel-rerun" at the same 50%, only ${change.stayedTreatment.toLocaleString('en-US')} of the`,
    );
    expect(change.stayedTreatment / (change.stayedTreatment + change.leftTreatment)).toBeGreaterThan(0.45);
    expect(change.stayedTreatment / (change.stayedTreatment + change.leftTreatment)).toBeLessThan(0.55);
    expect(markup).toContain('The ramp target equals the current share (50%), so nobody moves.');
  });

  it('ramping down moves users out and none in', () => {
    const change = compareAssignments(assignUsers(users, 'ranker-v7', 0.3), assignUsers(users, 'ranker-v7', 0.1));
    expect(change.joinedTreatment).toBe(0);
    expect(html({ share: 30, ramp: 10 })).toContain(
      `<strong>Ramping down from 30% to 10%: ${change.leftTreatment.toLocaleString('en-US')} of the`,
    );
  });

  it('same name to compare with: nobody moves; 0%: nobody to reshuffle', () => {
    expect(html({ other: 'ranker-v7' })).toContain(
      "is the same as the experiment's, so every user keeps their variant",
    );
    const none = html({ share: 0, ramp: 10 });
    expect(readout(none, 'In treatment')).toBe('0');
    expect(none).toContain('nobody is in treatment yet');
    expect(none).toContain('No user is in treatment at 0%');
  });

  it('pasted ids: repeats counted once, names escaped', () => {
    const markup = html({ ids: 'pasted', list: 'alice\nbob\nalice\n<script>x</script>' });
    expect(readout(markup, 'Users')).toBe('3');
    expect(markup).toContain('after counting 1 repeated id once');
    expect(markup).toContain('&#60;script&#62;x&#60;/script&#62;');
    expect(markup).not.toContain('<script>');
    expect(parseUserIds('a, b;c\td\n\n e ')).toEqual({ ids: ['a', 'b', 'c', 'd', 'e'], duplicates: 0 });
  });
});

describe('traffic split view: bad input', () => {
  it('asks for ids and names', () => {
    expect(error({ ids: 'pasted', list: '' })).toBe('Paste at least one user id (one per line or comma-separated).');
    expect(error({ ids: 'pasted', list: ' ,\n; ' })).toBe(
      'Paste at least one user id (one per line or comma-separated).',
    );
    expect(error({ exp: '   ' })).toBe('The experiment name is empty; give it a name, since the name salts the hash.');
    expect(error({ other: '' })).toBe(
      'The name to compare with is empty; give it a name, since the name salts the hash.',
    );
    expect(error({ ids: 'pasted', list: Array.from({ length: 5001 }, (_, i) => i).join(',') })).toBe(
      'Paste at most 5,000 user ids, or generate up to 20,000.',
    );
  });

  it('shows a small share as set, never as 0% (probe C4)', () => {
    expect(html({ share: 0.001 })).toContain('(0.001% requested)');
    expect(html({ share: 12.5 })).toContain('(12.5% requested)');
  });

  it('passes the library message for values beyond the boxes (a link edited by hand)', () => {
    expect(error({ share: 150 })).toBe('Traffic split: share is 1.5; it must be between 0 and 1.');
    expect(error({ n: 0 })).toBe('Generated user ids: n is 0; it must be a whole number of at least 1.');
    expect(error({ n: 1e6 })).toBe('Generated user ids: n is 1000000; it must be a whole number from 1 to 100000.');
  });

  it('validates the boxes', () => {
    expect(fieldProblem(schema.fields.share, '')).toBe('Treatment share (%) must be a number.');
    expect(fieldProblem(schema.fields.share, '-1')).toBe('Treatment share (%) must be between 0 and 100.');
    expect(fieldProblem(schema.fields.ramp, '120')).toBe('Then ramp the share to (%) must be between 0 and 100.');
    expect(fieldProblem(schema.fields.n, '0')).toBe('How many ids to generate must be between 1 and 20000.');
    expect(fieldProblem(schema.fields.n, '1.5')).toBe('How many ids to generate must be a whole number.');
    expect(fieldProblem(schema.fields.exp, 'x'.repeat(101))).toBe(
      'Experiment name (salts the hash) holds 101 characters; it takes at most 100.',
    );
  });
});
