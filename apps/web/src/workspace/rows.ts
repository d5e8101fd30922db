import type { Measure } from "@commitments/core";
import type { WorkflowStatus } from "@commitments/core/access";
import { formatDecimal, formatMeasure, formatPartialDate, type Lang } from "../format.ts";
import { label } from "../i18n/vocabulary.ts";
import type { WorkspaceMessages } from "./messages.ts";
import type { DonorRecords, RecordKind } from "./queries.ts";

/** One record as the workspace lists it, whatever its kind. */
export interface Row {
  /** `kind:id`: ids are unique within a kind only. */
  key: string;
  kind: RecordKind;
  id: string;
  /** What a person calls it: a commitment's title, a tranche's place and due date, an event's stage and date. */
  label: string;
  measure: Measure;
  status: WorkflowStatus;
  version: number;
  recordedAt: string;
}

export function formatMeasureIn(lang: Lang, measure: Measure): string {
  return measure.kind === "money"
    ? formatMeasure(measure, { exact: true, lang })
    : `${formatDecimal(measure.count, lang)} × ${measure.item} (${label("quantityUnit", measure.unit, lang)})`;
}

/**
 * The records not yet published (or, with `which: "published"`, those the public reads), grouped under their commitment (by its title) so a commitment's tranches and
 * events follow it: the order in which they must be published, too (a commitment before what hangs on it).
 */
export function rowsOf(
  records: DonorRecords,
  lang: Lang,
  t: WorkspaceMessages,
  which: "unpublished" | "published" = "unpublished",
): Row[] {
  const titles = new Map(records.commitments.map((c) => [c.id, c.title]));
  const title = (id: string) => titles.get(id) ?? id;
  const date = (d: string) => formatPartialDate(d, lang);
  const order: Record<RecordKind, number> = { commitment: 0, tranche: 1, event: 2 };
  const rows: (Row & { sortBy: string[] })[] = [
    ...records.commitments.map((c) => ({
      kind: "commitment" as const,
      record: c,
      label: c.title,
      sortBy: [title(c.id), c.id, String(order.commitment), ""],
    })),
    ...records.tranches.map((tr) => ({
      kind: "tranche" as const,
      record: tr,
      label: t.rowLabels.tranche(tr.position + 1, date(tr.due), title(tr.commitment)),
      sortBy: [
        title(tr.commitment),
        tr.commitment,
        String(order.tranche),
        String(tr.position).padStart(3, "0"),
      ],
    })),
    ...records.events.map((e) => ({
      kind: "event" as const,
      record: e,
      label: t.rowLabels.event(t.stages[e.stage], date(e.date), title(e.commitment)),
      sortBy: [title(e.commitment), e.commitment, String(order.event), e.date],
    })),
  ]
    .filter(({ record }) => !record.retracted && (record.status === "published") === (which === "published"))
    .map(({ kind, record, label, sortBy }) => ({
      key: `${kind}:${record.id}`,
      kind,
      id: record.id,
      label,
      measure: record.measure,
      status: record.status,
      version: record.version,
      recordedAt: record.recordedAt,
      sortBy,
    }));
  const compare = (a: string[], b: string[]) => {
    for (let i = 0; i < a.length; i++) {
      const c = (a[i] ?? "").localeCompare(b[i] ?? "");
      if (c !== 0) return c;
    }
    return 0;
  };
  return rows.sort((a, b) => compare(a.sortBy, b.sortBy)).map(({ sortBy: _, ...row }) => row);
}

/** The order a bulk step takes records in: commitments first, as their tranches and events are published after them. */
export function inPublishingOrder<R extends { kind: RecordKind }>(rows: readonly R[]): R[] {
  const order: Record<RecordKind, number> = { commitment: 0, tranche: 1, event: 2 };
  return [...rows].sort((a, b) => order[a.kind] - order[b.kind]);
}
