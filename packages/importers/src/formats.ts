import { type FormatInfo, formatInfo } from "./format-list.ts";
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

/**
 * A file format the tracker imports: how to recognise it (its description in format-list.ts, which a browser may
 * import), which importer version reads it, and the parser.
 */
export interface ImportFormat<O, I extends string = string> extends FormatInfo<I> {
  /** Recorded with every import, so a change in how a format is read can be traced to the records it produced. */
  importerVersion: string;
  parse: (input: ByteSource, options: O) => AsyncGenerator<ImportItem>;
}

export const templateCsvFormat: ImportFormat<TemplateCsvOptions, "template-csv"> = {
  ...formatInfo("template-csv"),
  importerVersion: templateImporterVersion,
  parse: parseTemplateCsv,
};

export const templateXlsxFormat: ImportFormat<TemplateXlsxOptions, "template-xlsx"> = {
  ...formatInfo("template-xlsx"),
  importerVersion: templateXlsxImporterVersion,
  parse: parseTemplateXlsx,
};

export const sipriFormat: ImportFormat<SipriOptions, "sipri-trade-register"> = {
  ...formatInfo("sipri-trade-register"),
  importerVersion: sipriImporterVersion,
  parse: parseSipriTradeRegister,
};

export const kielDataExplorerFormat: ImportFormat<KielDataExplorerOptions, "kiel-data-explorer"> = {
  ...formatInfo("kiel-data-explorer"),
  importerVersion: kielDataExplorerImporterVersion,
  parse: parseKielDataExplorer,
};

export const kielWeaponsFormat: ImportFormat<KielWeaponsOptions, "kiel-weapons"> = {
  ...formatInfo("kiel-weapons"),
  importerVersion: kielWeaponsImporterVersion,
  parse: parseKielWeapons,
};

export const iatiFormat: ImportFormat<IatiOptions, "iati-activity"> = {
  ...formatInfo("iati-activity"),
  importerVersion: iatiImporterVersion,
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
