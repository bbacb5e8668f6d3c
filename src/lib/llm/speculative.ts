/**
 * Speculative decoding: a small draft model proposes several tokens, the large model checks them
 * all in one forward pass and keeps the accepted prefix, so each expensive step yields more than
 * one token on average.
 */
import {
  requireFiniteResult,
  requireInRange,
  requireInteger,
  requireIntegerInRange,
  requireNonNegative,
  requirePositive,
} from '../validate.ts';

/** Longest draft the calculators accept. */
export const MAX_DRAFT_TOKENS = 64;

export interface SpeculativeDecodingInput {
  /** Probability α that the target model accepts a drafted token, in [0, 1]. */
  acceptanceRate: number;
  /** Tokens γ the draft model proposes per step, a whole number from 1 to MAX_DRAFT_TOKENS. */
  draftTokens: number;
  /** Cost c of one draft-model step relative to one target-model step, >= 0 (e.g. 0.05). */
  draftCostRatio: number;
  /** Sequences decoded together, a whole number >= 1 (default 1). */
  batch?: number;
  /**
   * Token rows a target step can process before it turns compute-bound, > 0 (default Infinity:
   * always memory-bound, Leviathan's assumption). For weights of b bytes and 2 FLOPs per weight
   * per row: the ridge point peakFlops / memoryBandwidth × b / 2 (206 for FP8 on an H200).
   */
  memoryBoundRows?: number;
}

export interface SpeculativeDecoding {
  /** Expected tokens produced per target-model step (accepted drafts + the target's own token). */
  expectedTokensPerStep: number;
  /** Expected wall-time speedup over plain decoding; below 1 speculation slows generation down. */
  speedup: number;
  /** Cost of one verification pass (γ + 1 rows per sequence) in plain decode steps; 1 while memory-bound. */
  verifyCost: number;
}

/** What the speedup depends on besides the draft length. */
export type SpeculativeSetting = Omit<SpeculativeDecodingInput, 'draftTokens'>;

function requireSpeculativeInputs(setting: SpeculativeSetting, metric: string): void {
  requireInRange(setting.acceptanceRate, 'acceptanceRate', metric, 0, 1);
  requireNonNegative(setting.draftCostRatio, 'draftCostRatio', metric);
  if (setting.batch !== undefined) requireInteger(setting.batch, 'batch', metric, 1);
  if (setting.memoryBoundRows !== undefined) requirePositive(setting.memoryBoundRows, 'memoryBoundRows', metric);
}

/**
 * A verification pass costs max(1, B (γ + 1) / R) plain-step times while a plain step costs
 * max(1, B / R): flat while the rows stay under the ridge R, linear in the rows above it.
 */
function verificationCost(draftTokens: number, batch: number, memoryBoundRows: number): number {
  return Math.max(1, (batch * (draftTokens + 1)) / memoryBoundRows) / Math.max(1, batch / memoryBoundRows);
}

function speedupOf(setting: SpeculativeSetting, draftTokens: number): SpeculativeDecoding {
  const expectedTokensPerStep = expectedTokens(setting.acceptanceRate, draftTokens);
  const verifyCost = verificationCost(draftTokens, setting.batch ?? 1, setting.memoryBoundRows ?? Infinity);
  const speedup = expectedTokensPerStep / (draftTokens * setting.draftCostRatio + verifyCost);
  return { expectedTokensPerStep, speedup, verifyCost };
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
 * (every draft accepted, plus the target's token); speedup = E / (γ × c + v), since one step costs
 * γ draft runs plus one verification pass of v plain target steps. Leviathan et al. take v = 1 (a
 * memory-bound pass scores γ + 1 rows for the price of one). With a batch of B sequences and a
 * target that turns compute-bound above R rows per pass, v = max(1, B (γ + 1) / R) / max(1, B / R),
 * so the gain shrinks at large batch (the serving chapter's table). With α = 0, E = 1 and the
 * speedup is 1 / (γ c + v) < 1.
 * Reference: Leviathan, Kalman & Matias, "Fast Inference from Transformers via Speculative
 * Decoding", ICML 2023, https://arxiv.org/abs/2211.17192
 *
 * @throws MetricInputError if acceptanceRate is outside [0, 1], draftTokens is not a whole number
 *   from 1 to MAX_DRAFT_TOKENS, draftCostRatio is negative or not finite, batch is not a whole
 *   number >= 1, or memoryBoundRows is not positive.
 * @example
 * speculativeDecoding({ acceptanceRate: 0.8, draftTokens: 4, draftCostRatio: 0.05 });
 * // { expectedTokensPerStep: 3.3616000000000006, speedup: 2.801333333333334, verifyCost: 1 } ((1 − 0.8^5) / 0.2; / 1.2)
 * speculativeDecoding({ acceptanceRate: 0.8, draftTokens: 4, draftCostRatio: 0.05, batch: 64, memoryBoundRows: 206 });
 * // speedup 1.917 (verifyCost 320 / 206 = 1.553)
 */
export function speculativeDecoding(input: SpeculativeDecodingInput): SpeculativeDecoding {
  const metric = 'Speculative decoding';
  requireSpeculativeInputs(input, metric);
  requireIntegerInRange(input.draftTokens, 'draftTokens', metric, 1, MAX_DRAFT_TOKENS);
  const result = speedupOf(input, input.draftTokens);
  requireFiniteResult(result.speedup, 'speedup', metric);
  return result;
}

/**
 * The most tokens a target pass can yield on average, however long the draft: lim γ→∞ of E =
 * 1 / (1 − α) (a geometric series); null at α = 1, where E = γ + 1 grows without bound.
 * Reference: Leviathan et al. 2023, eq. 1: https://arxiv.org/abs/2211.17192
 *
 * @throws MetricInputError if acceptanceRate is outside [0, 1].
 * @example
 * expectedTokensLimit(0.5); // 2
 */
export function expectedTokensLimit(acceptanceRate: number): number | null {
  requireInRange(acceptanceRate, 'acceptanceRate', 'Expected tokens limit', 0, 1);
  return acceptanceRate === 1 ? null : 1 / (1 - acceptanceRate);
}

/**
 * Best draft length: the γ in 1..maxDraft with the largest expected speedup (the smallest γ on a tie).
 *
 * Formula: argmax over γ of speculativeDecoding's speedup, E / (γ c + v), by evaluating each γ
 * (v = 1 without a batch and ridge, so (1 − α^(γ+1)) / ((1 − α)(γ c + 1))). The
 * speedup at the best γ can still be below 1 (a poor or costly draft model): then speculation
 * does not pay at any length.
 * Reference: Leviathan et al. 2023, section 3.5 and Figure 3: https://arxiv.org/abs/2211.17192
 *
 * @param serving optional batch and memoryBoundRows, as in speculativeDecoding.
 * @throws MetricInputError if acceptanceRate is outside [0, 1], draftCostRatio is negative or not
 *   finite, maxDraft is not a whole number from 1 to MAX_DRAFT_TOKENS, or the batch or ridge is invalid.
 * @example
 * bestDraftTokens(0.8, 0.05); // 8 (speedup 3.092 against 3.082 at γ = 7 and 3.078 at γ = 9)
 */
export function bestDraftTokens(
  acceptanceRate: number,
  draftCostRatio: number,
  maxDraft = 16,
  serving: Pick<SpeculativeSetting, 'batch' | 'memoryBoundRows'> = {},
): number {
  const metric = 'Best draft length';
  const setting = { acceptanceRate, draftCostRatio, ...serving };
  requireSpeculativeInputs(setting, metric);
  requireIntegerInRange(maxDraft, 'maxDraft', metric, 1, MAX_DRAFT_TOKENS);
  let best = 1;
  let bestSpeedup = -Infinity;
  for (let draft = 1; draft <= maxDraft; draft++) {
    const { speedup } = speedupOf(setting, draft);
    if (speedup > bestSpeedup) {
      best = draft;
      bestSpeedup = speedup;
    }
  }
  return best;
}
