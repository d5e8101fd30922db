import { type IatiOptions, iatiImporterVersion, parseIatiActivities } from "./iati.ts";
import {
  type KielDataExplorerOptions,
  type KielWeaponsOptions,
  kielDataExplorerImporterVersion,
  kielWeaponsImporterVersion,
  parseKielDataExplorer,
  parseKielWeapons,
} from "./kiel.ts";
import { parseSipriTradeRegister, type SipriOptions, sipriImporterVersion } from "./sipri.ts";
import { parseTemplateCsv, type TemplateCsvOptions, templateImporterVersion } from "./template.ts";
import { parseTemplateXlsx, type TemplateXlsxOptions, templateXlsxImporterVersion } from "./template-xlsx.ts";
import type { ByteSource, ImportItem } from "./types.ts";

/** A file format the tracker imports: how to recognise it, which importer version reads it, and the parser. */
export interface ImportFormat<O, I extends string = string> {
  id: I;
  label: string;
  mediaTypes: readonly string[];
  extensions: readonly string[];
  /** Recorded with every import, so a change in how a format is read can be traced to the records it produced. */
  importerVersion: string;
  /** Whether `parse` needs options (Kiel needs its release); otherwise they may be left out. */
  requiresOptions: boolean;
  parse: (input: ByteSource, options: O) => AsyncGenerator<ImportItem>;
}

const csv = ["text/csv", "application/csv"] as const;
const xlsx = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] as const;
const xml = ["application/xml", "text/xml"] as const;

export const templateCsvFormat: ImportFormat<TemplateCsvOptions, "template-csv"> = {
  id: "template-csv",
  label: "Commitments tracker template (CSV)",
  mediaTypes: csv,
  extensions: [".csv"],
  importerVersion: templateImporterVersion,
  requiresOptions: false,
  parse: parseTemplateCsv,
};

export const templateXlsxFormat: ImportFormat<TemplateXlsxOptions, "template-xlsx"> = {
  id: "template-xlsx",
  label: "Commitments tracker template (XLSX)",
  mediaTypes: xlsx,
  extensions: [".xlsx"],
  importerVersion: templateXlsxImporterVersion,
  requiresOptions: false,
  parse: parseTemplateXlsx,
};

export const sipriFormat: ImportFormat<SipriOptions, "sipri-trade-register"> = {
  id: "sipri-trade-register",
  label: "SIPRI Arms Transfers Database, trade register (CSV)",
  mediaTypes: csv,
  extensions: [".csv"],
  importerVersion: sipriImporterVersion,
  requiresOptions: false,
  parse: parseSipriTradeRegister,
};

export const kielDataExplorerFormat: ImportFormat<KielDataExplorerOptions, "kiel-data-explorer"> = {
  id: "kiel-data-explorer",
  label: "Kiel Institute Ukraine Support Tracker, data explorer (CSV)",
  mediaTypes: csv,
  extensions: [".csv"],
  importerVersion: kielDataExplorerImporterVersion,
  requiresOptions: true,
  parse: parseKielDataExplorer,
};

export const kielWeaponsFormat: ImportFormat<KielWeaponsOptions, "kiel-weapons"> = {
  id: "kiel-weapons",
  label: "Kiel Institute Ukraine Support Tracker, heavy weapons (CSV)",
  mediaTypes: csv,
  extensions: [".csv"],
  importerVersion: kielWeaponsImporterVersion,
  requiresOptions: true,
  parse: parseKielWeapons,
};

export const iatiFormat: ImportFormat<IatiOptions, "iati-activity"> = {
  id: "iati-activity",
  label: "IATI activity file (XML, standard 1.0x and 2.0x)",
  mediaTypes: xml,
  extensions: [".xml"],
  importerVersion: iatiImporterVersion,
  requiresOptions: false,
  parse: parseIatiActivities,
};

/** Every format, in the order an upload form lists them. */
export const formats = [
  templateCsvFormat,
  templateXlsxFormat,
  sipriFormat,
  kielDataExplorerFormat,
  kielWeaponsFormat,
  iatiFormat,
] as const;

export type FormatId = (typeof formats)[number]["id"];

export type Format = (typeof formats)[number];

/** The format with this id: typed by it when the id is a literal, else any format, or undefined. */
export function formatById<I extends string>(
  id: I,
): (I extends FormatId ? Extract<Format, { id: I }> : Format) | undefined {
  return formats.find((format) => format.id === id) as
    | (I extends FormatId ? Extract<Format, { id: I }> : Format)
    | undefined;
}
