import { AgreementRecord, AgreementStatus, classify, statusOn, Tier, tierOf } from "@commitments/core";
import type * as queries from "@commitments/db";
import { z } from "@hono/zod-openapi";
import { VersionMeta, withVersion } from "../lib/representation.ts";
import { Classification } from "./gradation.ts";
import { ProvisionView } from "./records.ts";

/** An agreement as the API shows it: its provisions, its rung on Table 1 and why, and where it stands now. */
export const AgreementView = AgreementRecord.safeExtend({
  ...VersionMeta,
  provisions: z.array(ProvisionView),
  tier: Tier,
  classification: Classification,
  currentStatus: AgreementStatus.optional(),
}).openapi("AgreementView");

/** An agreement read from the ledger, as AgreementView shows it: the agreements' and the guarantors' answers. */
export function agreementView({ agreement, provisions }: queries.AgreementWithProvisions) {
  const record = agreement.record;
  const currentStatus = statusOn(record.statusHistory);
  return {
    ...withVersion(agreement),
    provisions: provisions.map(withVersion),
    tier: tierOf(record.instrumentType),
    classification: classify(record.attributes),
    ...(currentStatus ? { currentStatus } : {}),
  };
}
