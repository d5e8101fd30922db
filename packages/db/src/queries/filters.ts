import { instrumentTypes, type SourceDataset, type Tier } from "@commitments/core";
import { eq, isNull, like, or, type SQL, sql } from "drizzle-orm";
import { visibleAt } from "../ledger.ts";
import { agreements, commitments } from "../schema.ts";

/** Filters on commitments, shared by the commitment, tranche, event and series reads. */
export interface CommitmentFilters {
  donor?: string | undefined;
  recipient?: string | undefined;
  agreement?: string | undefined;
  /** A category and everything under it: "ammunition" includes "ammunition.artillery_155mm". */
  category?: string | undefined;
  /** Commitments under agreements of this tier; "none" for commitments under no agreement. */
  tier?: Tier | "none" | undefined;
  /** Whose figures: one source dataset's commitments only. */
  source?: SourceDataset | undefined;
}

export function instrumentTypesOf(tier: Tier): string[] {
  return instrumentTypes.filter((t) => t.tier === tier).map((t) => t.id);
}

/** Conditions on the commitments table, the tier judged by the agreement as it stood at the same moment. */
export function commitmentConditions(filters: CommitmentFilters, asOf?: Date): SQL[] {
  const where: SQL[] = [];
  if (filters.donor) where.push(eq(commitments.donor, filters.donor));
  if (filters.recipient) where.push(eq(commitments.recipient, filters.recipient));
  if (filters.source) where.push(eq(commitments.sourceDataset, filters.source));
  if (filters.agreement) where.push(eq(commitments.agreementId, filters.agreement));
  if (filters.category) {
    where.push(
      or(
        eq(commitments.category, filters.category),
        like(commitments.category, `${filters.category}.%`),
      ) as SQL,
    );
  }
  if (filters.tier === "none") where.push(isNull(commitments.agreementId));
  else if (filters.tier) {
    where.push(
      sql`${commitments.agreementId} in (select ${agreements.id} from ${agreements}
        where ${agreements.instrumentType} in ${instrumentTypesOf(filters.tier)} and ${visibleAt(agreements, asOf)})`,
    );
  }
  return where;
}

/** Conditions on a table with a commitment_id column: its commitment, visible at the same moment, matches. */
export function viaCommitment(
  column: SQL | { name: string },
  filters: CommitmentFilters,
  asOf?: Date,
): SQL[] {
  const conditions = commitmentConditions(filters, asOf);
  if (conditions.length === 0) return [];
  return [
    sql`${column} in (select ${commitments.id} from ${commitments}
      where ${visibleAt(commitments, asOf)} and ${sql.join(conditions, sql` and `)})`,
  ];
}
