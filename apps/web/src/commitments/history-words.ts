import type { Measure } from "@commitments/core";
import { formatMeasure, formatPartialDate } from "../format.ts";
import { labelOrId } from "../i18n/vocabulary.ts";
import { changesInWords, type Namer, type ReviewedField } from "../workspace/review.ts";

/*
 * A version's changes in the history, in the reader's words: a commitment's, tranche's or stage event's fields as
 * the approver's review reads them (labels, parties by name, a part's commitment by its title, dates as the
 * language writes them), and a remark's in the same manner. What identifies rather than describes (ids, the
 * record a remark is on, the organisation that wrote it, flags) is said by the row itself, or not at all.
 */

/** The fields of a dispute, confirmation or note a reader reads, in the order shown. */
export const remarkFields = [
  "statement",
  "figure",
  "received",
  "text",
  "note",
  "sources",
  "status",
  "resolution",
] as const;
export type RemarkField = (typeof remarkFields)[number];

/** One change, in words: the field it changed, and its value before and after. */
export interface ChangeInWords {
  field: ReviewedField | RemarkField;
  before: string;
  after: string;
}

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function remarkValue(field: RemarkField, value: unknown, names: Namer): string {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0))
    return names.none;
  switch (field) {
    case "figure":
      return isRecord(value)
        ? formatMeasure(value as unknown as Measure, { exact: true, lang: names.lang })
        : names.none;
    case "received":
      return formatPartialDate(String(value), names.lang);
    case "sources":
      return Array.isArray(value)
        ? value
            .filter(isRecord)
            .map((s) => String(s.title ?? ""))
            .join("; ")
        : names.none;
    case "status":
      return labelOrId("disputeStatus", String(value), names.lang);
    default:
      return String(value);
  }
}

/** A history row's changes in words: `kind` is the record's (commitment, tranche, event) or the remark's. */
export function historyChanges(kind: string, changes: readonly Change[], names: Namer): ChangeInWords[] {
  if (kind === "commitment" || kind === "tranche" || kind === "event") return changesInWords(changes, names);
  const shown = new Set<string>(remarkFields);
  return changes
    .filter((c): c is Change & { field: RemarkField } => shown.has(c.field))
    .sort((a, b) => remarkFields.indexOf(a.field) - remarkFields.indexOf(b.field))
    .map((c) => ({
      field: c.field,
      before: remarkValue(c.field, c.before, names),
      after: remarkValue(c.field, c.after, names),
    }))
    .filter((c) => c.before !== c.after);
}

/**
 * Why a remark's version was written, in its author's own words: a dispute's reason, or the resolution that
 * closed it; a confirmation's note; nothing for a note, whose text is the remark itself. The ledger's own reason
 * for a remark is the tracker's wording, in English and naming the record by its id: no reader's words.
 */
export function remarkReason(record: unknown): string | null {
  if (!isRecord(record)) return null;
  const words = record.resolution ?? record.statement ?? record.note;
  return typeof words === "string" ? words : null;
}

interface RemarkIn {
  kind: string;
  changeSet: number;
}
interface ProposalIn {
  id: string;
  proposed: { by: string };
  decided: { by: string } | null;
}

/**
 * Where the ledger tells of a version in the tracker's own English ("…, publishing the proposal of …"; "receipt
 * confirmed by …"), what the page tells in the reader's words instead: for a version that published a proposal,
 * who published it and whose it was (`published`); for one written by a recipient's confirmation of receipt (in
 * the same change set as the confirmation), that it was (`confirmedReceipt`).
 */
export function versionOrigin(
  version: { changeSet: number; proposal: string | null },
  history: { remarks: readonly RemarkIn[]; proposals: readonly ProposalIn[] },
): { published: { by: string; of: string } | null; confirmedReceipt: boolean } {
  const proposal = version.proposal ? history.proposals.find((p) => p.id === version.proposal) : undefined;
  return {
    published: proposal?.decided ? { by: proposal.decided.by, of: proposal.proposed.by } : null,
    confirmedReceipt: history.remarks.some(
      (r) => r.kind === "confirmation" && r.changeSet === version.changeSet,
    ),
  };
}
