import type { Source, SourceDataset } from "@commitments/core";
import { type FormatInfo, formatInfo } from "./format-list.ts";
import { type IatiOptions, iatiImporterVersion, parseIatiActivities } from "./iati.ts";
import {
  type KielDataExplorerOptions,
  kielDataExplorerImporterVersion,
  kielPublisher,
  kielWeaponsImporterVersion,
  parseKielDataExplorer,
} from "./kiel.ts";
import { type KielWeaponsOptions, parseKielWeapons } from "./kiel-weapons.ts";
import { parseSipriTradeRegister, type SipriOptions, sipriImporterVersion } from "./sipri.ts";
import { parseTemplateCsv, type TemplateCsvOptions, templateImporterVersion } from "./template.ts";
import { parseTemplateXlsx, type TemplateXlsxOptions, templateXlsxImporterVersion } from "./template-xlsx.ts";
import type { ByteSource, ImportItem } from "./types.ts";

/**
 * A publisher's release, as the import pipeline takes it: the change set's reason, and whether the file is the
 * publisher's whole dataset of its kind (so what it no longer carries is retracted).
 */
export interface FormatRelease {
  /** The release's name, or how to name it from the source the file's first record cites. */
  label?: string | ((source: Source) => string);
  whole?: { format: string; recipient?: string };
}

/**
 * A file format the tracker imports: how to recognise it (its description in format-list.ts, which a browser may
 * import), which importer version reads it, and the parser.
 */
export interface ImportFormat<O, I extends string = string> extends FormatInfo<I> {
  /** Recorded with every import, so a change in how a format is read can be traced to the records it produced. */
  importerVersion: string;
  parse: (input: ByteSource, options: O) => AsyncGenerator<ImportItem>;
  /** Whose figures the format's files hold: the tracker's own (its template) or a publisher's dataset. */
  sourceDataset: SourceDataset;
  /**
   * For a publisher's files: the release a file is, so a newer one corrects the ledger's figures of the older
   * (see the pipeline's Release). Absent for the tracker's template, whose records change through their workflow.
   */
  release?: (options: O) => FormatRelease;
}

export const templateCsvFormat: ImportFormat<TemplateCsvOptions, "template-csv"> = {
  ...formatInfo("template-csv"),
  importerVersion: templateImporterVersion,
  parse: parseTemplateCsv,
  sourceDataset: "tracker",
};

export const templateXlsxFormat: ImportFormat<TemplateXlsxOptions, "template-xlsx"> = {
  ...formatInfo("template-xlsx"),
  importerVersion: templateXlsxImporterVersion,
  parse: parseTemplateXlsx,
  sourceDataset: "tracker",
};

export const sipriFormat: ImportFormat<SipriOptions, "sipri-trade-register"> = {
  ...formatInfo("sipri-trade-register"),
  importerVersion: sipriImporterVersion,
  parse: parseSipriTradeRegister,
  sourceDataset: "sipri",
  // SIPRI's export is its register as of the day it was generated: for one recipient, the whole of it. The
  // reason is read from the file ("Data generated: …"), as its records' sources cite it.
  release: (options) => {
    const recipient = options.recipient === undefined ? "UA" : options.recipient;
    return {
      label: (source) =>
        source.published ? `${source.title}, data generated ${source.published}` : source.title,
      whole: { format: "sipri-trade-register", ...(recipient === null ? {} : { recipient }) },
    };
  },
};

export const kielDataExplorerFormat: ImportFormat<KielDataExplorerOptions, "kiel-data-explorer"> = {
  ...formatInfo("kiel-data-explorer"),
  importerVersion: kielDataExplorerImporterVersion,
  parse: parseKielDataExplorer,
  sourceDataset: "kiel",
  release: (options) => ({
    label: `${kielPublisher}, ${options.release.label}`,
    whole: { format: "kiel-data-explorer" },
  }),
};

export const kielWeaponsFormat: ImportFormat<KielWeaponsOptions, "kiel-weapons"> = {
  ...formatInfo("kiel-weapons"),
  importerVersion: kielWeaponsImporterVersion,
  parse: parseKielWeapons,
  sourceDataset: "kiel",
  release: (options) => ({
    label: `${kielPublisher}, ${options.release.label}`,
    whole: { format: "kiel-weapons" },
  }),
};

export const iatiFormat: ImportFormat<IatiOptions, "iati-activity"> = {
  ...formatInfo("iati-activity"),
  importerVersion: iatiImporterVersion,
  parse: parseIatiActivities,
  sourceDataset: "iati",
  // A publisher's file holds some of its activities: each activity it holds is brought to the file's figures.
  release: () => ({}),
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
