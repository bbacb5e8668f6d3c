/**
 * Traffic splitter, pure view: an experiment name, a treatment share and a list of users -> each
 * user's variant (hash-based, stable), the observed split against the requested one, what a ramp to
 * a larger share does to the users already in treatment, and how a new name reshuffles everyone.
 */
import {
  armsAt,
  compareAssignments,
  generateUserIds,
  hashPositions,
  splitNoise95,
  type Arm,
} from '../../lib/systems/traffic-split.ts';
import { MetricInputError } from '../../lib/errors.ts';
import { escapeHtml, fmt, fmtInt, fmtPercent } from '../kit/format.ts';
import { memoize } from '../kit/memo.ts';
import { guard, readouts, type WidgetResult } from '../kit/result.ts';
import type { StateOf } from '../kit/schema.ts';
import type { schema } from './schema.ts';

type State = StateOf<typeof schema>;

/** Rows of the per-user table. */
export const SHOWN_USERS = 20;
/** Most pasted ids. */
export const MAX_PASTED_IDS = 5000;

// A slider step changes only shares: the ids and their hash positions are reused (probe D14).
const generatedIds = memoize(generateUserIds, 1);
const pastedIds = memoize((text: string) => parseUserIds(text), 1);
const positionsOf = memoize(hashPositions);

/** Reads ids separated by new lines, commas, semicolons or tabs; blanks are skipped, repeats kept once. */
export function parseUserIds(text: string): { ids: string[]; duplicates: number } {
  const cells = text
    .split(/[\n,;\t]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (cells.length === 0)
    throw new MetricInputError('Paste at least one user id (one per line or comma-separated).', 'empty');
  const ids = [...new Set(cells)];
  if (ids.length > MAX_PASTED_IDS)
    throw new MetricInputError(
      `Paste at most ${fmtInt(MAX_PASTED_IDS)} user ids, or generate up to 20,000.`,
      'out-of-range',
    );
  return { ids, duplicates: cells.length - ids.length };
}

/** The experiment name as hashed: trimmed, and not empty. */
export function experimentName(raw: string, what: string): string {
  const name = raw.trim();
  if (name === '')
    throw new MetricInputError(`The ${what} is empty; give it a name, since the name salts the hash.`, 'empty');
  return name;
}

/** A share as set ("10%", "12.5%", "0.001%"): up to four significant digits, so a small share never shows as 0. */
const pct = (share: number) => `${Number(share.toPrecision(4))}%`;
const count = (arms: Arm[]) => arms.filter((a) => a === 'treatment').length;
const cell = (arm: Arm) => (arm === 'treatment' ? '<td class="ts-t">treatment</td>' : '<td>control</td>');

export function view(state: State): WidgetResult {
  return guard(() => {
    const exp = experimentName(state.exp, 'experiment name');
    const other = experimentName(state.other, 'name to compare with');
    const { ids, duplicates } =
      state.ids === 'pasted' ? pastedIds(state.list) : { ids: generatedIds(state.n), duplicates: 0 };
    const share = state.share / 100;
    const positions = positionsOf(ids, exp);
    const now = armsAt(positions, share);
    const ramped = armsAt(positions, state.ramp / 100);
    const renamed = armsAt(positionsOf(ids, other), share);
    const ramp = compareAssignments(now, ramped);
    const rename = compareAssignments(now, renamed);
    const inTreatment = count(now);
    const observed = inTreatment / ids.length;
    const noise = splitNoise95(share, ids.length);
    const gap = observed - share;

    const splitNote = `<strong>${fmtPercent(observed, 2)} of ${fmtInt(ids.length)} users are in treatment</strong> (${pct(state.share)} requested)${
      duplicates > 0 ? `, after counting ${fmtInt(duplicates)} repeated ${duplicates === 1 ? 'id' : 'ids'} once` : ''
    }. ${
      Math.abs(gap) <= noise
        ? `The gap of ${fmt(Math.abs(gap) * 100, 2)} points is within the ±${fmt(noise * 100, 2)} points that chance alone gives for this many users (95%).`
        : `The gap of ${fmt(Math.abs(gap) * 100, 2)} points is beyond the ±${fmt(noise * 100, 2)} points chance gives for this many users (95%): with a real experiment, check for a sample ratio mismatch.`
    } Each user's variant depends only on the hash of "experiment:user id", so it is the same on every reload and on every machine.`;

    let rampNote: string;
    if (inTreatment === 0 && state.ramp > state.share)
      rampNote = `<strong>Ramping from ${pct(state.share)} to ${pct(state.ramp)}: nobody is in treatment yet, and ${fmtInt(ramp.joinedTreatment)} users join from control.</strong>`;
    else if (state.ramp === state.share)
      rampNote = `The ramp target equals the current share (${pct(state.share)}), so nobody moves.`;
    else if (state.ramp > state.share)
      rampNote = `<strong>Ramping from ${pct(state.share)} to ${pct(state.ramp)}: ${ramp.leftTreatment === 0 ? 'every one' : `${fmtInt(ramp.stayedTreatment)}`} of the ${fmtInt(inTreatment)} users in treatment ${ramp.leftTreatment === 0 ? 'stays there' : 'stay there'}</strong>, ${fmtInt(ramp.joinedTreatment)} join from control and ${fmtInt(ramp.leftTreatment)} move back. Treatment is the range of hash values below the share, so a larger share only adds users.`;
    else
      rampNote = `<strong>Ramping down from ${pct(state.share)} to ${pct(state.ramp)}: ${fmtInt(ramp.leftTreatment)} of the ${fmtInt(inTreatment)} users in treatment go back to control</strong> and nobody joins; the ${fmtInt(ramp.stayedTreatment)} who stay are those with the lowest hash values.`;

    const renameNote =
      inTreatment === 0
        ? `No user is in treatment at ${pct(state.share)}, so a new name has nobody to reshuffle; raise the share to see it.`
        : other === exp
          ? `The name to compare with is the same as the experiment's, so every user keeps their variant: change it to see a reshuffle.`
          : `Under the name "${escapeHtml(other)}" at the same ${pct(state.share)}, only ${fmtInt(rename.stayedTreatment)} of the ${fmtInt(inTreatment)} treatment users (${fmtPercent(rename.stayedTreatment / inTreatment)}) land in treatment again: about ${pct(state.share)} of them, as independent hashing predicts. A new name draws a fresh sample, so past treatment users do not stay the guinea pigs.`;

    const rows = ids
      .slice(0, SHOWN_USERS)
      .map(
        (id, i) =>
          `<tr><th scope="row">${escapeHtml(id)}</th><td>${fmt(positions[i]!, 4)}</td>${cell(now[i]!)}${cell(ramped[i]!)}${cell(renamed[i]!)}</tr>`,
      )
      .join('');
    const table = `<div class="ts-scroll"><table class="ts-table"><caption>The first ${fmtInt(Math.min(SHOWN_USERS, ids.length))} of ${fmtInt(ids.length)} users; treatment is a hash position below the share</caption>
<thead><tr><th scope="col">User id</th><th scope="col">Hash position</th><th scope="col">At ${pct(state.share)}</th><th scope="col">Ramped to ${pct(state.ramp)}</th><th scope="col">As "${escapeHtml(other)}"</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;

    const html = `${readouts([
      ['Users', fmtInt(ids.length)],
      ['In treatment', fmtInt(inTreatment)],
      ['Observed share', fmtPercent(observed, 2)],
      ['Requested share', pct(state.share)],
      ['Chance range (95%)', `±${fmt(noise * 100, 2)} pts`],
      [`Left treatment at ${pct(state.ramp)}`, fmtInt(ramp.leftTreatment)],
    ])}
<p class="widget-verdict">${splitNote}</p>
<p class="widget-verdict">${rampNote}</p>
<p class="widget-verdict">${renameNote}</p>
${table}`;
    const summary = `${fmtInt(inTreatment)} of ${fmtInt(ids.length)} users (${fmtPercent(observed, 2)}) in treatment for ${pct(state.share)} requested; ramping to ${pct(state.ramp)} moves ${fmtInt(ramp.joinedTreatment)} users into treatment and ${fmtInt(ramp.leftTreatment)} out.`;
    return { html, summary };
  });
}
