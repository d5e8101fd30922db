import { Commitment, CommitmentRecord, settableFields } from "@commitments/core";
import * as queries from "@commitments/db";
import type { z } from "zod";
import { ApiError } from "../lib/errors.ts";
import { generateId } from "../lib/ids.ts";
import { checked, type LedgerResource } from "../lib/ledger-resource.ts";
import { showRemarks } from "../lib/remarks.ts";
import { everything } from "../lib/representation.ts";
import type { CommitmentCreate, CommitmentDetail } from "../schemas/records.ts";

/** A commitment with its tranches and events, each with its remarks: what GET /v1/commitments/{id} shows. */
export function commitmentDetail(read: queries.CommitmentRead) {
  const show = showRemarks(read.remarks, read.names);
  const [commitment] = show("commitment", [read.commitment]);
  if (!commitment) throw new Error(`no representation of commitment "${read.commitment.record.id}"`);
  return { commitment, schedule: show("tranche", read.schedule), events: show("event", read.events) };
}

type CommitmentBody = Omit<z.infer<typeof CommitmentCreate>, "reason">;

export const commitments: LedgerResource<
  CommitmentRecord,
  CommitmentBody,
  z.infer<typeof CommitmentDetail>
> = {
  noun: "commitment",
  path: "/v1/commitments",
  access: {
    kind: "donor",
    fields: settableFields.commitment,
    target: async (_tx, commitment) => ({
      donor: commitment.donor,
      recipient: commitment.recipient,
      sourceDataset: commitment.sourceDataset,
    }),
  },
  entity: queries.commitmentEntity,
  schema: CommitmentRecord,
  create: async (tx, cs, body, placement) => {
    const id = body.id ?? generateId(body.title, "commitment");
    const { schedule, ...commitment } = checked(Commitment, { ...body, id });
    const tranches = schedule.map((tranche, position) => ({
      id: `${id}-t${position + 1}`,
      commitment: id,
      position,
      ...tranche,
    }));
    const longest = tranches.at(-1)?.id;
    if (longest && longest.length > 120) {
      throw new ApiError("VALIDATION_FAILED", `The id is too long to name its tranches (${longest})`, [
        { location: "json", path: "id", message: "too long to name its tranches" },
      ]);
    }
    await queries.createRecord(tx, cs, queries.commitmentEntity, commitment, placement);
    await queries.createRecords(tx, cs, queries.trancheEntity, tranches, placement);
    return id;
  },
  view: async (db, id) => {
    const found = await queries.readCommitment(db, id, undefined, everything);
    return found && { version: found.commitment.version, data: commitmentDetail(found) };
  },
};
