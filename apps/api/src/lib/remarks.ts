import { Annotation, Confirmation, Dispute, type RecordRef, WorkflowStatus } from "@commitments/core";
import {
  type Db,
  type OrganisationName,
  organisationNames,
  type Remarks,
  remarksOnRecords,
  type Versioned,
} from "@commitments/db";
import { z } from "@hono/zod-openapi";
import { VersionMeta, withVersion } from "./representation.ts";

/** The organisation behind a remark, named. */
export const OrganisationRef = z
  .object({ id: z.string(), name: z.string(), kind: z.string() })
  .openapi("OrganisationRef");

export const DisputeView = Dispute.safeExtend(VersionMeta)
  .safeExtend({ by: OrganisationRef })
  .openapi("DisputeView");
export const ConfirmationView = Confirmation.safeExtend(VersionMeta)
  .safeExtend({ by: OrganisationRef })
  .openapi("ConfirmationView");
export const AnnotationView = Annotation.safeExtend(VersionMeta)
  .safeExtend({ by: OrganisationRef })
  .openapi("AnnotationView");

/**
 * What every representation of a ministry's record carries besides its data: where it is in its workflow, and
 * what others say of it. A disputed figure is shown with the disputing organisation's own figure beside it.
 */
export const RemarksMeta = {
  status: WorkflowStatus.describe("draft → submitted → published; the public sees published only."),
  disputed: z.boolean().openapi({ description: "An open dispute stands against this record." }),
  disputes: z.array(DisputeView).openapi({ description: "Every dispute of the record, open or resolved." }),
  confirmations: z
    .array(ConfirmationView)
    .openapi({ description: "The recipient's confirmations of receipt (delivery events only)." }),
  annotations: z.array(AnnotationView),
};

const unknownOrganisation = (id: string) => ({ id, name: id, kind: "unknown" });

/** Representations of records of one kind with their workflow status and remarks: three queries for any number. */
export async function withRemarks<R extends { id: string }>(
  db: Db,
  kind: RecordRef["kind"],
  items: readonly Versioned<R>[],
  asOf?: Date,
) {
  const show = await remarkViews(db, [{ kind, ids: items.map((item) => item.record.id) }], asOf);
  return show(kind, items);
}

/**
 * Representations of records of several kinds read together (a commitment, its schedule and its events): the
 * remarks of all of them in one query per kind of remark, and one for the names of who made them. The function it
 * gives shows the records of one of the kinds it was given.
 */
export async function remarkViews(
  db: Db,
  targets: readonly { kind: RecordRef["kind"]; ids: readonly string[] }[],
  asOf?: Date,
) {
  const remarks = await remarksOnRecords(db, targets, asOf);
  const all = [...remarks.values()]
    .flatMap((byId) => [...byId.values()])
    .flatMap((r) => [...r.disputes, ...r.confirmations, ...r.annotations]);
  const names = await organisationNames(
    db,
    all.map((remark) => remark.record.organisation),
  );
  return showRemarks(remarks, names);
}

/** The function `remarkViews` gives, from remarks and names already read (a commitment's one statement). */
export function showRemarks(
  remarks: ReadonlyMap<RecordRef["kind"], ReadonlyMap<string, Remarks>>,
  names: ReadonlyMap<string, OrganisationName>,
) {
  const shown = <T extends { organisation: string }>(remark: Versioned<T>) => ({
    ...withVersion(remark),
    by: names.get(remark.record.organisation) ?? unknownOrganisation(remark.record.organisation),
  });
  return <R extends { id: string }>(kind: RecordRef["kind"], items: readonly Versioned<R>[]) =>
    items.map((item) => {
      const found = remarks.get(kind)?.get(item.record.id);
      const disputes = found?.disputes ?? [];
      return {
        ...withVersion(item),
        status: item.status,
        disputed: disputes.some((d) => d.record.status === "open"),
        disputes: disputes.map(shown),
        confirmations: (found?.confirmations ?? []).map(shown),
        annotations: (found?.annotations ?? []).map(shown),
      };
    });
}

/** One record's representation with its workflow status and remarks. */
export async function withRemarksOf<R extends { id: string }>(
  db: Db,
  kind: RecordRef["kind"],
  item: Versioned<R>,
  asOf?: Date,
) {
  const [shown] = await withRemarks(db, kind, [item], asOf);
  if (!shown) throw new Error(`no representation of ${kind} "${item.record.id}"`);
  return shown;
}
