/**
 * Speculative decoding: a small draft model proposes several tokens, the large model checks them
 * all in one forward pass and keeps the accepted prefix, so each expensive step yields more than
 * one token on average.
 */
import { requireFiniteResult, requireInRange, requireIntegerInRange, requireNonNegative } from '../validate.ts';

/** Longest draft the calculators accept. */
export const MAX_DRAFT_TOKENS = 64;

export interface SpeculativeDecodingInput {
  /** Probability α that the target model accepts a drafted token, in [0, 1]. */
  acceptanceRate: number;
  /** Tokens γ the draft model proposes per step, a whole number from 1 to MAX_DRAFT_TOKENS. */
  draftTokens: number;
  /** Cost c of one draft-model step relative to one target-model step, >= 0 (e.g. 0.05). */
  draftCostRatio: number;
}

export interface SpeculativeDecoding {
  /** Expected tokens produced per target-model step (accepted drafts + the target's own token). */
  expectedTokensPerStep: number;
  /** Expected wall-time speedup over plain decoding; below 1 speculation slows generation down. */
  speedup: number;
}

function requireSpeculativeInputs(acceptanceRate: number, draftCostRatio: number, metric: string): void {
  requireInRange(acceptanceRate, 'acceptanceRate', metric, 0, 1);
  requireNonNegative(draftCostRatio, 'draftCostRatio', metric);
}

/** E = 1 + α + α² + ... + α^γ, summed directly (exact at α = 1 and stable near it). */
function expectedTokens(acceptanceRate: number, draftTokens: number): number {
  let term = 1;
  let total = 1;
  for (let i = 1; i <= draftTokens; i++) {
    term *= acceptanceRate;
    total += term;
  }
  return total;
}

/**
 * Speculative decoding: expected tokens per target step and expected speedup.
 *
 * Formula (Leviathan et al. 2023, eq. 1 and Theorem 3.8), with α = acceptanceRate, γ = draftTokens,
 * c = draftCostRatio and acceptances i.i.d.: E = (1 − α^(γ+1)) / (1 − α), which is γ + 1 at α = 1
 * (every draft accepted, plus the target's token); speedup = E / (γ × c + 1), since one step costs
 * γ draft runs plus one target run. With α = 0, E = 1 and the speedup is 1 / (γ c + 1) < 1.
 * Reference: Leviathan, Kalman & Matias, "Fast Inference from Transformers via Speculative
 * Decoding", ICML 2023, https://arxiv.org/abs/2211.17192
 *
 * @throws MetricInputError if acceptanceRate is outside [0, 1], draftTokens is not a whole number
 *   from 1 to MAX_DRAFT_TOKENS, or draftCostRatio is negative or not finite.
 * @example
 * speculativeDecoding({ acceptanceRate: 0.8, draftTokens: 4, draftCostRatio: 0.05 });
 * // { expectedTokensPerStep: 3.3616000000000006, speedup: 2.801333333333334 } ((1 − 0.8^5) / 0.2; / 1.2)
 */
export function speculativeDecoding({
  acceptanceRate,
  draftTokens,
  draftCostRatio,
}: SpeculativeDecodingInput): SpeculativeDecoding {
  const metric = 'Speculative decoding';
  requireSpeculativeInputs(acceptanceRate, draftCostRatio, metric);
  requireIntegerInRange(draftTokens, 'draftTokens', metric, 1, MAX_DRAFT_TOKENS);
  const expectedTokensPerStep = expectedTokens(acceptanceRate, draftTokens);
  const speedup = expectedTokensPerStep / (draftTokens * draftCostRatio + 1);
  requireFiniteResult(speedup, 'speedup', metric);
  return { expectedTokensPerStep, speedup };
}

/**
 * Best draft length: the γ in 1..maxDraft with the largest expected speedup (the smallest γ on a tie).
 *
 * Formula: argmax over γ of (1 − α^(γ+1)) / ((1 − α)(γ c + 1)), by evaluating each γ. The
 * speedup at the best γ can still be below 1 (a poor or costly draft model): then speculation
 * does not pay at any length.
 * Reference: Leviathan et al. 2023, section 3.5 and Figure 3: https://arxiv.org/abs/2211.17192
 *
 * @throws MetricInputError if acceptanceRate is outside [0, 1], draftCostRatio is negative or not
 *   finite, or maxDraft is not a whole number from 1 to MAX_DRAFT_TOKENS.
 * @example
 * bestDraftTokens(0.8, 0.05); // 8 (speedup 3.092 against 3.082 at γ = 7 and 3.078 at γ = 9)
 */
export function bestDraftTokens(acceptanceRate: number, draftCostRatio: number, maxDraft = 16): number {
  const metric = 'Best draft length';
  requireSpeculativeInputs(acceptanceRate, draftCostRatio, metric);
  requireIntegerInRange(maxDraft, 'maxDraft', metric, 1, MAX_DRAFT_TOKENS);
  let best = 1;
  let bestSpeedup = -Infinity;
  for (let draft = 1; draft <= maxDraft; draft++) {
    const speedup = expectedTokens(acceptanceRate, draft) / (draft * draftCostRatio + 1);
    if (speedup > bestSpeedup) {
      best = draft;
      bestSpeedup = speedup;
    }
  }
  return best;
}
