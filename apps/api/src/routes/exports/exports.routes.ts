import { templateRowKinds } from "@commitments/importers";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json } from "../../lib/openapi.ts";
import { AsOfQuery } from "../../lib/representation.ts";
import { CommitmentFilters, CommitmentView, EventView, TrancheView } from "../../schemas/records.ts";
import { SeriesData, SeriesGroup, SeriesPoint, SeriesQuery } from "../../schemas/series.ts";

/*
 * Exports of the published ledger: the records in the tracker's own import template (CSV, XLSX) or as JSON, and
 * the series. Every export says the dataset version and the moment it was read at, how to cite it, and the
 * synthetic / estimated / disputed flags of its figures. Records and series columns: GET /v1/exports/dictionary.
 */

const tag = "Exports";

export const mediaTypes = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
} as const;
export type ExportFormat = keyof typeof mediaTypes;

const Bom = {
  bom: z.enum(["true", "false"]).default("false").openapi({
    description:
      "true: start with a UTF-8 byte order mark, which some spreadsheets need to open the file as UTF-8.",
  }),
};

export const RecordsExportQuery = z.object({ ...CommitmentFilters, ...AsOfQuery }).strict();
const RecordsCsvQuery = z.object({ ...CommitmentFilters, ...AsOfQuery, ...Bom }).strict();
const SeriesCsvQuery = z.object({ ...SeriesQuery.shape, ...Bom }).strict();

/** What the CSV and XLSX exports say in their response headers (the JSON export in `meta` too). */
const ExportHeaders = z.object({
  "Content-Disposition": z.string().openapi({
    description: "attachment, with a file name that holds the dataset version.",
    example: 'attachment; filename="commitments-tracker-records-v42.csv"',
  }),
  "X-Dataset-Version": z.string().openapi({
    description: "The dataset version the export was read from; also the dataset_version column.",
    example: "42",
  }),
  "X-As-Of": z.string().openapi({
    description: "The moment the export describes; also the as_of column.",
    example: "2026-01-01T00:00:00.000Z",
  }),
  "X-Citation": z.string().openapi({
    description: "How to cite the export, with the address that reproduces it.",
    example:
      "Commitments tracker, records export, dataset version 42, as of 2026-01-01T00:00:00.000Z: https://example.org/v1/exports/records.csv?asOf=2026-01-01T00%3A00%3A00.000Z",
  }),
});

export const ExportMeta = z
  .object({
    datasetVersion: z.number().int().min(0).openapi({
      description: "The last change set included: cite it with asOf to reproduce this export.",
    }),
    asOf: z.iso.datetime().openapi({ description: "The moment the export describes." }),
    citation: z.string().openapi({ description: "How to cite the export." }),
    url: z.string().openapi({ description: "The address that gives this export again, asOf included." }),
    dictionary: z.string().openapi({ description: "Where every column and field is described." }),
    filters: z.record(z.string(), z.string()).openapi({ description: "The query the export answers." }),
    sources: z.string().openapi({ description: "Where the figures' sources are." }),
    flags: z.string().openapi({ description: "What the synthetic, estimated and disputed flags mean." }),
    licence: z.string(),
  })
  .openapi("ExportMeta");

const csvText = (example: string) => z.string().openapi({ example });
const xlsxFile = z.string().openapi({ format: "binary" });

const ExportedEvent = EventView.safeExtend({
  estimated: z.boolean().openapi({ description: "The figure is an estimate (confidence estimated)." }),
}).openapi("ExportedEvent");

export const ExportedCommitment = z
  .object({ commitment: CommitmentView, schedule: z.array(TrancheView), events: z.array(ExportedEvent) })
  .openapi("ExportedCommitment");

const Flagged = {
  synthetic: z.boolean(),
  estimated: z.boolean(),
  disputed: z.boolean(),
};
const FlaggedSeriesData = SeriesData.safeExtend({
  groups: z.array(
    SeriesGroup.safeExtend({
      points: z.array(
        SeriesPoint.safeExtend(Flagged).openapi("ExportedSeriesPoint", {
          description:
            "A period with the flags of the figures its cumulative totals include (this period's and every earlier one's).",
        }),
      ),
    }).openapi("ExportedSeriesGroup"),
  ),
}).openapi("ExportedSeries");

function download(format: ExportFormat, what: string, example: string) {
  const schema = format === "csv" ? csvText(example) : xlsxFile;
  return {
    200: {
      description: what,
      headers: ExportHeaders,
      content: { [mediaTypes[format]]: { schema } },
    },
  };
}

const recordsDescription =
  "Published commitments with their tranches and stage events, in id order, as the tracker showed them at `asOf` (now if absent). Drafts never appear. CSV and XLSX are the tracker's import template, so the file imports back to the same records; after the template's columns come the export-only columns version, estimated, disputed, dataset_version and as_of, which import ignores. The CSV is RFC 4180, UTF-8 (a byte order mark with bom=true), CRLF, and every cell that starts with =, +, -, @, tab, CR or an apostrophe carries a leading apostrophe, so no spreadsheet runs it as a formula (import removes it). The XLSX holds text cells only, and a second sheet, About, with the citation, dataset version, moment, sources and licence notes. Written as it is read, page by page.";

const recordsCsvExample =
  "record,id,commitment,donor,…,version,estimated,disputed,dataset_version,as_of\r\ncommitment,example-commitment-1,,DK,…,1,,false,42,2026-01-01T00:00:00.000Z\r\n";

export const recordsCsv = createRoute({
  method: "get",
  path: "/v1/exports/records.csv",
  tags: [tag],
  summary: "Export records as CSV in the import template",
  description: recordsDescription,
  request: { query: RecordsCsvQuery },
  responses: { ...download("csv", "The records as CSV.", recordsCsvExample), ...errorResponses },
});

export const recordsXlsx = createRoute({
  method: "get",
  path: "/v1/exports/records.xlsx",
  tags: [tag],
  summary: "Export records as XLSX in the import template",
  description: recordsDescription,
  request: { query: RecordsExportQuery },
  responses: { ...download("xlsx", "The records as an XLSX workbook.", ""), ...errorResponses },
});

export const recordsJson = createRoute({
  method: "get",
  path: "/v1/exports/records.json",
  tags: [tag],
  summary: "Export records as JSON, with their versions and remarks",
  description:
    "The records of the CSV and XLSX exports as JSON, one entry per commitment as GET /v1/commitments/{id} gives it (versions, workflow status, disputes, confirmations, annotations), each event with its estimated flag; `meta` says the dataset version, the moment and how to cite it. Written as it is read, page by page.",
  request: { query: RecordsExportQuery },
  responses: {
    200: {
      description: "The records as JSON.",
      headers: ExportHeaders,
      content: {
        [mediaTypes.json]: { schema: z.object({ meta: ExportMeta, data: z.array(ExportedCommitment) }) },
      },
    },
    ...errorResponses,
  },
});

const seriesDescription =
  "GET /v1/series as a table: one row per group and period, promised and delivered per period and cumulative, with the flags of the figures and the dataset version and moment on every row. The query is GET /v1/series's. CSV as the records export (RFC 4180, UTF-8, CRLF, formula-like cells neutralised); XLSX with an About sheet; JSON as GET /v1/series with the flags on each point and `meta`.";

export const seriesCsv = createRoute({
  method: "get",
  path: "/v1/exports/series.csv",
  tags: [tag],
  summary: "Export a series as CSV",
  description: seriesDescription,
  request: { query: SeriesCsvQuery },
  responses: {
    ...download(
      "csv",
      "The series as CSV.",
      "group_by,group,group_label,…,dataset_version,as_of\r\nall,all,All,…,42,2026-01-01T00:00:00.000Z\r\n",
    ),
    ...errorResponses,
  },
});

export const seriesXlsx = createRoute({
  method: "get",
  path: "/v1/exports/series.xlsx",
  tags: [tag],
  summary: "Export a series as XLSX",
  description: seriesDescription,
  request: { query: SeriesQuery },
  responses: { ...download("xlsx", "The series as an XLSX workbook.", ""), ...errorResponses },
});

export const seriesJson = createRoute({
  method: "get",
  path: "/v1/exports/series.json",
  tags: [tag],
  summary: "Export a series as JSON, with the flags of its figures",
  description: seriesDescription,
  request: { query: SeriesQuery },
  responses: {
    200: json(z.object({ meta: ExportMeta, data: FlaggedSeriesData }), "The series with its flags."),
    ...errorResponses,
  },
});

const Words = z.object({ label: z.string(), description: z.string() });

const DictionaryColumn = z
  .object({
    name: z.string(),
    type: z.string().openapi({
      description:
        "text, id, enum, decimal, integer, boolean, date, partial date, timestamp, URL or currency code.",
    }),
    description: z.string(),
    example: z.string(),
    appliesTo: z.array(z.enum(templateRowKinds)).optional().openapi({
      description: "Records: the row kinds (record column) the column may be filled on.",
    }),
    requiredOnImport: z.array(z.enum(templateRowKinds)).optional().openapi({
      description: "Records: the row kinds import requires it on; empty when it is optional.",
    }),
    exportOnly: z.boolean().optional().openapi({
      description: "Records: written by exports only, ignored on import.",
    }),
    values: z
      .array(z.object({ id: z.string(), en: Words, uk: Words }))
      .optional()
      .openapi({
        description:
          "Columns whose values are ids of the tracker's vocabulary: every value, with its label and description in English and Ukrainian.",
      }),
  })
  .openapi("DictionaryColumn");

const DictionaryExport = z
  .object({
    id: z.enum(["records", "series"]),
    title: z.string(),
    description: z.string(),
    formats: z.array(
      z.object({ format: z.enum(["csv", "xlsx", "json"]), path: z.string(), mediaType: z.string() }),
    ),
    columns: z.array(DictionaryColumn),
  })
  .openapi("DictionaryExport");

export const Dictionary = z
  .object({
    exports: z.array(DictionaryExport),
    headers: z.array(z.object({ name: z.string(), description: z.string() })),
    notes: z.array(z.object({ title: z.string(), text: z.string() })),
  })
  .openapi("DataDictionary");

export const dictionary = createRoute({
  method: "get",
  path: "/v1/exports/dictionary",
  tags: [tag],
  summary: "The data dictionary: every column of every export",
  responses: {
    200: json(z.object({ data: Dictionary }), "Every export and its columns."),
    ...errorResponses,
  },
});
