import type { AgreementStatus } from "./agreements.ts";
import { add, compare, divide } from "./decimal.ts";
import { type InstrumentType, instrumentTypes, type Tier, tierOf, tiers } from "./gradation.ts";
import type { DecimalString } from "./money.ts";
import type { ladderStandingIds } from "./vocabulary/guarantors.ts";

export type LadderStanding = (typeof ladderStandingIds)[number];

/**
 * The statuses under which an instrument stands and so places its guarantor on the ladder: a proposal, a draft,
 * or an instrument suspended, expired or superseded does not (it is still listed, with its status).
 */
export const standingStatuses: readonly AgreementStatus[] = ["signed", "in_force", "reshaped", "conditional"];

export function stands(status: AgreementStatus | undefined): boolean {
  return status !== undefined && standingStatuses.includes(status);
}

export interface RungCandidate {
  agreement: string;
  instrumentType: InstrumentType;
  status: AgreementStatus | undefined;
}

export interface Rung {
  tier: Tier;
  /** Table 1's rank of the tier: 1 soft, 2 intermediate, 3 hard. */
  rank: number;
  instrumentType: InstrumentType;
  /** The instrument that places the guarantor there. */
  agreement: string;
}

const tierRank = new Map(tiers.map((t) => [t.id, t.rank]));
const typeOrder = new Map(instrumentTypes.map((t, i) => [t.id, i]));

/**
 * A guarantor's rung: the highest tier among its standing instruments, and within the tier the instrument type
 * Table 1 lists last (the table goes from softer to harder); null when none stands.
 */
export function rungOf(candidates: readonly RungCandidate[]): Rung | null {
  let best: Rung | null = null;
  for (const c of candidates) {
    if (!stands(c.status)) continue;
    const tier = tierOf(c.instrumentType);
    const rank = tierRank.get(tier) ?? 0;
    const better =
      best === null ||
      rank > best.rank ||
      (rank === best.rank &&
        (typeOrder.get(c.instrumentType) ?? 0) > (typeOrder.get(best.instrumentType) ?? 0));
    if (better) best = { tier, rank, instrumentType: c.instrumentType, agreement: c.agreement };
  }
  return best;
}

/** The median of exact amounts (the mean of the middle two when their number is even, kept exact). */
export function medianAmount(values: readonly DecimalString[]): DecimalString | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort(compare);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as DecimalString;
  return divide(add(sorted[mid - 1] as DecimalString, sorted[mid] as DecimalString), "2", 10);
}

/**
 * Where a guarantor stands: words are an instrument above the soft rung, weapons are military aid above the median
 * donor's (the volume compared is the view's, e.g. Kiel's military allocations). A donor with no figure from the
 * source has no weapons by that source, which the view says rather than reading it as zero.
 */
export function ladderStanding(
  rung: Rung | null,
  volume: DecimalString | null,
  median: DecimalString | null,
): LadderStanding {
  const words = rung !== null && rung.rank >= 2;
  const weapons = volume !== null && median !== null && compare(volume, median) > 0;
  if (words) return weapons ? "words_and_weapons" : "words_without_weapons";
  return weapons ? "weapons_without_words" : "neither";
}
