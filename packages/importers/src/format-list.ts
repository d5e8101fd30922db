/**
 * What an upload form needs to know of each format the tracker imports, and nothing that reads a file: no
 * parsers, so a browser may import it (`@commitments/importers/format-list`) without exceljs or Node's streams.
 * `formats` (formats.ts) adds each one's importer version and parser.
 */

/** An option a format takes, named as POST /v1/imports's query names it. */
export type FormatOption = "release" | "releasePeriod" | "releaseDate" | "donor" | "recipient";

export interface FormatInfo<I extends string = string> {
  id: I;
  label: string;
  mediaTypes: readonly string[];
  extensions: readonly string[];
  /** Whether its options must be given (Kiel needs its release); otherwise they may be left out. */
  requiresOptions: boolean;
  /** The options it takes, if any. */
  options: readonly FormatOption[];
}

const csv = ["text/csv", "application/csv"] as const;
const xlsx = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] as const;
const xml = ["application/xml", "text/xml"] as const;
const kielRelease = ["release", "releasePeriod", "releaseDate"] as const;

/** Every format, in the order an upload form lists them. */
export const formatList = [
  {
    id: "template-csv",
    label: "Commitments tracker template (CSV)",
    mediaTypes: csv,
    extensions: [".csv"],
    requiresOptions: false,
    options: [],
  },
  {
    id: "template-xlsx",
    label: "Commitments tracker template (XLSX)",
    mediaTypes: xlsx,
    extensions: [".xlsx"],
    requiresOptions: false,
    options: [],
  },
  {
    id: "sipri-trade-register",
    label: "SIPRI Arms Transfers Database, trade register (CSV)",
    mediaTypes: csv,
    extensions: [".csv"],
    requiresOptions: false,
    options: ["recipient"],
  },
  {
    id: "kiel-data-explorer",
    label: "Kiel Institute Ukraine Support Tracker, data explorer (CSV)",
    mediaTypes: csv,
    extensions: [".csv"],
    requiresOptions: true,
    options: kielRelease,
  },
  {
    id: "kiel-weapons",
    label: "Kiel Institute Ukraine Support Tracker, heavy weapons (CSV)",
    mediaTypes: csv,
    extensions: [".csv"],
    requiresOptions: true,
    options: kielRelease,
  },
  {
    id: "iati-activity",
    label: "IATI activity file (XML, standard 1.0x and 2.0x)",
    mediaTypes: xml,
    extensions: [".xml"],
    requiresOptions: false,
    options: ["donor", "recipient"],
  },
] as const satisfies readonly FormatInfo[];

export type FormatListId = (typeof formatList)[number]["id"];

/** One format's description, by id. */
export function formatInfo<I extends FormatListId>(id: I): Extract<(typeof formatList)[number], { id: I }> {
  return formatList.find((format) => format.id === id) as Extract<(typeof formatList)[number], { id: I }>;
}
