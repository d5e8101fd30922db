import type { z } from "zod";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { flagsText, licenceText } from "./exports.citing.ts";
import { recordColumns, seriesDictionaryColumns } from "./exports.columns.ts";
import { type Dictionary, type dictionary, mediaTypes } from "./exports.routes.ts";

/* The data dictionary: every export's formats, columns and headers, and how to read and cite them. */

const formatsOf = (what: "records" | "series") =>
  (["csv", "xlsx", "json"] as const).map((format) => ({
    format,
    path: `/v1/exports/${what}.${format}`,
    mediaType: mediaTypes[format],
  }));

export const dictionaryData: z.infer<typeof Dictionary> = {
  exports: [
    {
      id: "records",
      title: "Records",
      description:
        "The published commitments with their tranches and stage events, one row per record in the tracker's import template, which is also how records are imported: an export imports back to the same records. A record with several sources has one source row per further source, and a commitment one condition row per condition. Filters: donor, recipient, agreement, category, tier; asOf. The JSON export gives the same records as GET /v1/commitments/{id}, with versions, disputes, confirmations and annotations.",
      formats: formatsOf("records"),
      columns: recordColumns,
    },
    {
      id: "series",
      title: "Series",
      description:
        "Promised against delivered over time, as GET /v1/series gives it and with its query: one row per group and period, per period and cumulative.",
      formats: formatsOf("series"),
      columns: seriesDictionaryColumns,
    },
  ],
  headers: [
    { name: "X-Dataset-Version", description: "The dataset version the export was read from." },
    { name: "X-As-Of", description: "The moment the export describes (ISO 8601, UTC)." },
    { name: "X-Citation", description: "How to cite the export, with the address that reproduces it." },
    {
      name: "Content-Disposition",
      description:
        "attachment; the file name holds the dataset version: commitments-tracker-records-v42.csv.",
    },
  ],
  notes: [
    {
      title: "Citing",
      text: "Every row carries dataset_version and as_of, and every export the X-Citation header (JSON: meta.citation; XLSX: the About sheet). The same export with ?asOf= that moment gives the same rows, whatever was recorded since.",
    },
    {
      title: "CSV",
      text: "RFC 4180: comma-separated, CRLF line ends, cells with a quote, comma or line break in double quotes (a quote doubled). UTF-8; with ?bom=true a byte order mark first. One header row of the column names below, in this order.",
    },
    {
      title: "Formulas",
      text: "A cell starting with =, +, -, @, tab or CR is written with an apostrophe in front ('=SUM(A1)), so no spreadsheet runs it as a formula; a cell starting with an apostrophe gets one more. Import removes exactly one leading apostrophe. XLSX exports hold text cells only, never formulas.",
    },
    {
      title: "Flags",
      text: `${flagsText} Synthetic records are demo data generated for trying the tracker out.`,
    },
    {
      title: "Drafts",
      text: "Exports hold published records only: a ministry's drafts never appear in them, whoever asks.",
    },
    { title: "Licence", text: licenceText },
  ],
};

export const dictionaryHandler: AppRouteHandler<typeof dictionary> = (c) =>
  c.json({ data: dictionaryData }, 200);
