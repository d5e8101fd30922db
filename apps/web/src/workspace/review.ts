import type { Measure } from "@commitments/core";
import { formatMoment, formatPartialDate, type Lang } from "../format.ts";
import { labelOrId } from "../i18n/vocabulary.ts";
import { formatMeasureIn } from "./rows.ts";

/*
 * A record as the approver reviews it, in words: each field the public will read, under its label, with the
 * vocabulary's labels for categories, stages and the like, parties by name and dates as the language writes them.
 * And a proposal's changes, field by field, in the same words. Pure, so what the approver is shown is tested.
 */

/** The fields a reviewer reads, in the order shown; a record's other fields (its id, flags) are not shown. */
export const reviewedFields = [
  "title",
  "commitment",
  "position",
  "donor",
  "recipient",
  "category",
  "stage",
  "date",
  "due",
  "measure",
  "measureBasis",
  "confidence",
  "period",
  "conditions",
  "note",
  "sources",
] as const;
export type ReviewedField = (typeof reviewedFields)[number];

/** What turns ids into words: a party's name, a commitment's title; and what a missing value reads as. */
export interface Namer {
  lang: Lang;
  party: (id: string) => string;
  commitment: (id: string) => string;
  /** A missing value, e.g. "none". */
  none: string;
  /** The place in a schedule, from 0: "No. 1". */
  position: (n: number) => string;
}

export interface SourceShown {
  title: string;
  url?: string;
  /** Kind, publisher, date and place in it, as one line. */
  detail: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function sourcesOf(value: unknown, names: Namer): SourceShown[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((s) => {
    const detail = [
      typeof s.kind === "string" ? labelOrId("sourceKind", s.kind, names.lang) : null,
      typeof s.publisher === "string" ? s.publisher : null,
      typeof s.published === "string" ? formatPartialDate(s.published, names.lang) : null,
      typeof s.locator === "string" ? s.locator : null,
    ].filter((part): part is string => part !== null);
    const quote = typeof s.quote === "string" ? `“${s.quote}”` : null;
    return {
      title: String(s.title ?? ""),
      ...(typeof s.url === "string" ? { url: s.url } : {}),
      detail: [...detail, ...(quote ? [quote] : [])].join(" · "),
    };
  });
}

/** One field's value in words; `none` for a value absent or empty. */
export function valueInWords(field: ReviewedField, value: unknown, names: Namer): string {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0))
    return names.none;
  const date = (d: unknown) => (typeof d === "string" ? formatPartialDate(d, names.lang) : names.none);
  switch (field) {
    case "donor":
    case "recipient":
      return names.party(String(value));
    case "commitment":
      return names.commitment(String(value));
    case "category":
    case "stage":
    case "confidence":
    case "measureBasis":
      return labelOrId(field, String(value), names.lang);
    case "position":
      return names.position(Number(value) + 1);
    case "date":
    case "due":
      return date(value);
    case "measure":
      return isRecord(value) ? formatMeasureIn(names.lang, value as unknown as Measure) : names.none;
    case "period":
      return isRecord(value) ? `${date(value.start)} – ${date(value.end)}` : names.none;
    case "conditions":
      return Array.isArray(value) ? value.map(String).join("; ") : String(value);
    case "sources":
      return sourcesOf(value, names)
        .map((s) => s.title)
        .join("; ");
    default:
      return String(value);
  }
}

/** The record's reviewed fields that it has, in words, and its sources with their links. */
export function recordInWords(
  record: Record<string, unknown>,
  names: Namer,
): { facts: { field: ReviewedField; text: string }[]; sources: SourceShown[] } {
  const facts = reviewedFields
    .filter((field) => field !== "sources" && field in record)
    .map((field) => ({ field, text: valueInWords(field, record[field], names) }));
  return { facts, sources: sourcesOf(record.sources, names) };
}

/**
 * A change the API reports (a top-level field, its value before and after), in words; fields not reviewed, and
 * changes that read the same in words, are left out.
 */
export function changesInWords(
  changes: readonly { field: string; before: unknown; after: unknown }[],
  names: Namer,
): { field: ReviewedField; before: string; after: string }[] {
  const shown = new Set<string>(reviewedFields);
  return (
    changes
      .filter((c): c is typeof c & { field: ReviewedField } => shown.has(c.field))
      .sort((a, b) => reviewedFields.indexOf(a.field) - reviewedFields.indexOf(b.field))
      .map((c) => ({
        field: c.field,
        before: valueInWords(c.field, c.before, names),
        after: valueInWords(c.field, c.after, names),
      }))
      // A value written anew but the same to a reader (a period's keys in another order) changes nothing they read.
      .filter((c) => c.before !== c.after)
  );
}

/** One version of a record's history, as far as a returned draft's note reads it. */
export interface Step {
  action: string;
  actor: string;
  recordedAt: string;
  reason: string | null;
}

/**
 * Why a draft is a draft again: the approver's last return, unless the editor has submitted it since. Null for a
 * draft never returned, or one submitted again after.
 */
export function lastReturn(versions: readonly Step[] | undefined): Step | null {
  if (!versions) return null;
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i] as Step;
    if (v.action === "return") return v;
    if (v.action === "submit" || v.action === "publish") return null;
  }
  return null;
}

/** A proposal, as far as a published record's note reads it. */
export interface ProposalStep {
  id: string;
  kind: "correction" | "retraction";
  status: "submitted" | "published" | "returned";
  target: { kind: string; id: string };
  baseVersion: number;
  proposed: { at: string };
  decided: { by: string; at: string; reason: string | null } | null;
}

/**
 * The returned proposal a published record's editor should hear of: the last correction or retraction proposed
 * for it, if its approver returned it and the record still stands at the version it was proposed on. Null once a
 * newer proposal is made (it is the last then) or the record changed since (its version moved on).
 */
export function returnedProposal<P extends ProposalStep>(
  record: { kind: string; id: string; version: number },
  proposals: readonly P[],
): P | null {
  const last = proposals
    .filter((p) => p.target.kind === record.kind && p.target.id === record.id)
    .reduce<P | null>(
      (latest, p) =>
        !latest ||
        p.proposed.at > latest.proposed.at ||
        (p.proposed.at === latest.proposed.at && p.id > latest.id)
          ? p
          : latest,
      null,
    );
  if (!last?.decided || last.status !== "returned" || last.baseVersion !== record.version) return null;
  return last;
}

/** The note on a published record's row: which proposal was returned, by whom, when and why. */
export function returnedProposalNote(
  proposal: ProposalStep,
  r: {
    proposalKinds: Record<ProposalStep["kind"], string>;
    proposalReturnedBy: (kind: string, who: string, when: string, reason: string) => string;
    proposalReturnedNoReason: (kind: string, who: string, when: string) => string;
  },
  lang: Lang,
): string {
  const decided = proposal.decided as NonNullable<ProposalStep["decided"]>;
  const kind = r.proposalKinds[proposal.kind];
  const when = formatMoment(lang, decided.at);
  return decided.reason
    ? r.proposalReturnedBy(kind, decided.by, when, decided.reason)
    : r.proposalReturnedNoReason(kind, decided.by, when);
}
