import { type ChartSource, publisherCredits } from "@commitments/charts";
import { type Db, datasetVersion } from "@commitments/db";
import type { XlsxTextSheet } from "@commitments/importers";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../lib/context.ts";
import { type ExportFormat, type ExportMeta, mediaTypes } from "./exports.routes.ts";

/*
 * What every export says about itself: the moment it describes, the dataset version, how to cite it and how to
 * reproduce it, in its headers, its JSON meta and its workbook's About sheet.
 */

export const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  xlsx: mediaTypes.xlsx,
  json: "application/json; charset=utf-8",
};

export const dictionaryPath = "/v1/exports/dictionary";

/** Headers the exports add, which a script on another site may read. */
export const exportHeaderNames = [
  "Content-Disposition",
  "X-Dataset-Version",
  "X-As-Of",
  "X-Citation",
  "Link",
];

export interface Moment {
  at: Date;
  asOf: string;
  version: number;
}

/**
 * The one moment every page of an export is read at, so the pages agree with each other and with the dataset
 * version cited. Without `asOf`, now, and never before the last change set (in case the clocks of the
 * database and this process disagree): the export then includes everything recorded so far.
 */
export async function exportMoment(db: Db, asOf: string | undefined): Promise<Moment> {
  let at: Date;
  if (asOf !== undefined) at = new Date(asOf);
  else {
    const latest = await datasetVersion(db);
    const now = new Date();
    at = latest.recordedAt && latest.recordedAt > now ? latest.recordedAt : now;
  }
  return { at, asOf: at.toISOString(), version: (await datasetVersion(db, at)).version };
}

export interface Citing {
  what: "records" | "series";
  format: ExportFormat;
  moment: Moment;
  /** The query answered, asOf and bom aside. */
  filters: Record<string, string>;
  url: string;
  citation: string;
  dictionary: string;
}

export function citing(
  c: Context<AppEnv>,
  what: Citing["what"],
  format: ExportFormat,
  moment: Moment,
  query: Record<string, unknown>,
  sources: readonly ChartSource[] = [],
): Citing {
  // The configured origin, never the request's Host: the citation and its link are cached and passed on.
  const origin = c.get("publicOrigin");
  const filters: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || name === "asOf" || name === "bom") continue;
    filters[name] = String(value);
  }
  const url = exportUrl(origin, what, format, { ...filters, asOf: moment.asOf });
  return {
    what,
    format,
    moment,
    filters,
    url,
    // The publishers of the figures first, as their terms ask; then the tracker's export that reproduces them.
    citation: [
      ...publisherCredits(sources),
      `Commitments tracker, ${what} export, dataset version ${moment.version}, as of ${moment.asOf}: ${url}`,
    ].join("; "),
    dictionary: `${origin}${dictionaryPath}`,
  };
}

export function exportUrl(
  origin: string,
  what: string,
  format: ExportFormat,
  query: Record<string, string>,
): string {
  return `${origin}/v1/exports/${what}.${format}?${new URLSearchParams(query).toString()}`;
}

export const flagsText =
  "synthetic: synthetic demo data, not a fact. estimated: the figure is an estimate (confidence estimated). disputed: an open dispute stands against the record at as_of; the disputing organisation's own figure and sources are in the JSON export and the API.";

export const licenceText =
  "The tracker's software is free software (AGPL-3.0-or-later). No separate licence is stated for the data: every figure is as its cited sources give it, and their terms of use apply.";

export function sourcesText(cite: Citing): string {
  if (cite.what === "records") {
    return "Every commitment and event names its sources: the source_* columns, with one more row (record = source) per further source; in JSON, its sources array. Tranches are cited through their commitment.";
  }
  const { donor, category, tier, agreement } = cite.filters;
  const same = Object.fromEntries(
    Object.entries({ donor, category, tier, agreement }).filter(([, v]) => v !== undefined),
  ) as Record<string, string>;
  const origin = cite.url.slice(0, cite.url.indexOf("/v1/"));
  return `Each figure sums stage events; every event's sources are in the records export of the same commitments at the same moment: ${exportUrl(origin, "records", "csv", { ...same, asOf: cite.moment.asOf })}`;
}

export function metaOf(cite: Citing): z.infer<typeof ExportMeta> {
  return {
    datasetVersion: cite.moment.version,
    asOf: cite.moment.asOf,
    citation: cite.citation,
    url: cite.url,
    dictionary: cite.dictionary,
    filters: cite.filters,
    sources: sourcesText(cite),
    flags: flagsText,
    licence: licenceText,
  };
}

/** The "About" sheet of an XLSX export: what it is and how to cite it. */
export function aboutSheet(cite: Citing, more: string[][] = []): XlsxTextSheet {
  const filters = Object.entries(cite.filters).map(([k, v]) => `${k}=${v}`);
  return {
    name: "About",
    rows: [
      [`Commitments tracker: ${cite.what} export`],
      ["Citation", cite.citation],
      ["Dataset version", String(cite.moment.version)],
      ["As of", cite.moment.asOf],
      ["Reproduce", cite.url],
      ["Query", filters.length ? filters.join("; ") : "none: every published record"],
      [
        "Contents",
        cite.what === "records"
          ? "The first sheet holds the published commitments with their tranches and stage events in the tracker's import template: it imports back to the same records. Its last columns (version, estimated, disputed, dataset_version, as_of) are written by exports only and ignored on import."
          : "The first sheet holds one row per group and period: promised and delivered per period and cumulative, with the flags of the figures.",
      ],
      ...more,
      ["Sources", sourcesText(cite)],
      ["Flags", flagsText],
      ["Licence", licenceText],
      ["Data dictionary", cite.dictionary],
    ],
  };
}

export function exportHeaders(cite: Citing): Record<string, string> {
  return {
    "Content-Type": contentTypes[cite.format],
    "Content-Disposition": `attachment; filename="commitments-tracker-${cite.what}-v${cite.moment.version}.${cite.format}"`,
    "X-Dataset-Version": String(cite.moment.version),
    "X-As-Of": cite.moment.asOf,
    "X-Citation": cite.citation,
    Link: `<${cite.dictionary}>; rel="describedby"`,
  };
}
