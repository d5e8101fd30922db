import { PassThrough, Readable } from "node:stream";
import { type ChartSource, publisherCredits } from "@commitments/charts";
import {
  type CommitmentWithSchedule,
  type Db,
  datasetVersion,
  type FlagCounts,
  listCommitmentsWithSchedules,
  publicVisibility,
  readSeries,
  type Series,
} from "@commitments/db";
import {
  csvLine,
  type ImportedRecords,
  type TemplateExportCells,
  writeTemplateCsv,
  writeTemplateXlsx,
  type XlsxTextSheet,
  xlsxTextRow,
} from "@commitments/importers";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../lib/context.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { Logger } from "../../lib/logger.ts";
import { withRemarks } from "../../lib/remarks.ts";
import { seriesQueryOf } from "../series/series.handlers.ts";
import type { SeriesQuery as SeriesQueryParams } from "../series/series.routes.ts";
import {
  type Flags,
  recordColumns,
  type SeriesRowInput,
  seriesColumns,
  seriesDictionaryColumns,
} from "./exports.columns.ts";
import type {
  Dictionary,
  dictionary,
  ExportFormat,
  ExportMeta,
  RecordsExportQuery,
  recordsCsv,
  recordsJson,
  recordsXlsx,
  seriesCsv,
  seriesJson,
  seriesXlsx,
} from "./exports.routes.ts";
import { mediaTypes } from "./exports.routes.ts";

/** Commitments read per page: each page is read, written out and let go before the next. */
const pageSize = 100;

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  xlsx: mediaTypes.xlsx,
  json: "application/json; charset=utf-8",
};

const dictionaryPath = "/v1/exports/dictionary";

/** Headers the exports add, which a script on another site may read. */
export const exportHeaderNames = [
  "Content-Disposition",
  "X-Dataset-Version",
  "X-As-Of",
  "X-Citation",
  "Link",
];

// ---------------------------------------------------------------------------------------------------------------
// The moment an export describes, and how to cite it

interface Moment {
  at: Date;
  asOf: string;
  version: number;
}

/**
 * The one moment every page of an export is read at, so the pages agree with each other and with the dataset
 * version cited. Without `asOf`, now, and never before the last change set (in case the clocks of the
 * database and this process disagree): the export then includes everything recorded so far.
 */
async function exportMoment(db: Db, asOf: string | undefined): Promise<Moment> {
  let at: Date;
  if (asOf !== undefined) at = new Date(asOf);
  else {
    const latest = await datasetVersion(db);
    const now = new Date();
    at = latest.recordedAt && latest.recordedAt > now ? latest.recordedAt : now;
  }
  return { at, asOf: at.toISOString(), version: (await datasetVersion(db, at)).version };
}

interface Citing {
  what: "records" | "series";
  format: ExportFormat;
  moment: Moment;
  /** The query answered, asOf and bom aside. */
  filters: Record<string, string>;
  url: string;
  citation: string;
  dictionary: string;
}

function citing(
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

function exportUrl(
  origin: string,
  what: string,
  format: ExportFormat,
  query: Record<string, string>,
): string {
  return `${origin}/v1/exports/${what}.${format}?${new URLSearchParams(query).toString()}`;
}

const flagsText =
  "synthetic: synthetic demo data, not a fact. estimated: the figure is an estimate (confidence estimated). disputed: an open dispute stands against the record at as_of; the disputing organisation's own figure and sources are in the JSON export and the API.";

const licenceText =
  "The tracker's software is free software (AGPL-3.0-or-later). No separate licence is stated for the data: every figure is as its cited sources give it, and their terms of use apply.";

function sourcesText(cite: Citing): string {
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

function metaOf(cite: Citing): z.infer<typeof ExportMeta> {
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
function aboutSheet(cite: Citing, more: string[][] = []): XlsxTextSheet {
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

function exportHeaders(cite: Citing): Record<string, string> {
  return {
    "Content-Type": contentTypes[cite.format],
    "Content-Disposition": `attachment; filename="commitments-tracker-${cite.what}-v${cite.moment.version}.${cite.format}"`,
    "X-Dataset-Version": String(cite.moment.version),
    "X-As-Of": cite.moment.asOf,
    "X-Citation": cite.citation,
    Link: `<${cite.dictionary}>; rel="describedby"`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Streaming

/** Text as a byte stream, read from `chunks` only as the client takes it, in pieces of about 64 KB. */
function textStream(chunks: AsyncIterable<string>, logger: Logger): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = "";
      try {
        while (text.length < 65_536) {
          const next = await iterator.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += next.value;
        }
      } catch (error) {
        // The status is sent already: the client sees a broken download, never a truncated file as whole.
        logger.error({ err: error }, "export failed while streaming");
        controller.error(error);
        return;
      }
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

class ClientGone extends Error {}

function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

/** Hands items on no faster than the client reads what was written of them. */
async function* paced<T>(items: AsyncIterable<T>, out: PassThrough): AsyncGenerator<T> {
  for await (const item of items) {
    if (out.writableNeedDrain) await drained(out);
    if (out.destroyed) throw new ClientGone();
    yield item;
  }
}

/** A workbook as a byte stream, written by `write` as the client reads it. */
function xlsxStream(write: (out: PassThrough) => Promise<void>, logger: Logger): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  write(out).catch((error: unknown) => {
    if (!(error instanceof ClientGone)) logger.error({ err: error }, "export failed while streaming");
    out.destroy(error as Error);
  });
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}

// ---------------------------------------------------------------------------------------------------------------
// Records

/** One page of commitments, as template records, with what the export adds: versions, flags, representations. */
interface RecordBatch extends ImportedRecords {
  /** Ledger versions by `kind:id`. */
  versions: Map<string, number>;
  /** `kind:id` of the records an open dispute stands against. */
  disputed: Set<string>;
  /** The JSON export's entries: each commitment as GET /v1/commitments/{id} gives it, events flagged. */
  entries: () => unknown[];
}

async function recordBatch(db: Db, items: CommitmentWithSchedule[], at: Date): Promise<RecordBatch> {
  const [commitments, tranches, events] = await Promise.all([
    withRemarks(
      db,
      "commitment",
      items.map((i) => i.commitment),
      at,
    ),
    withRemarks(
      db,
      "tranche",
      items.flatMap((i) => i.schedule),
      at,
    ),
    withRemarks(
      db,
      "event",
      items.flatMap((i) => i.events),
      at,
    ),
  ]);
  const versions = new Map<string, number>();
  const disputed = new Set<string>();
  for (const [kind, views] of [
    ["commitment", commitments],
    ["tranche", tranches],
    ["event", events],
  ] as const) {
    for (const view of views) {
      versions.set(`${kind}:${view.id}`, view.version);
      if (view.disputed) disputed.add(`${kind}:${view.id}`);
    }
  }
  return {
    commitments: items.map((i) => i.commitment.record),
    tranches: items.flatMap((i) => i.schedule.map((t) => t.record)),
    events: items.flatMap((i) => i.events.map((e) => e.record)),
    versions,
    disputed,
    entries: () => {
      // withRemarks keeps the order it is given: each commitment's tranches and events follow one another.
      let t = 0;
      let e = 0;
      return items.map((item, i) => {
        const schedule = tranches.slice(t, t + item.schedule.length);
        const flagged = events
          .slice(e, e + item.events.length)
          .map((event) => ({ ...event, estimated: event.confidence === "estimated" }));
        t += item.schedule.length;
        e += item.events.length;
        return { commitment: commitments[i], schedule, events: flagged };
      });
    },
  };
}

/** The published records matching the filters at the moment, a page at a time. */
async function* recordBatches(
  db: Db,
  filters: Omit<z.infer<typeof RecordsExportQuery>, "asOf">,
  at: Date,
): AsyncGenerator<RecordBatch> {
  let cursor: string | undefined;
  do {
    const page = await listCommitmentsWithSchedules(db, filters, {
      asOf: at,
      after: cursor,
      limit: pageSize,
      // Exports are public data: drafts never enter them, whoever asks.
      visibility: publicVisibility,
    });
    if (page.items.length > 0) yield await recordBatch(db, page.items, at);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
}

/** The export-only cells of a records row: its record's version and flags, and the export's citation. */
function recordCells(moment: Moment): TemplateExportCells<RecordBatch> {
  return (row, owner, batch) => {
    const key = `${owner.record}:${owner.id}`;
    const own = row === owner;
    return {
      version: String(batch.versions.get(key) ?? ""),
      ...(own && row.record === "event" ? { estimated: String(row.confidence === "estimated") } : {}),
      ...(own ? { disputed: String(batch.disputed.has(key)) } : {}),
      dataset_version: String(moment.version),
      as_of: moment.asOf,
    };
  };
}

async function recordsExport(c: Context<AppEnv>, format: ExportFormat, query: Record<string, unknown>) {
  const db = c.get("db");
  const logger = c.get("logger");
  const { asOf, bom, ...filters } = query as z.infer<typeof RecordsExportQuery> & { bom?: "true" | "false" };
  const moment = await exportMoment(db, asOf);
  const cite = citing(c, "records", format, moment, query);
  const batches = recordBatches(db, filters, moment.at);
  const exportCells = recordCells(moment);
  let body: ReadableStream<Uint8Array>;
  if (format === "csv") {
    body = textStream(writeTemplateCsv(batches, { bom: bom === "true", exportCells }), logger);
  } else if (format === "xlsx") {
    body = xlsxStream(
      (out) => writeTemplateXlsx(paced(batches, out), out, { exportCells, sheets: [aboutSheet(cite)] }),
      logger,
    );
  } else {
    body = textStream(
      (async function* () {
        yield `{"meta":${JSON.stringify(metaOf(cite))},"data":[`;
        let first = true;
        for await (const batch of batches) {
          for (const entry of batch.entries()) {
            yield `${first ? "" : ","}\n${JSON.stringify(entry)}`;
            first = false;
          }
        }
        yield "\n]}\n";
      })(),
      logger,
    );
  }
  return c.body(body, 200, exportHeaders(cite));
}

export const recordsCsvHandler: AppRouteHandler<typeof recordsCsv> = (c) =>
  recordsExport(c, "csv", c.req.valid("query"));
export const recordsXlsxHandler: AppRouteHandler<typeof recordsXlsx> = (c) =>
  recordsExport(c, "xlsx", c.req.valid("query"));
// The body is the documented JSON, written as a stream rather than through c.json.
export const recordsJsonHandler: AppRouteHandler<typeof recordsJson> = (c) =>
  recordsExport(c, "json", c.req.valid("query")) as never;

// ---------------------------------------------------------------------------------------------------------------
// Series

/**
 * The series with the flags of each point: those of every figure its cumulative totals include, that is of the
 * events of its group up to the end of its period. The series counts flagged events per period and before the
 * first one (from the series cells); a flag holds once any of those counts is above zero.
 */
function flagSeries(series: Series) {
  const { datasetVersion: _version, ...data } = series;
  return {
    ...data,
    groups: series.groups.map(({ flagsBefore, ...group }) => {
      const counted: FlagCounts = { synthetic: 0, estimated: 0, disputed: 0 };
      const count = (flags: { promised: FlagCounts; delivered: FlagCounts }) => {
        for (const c of [flags.promised, flags.delivered]) {
          counted.synthetic += c.synthetic;
          counted.estimated += c.estimated;
          counted.disputed += c.disputed;
        }
      };
      count(flagsBefore);
      return {
        ...group,
        points: group.points.map((point) => {
          count(point.flags);
          const flags: Flags = {
            synthetic: counted.synthetic > 0,
            estimated: counted.estimated > 0,
            disputed: counted.disputed > 0,
          };
          return { ...point, ...flags };
        }),
      };
    }),
  };
}

type FlaggedSeries = ReturnType<typeof flagSeries>;

function* seriesRows(series: FlaggedSeries, moment: Moment): Generator<string[]> {
  for (const group of series.groups) {
    for (const point of group.points) {
      const row: SeriesRowInput = {
        groupBy: series.groupBy,
        key: group.key,
        label: group.label,
        measure: series.measure,
        currency: series.currency ?? group.currency ?? null,
        unit: series.unit ?? group.unit ?? null,
        interval: series.interval,
        period: point.period,
        promisedStage: series.promisedStage,
        deliveredStage: series.deliveredStage,
        sources: group.sources,
        deliveredReported: group.reported.delivered,
        promised: point.promised,
        delivered: point.delivered,
        cumulativePromised: point.cumulativePromised,
        cumulativeDelivered: point.cumulativeDelivered,
        convention: series.conversion?.convention ?? null,
        rateDate: series.conversion?.rateDate ?? null,
        flags: { synthetic: point.synthetic, estimated: point.estimated, disputed: point.disputed },
        datasetVersion: moment.version,
        asOf: moment.asOf,
      };
      yield seriesColumns.map((column) => column.value(row));
    }
  }
}

function conversionNotes(series: FlaggedSeries): string[][] {
  const conversion = series.conversion;
  if (!conversion) return [];
  const left = conversion.unconverted.map(
    (u) => `${u.stage}: ${u.currency} ${u.amount} (${u.events} event${u.events === 1 ? "" : "s"})`,
  );
  return [
    ["Conversion", `${conversion.convention}; rates: ${conversion.rateSource}; ${conversion.rounding}`],
    ["Left out for want of a rate", left.length ? left.join("; ") : "nothing"],
  ];
}

async function seriesExport(c: Context<AppEnv>, format: ExportFormat, query: Record<string, unknown>) {
  const db = c.get("db");
  const logger = c.get("logger");
  const { bom, ...params } = query as z.infer<typeof SeriesQueryParams> & { bom?: "true" | "false" };
  const seriesQuery = seriesQueryOf(params);
  const moment = await exportMoment(db, params.asOf);
  seriesQuery.asOf = moment.at;
  // The flags come with the series, counted over exactly the figures it adds up.
  const flagged = flagSeries(await readSeries(db, seriesQuery));
  const cite = citing(c, "series", format, moment, query, flagged.sources);
  const header = seriesColumns.map((column) => column.name);
  let body: ReadableStream<Uint8Array>;
  if (format === "csv") {
    body = textStream(
      (async function* () {
        yield `${bom === "true" ? "\uFEFF" : ""}${csvLine(header)}`;
        for (const row of seriesRows(flagged, moment)) yield csvLine(row);
      })(),
      logger,
    );
  } else if (format === "xlsx") {
    body = xlsxStream(async (out) => {
      // exceljs takes half a second to load: loaded on the first XLSX export, not at every start.
      const { default: ExcelJS } = await import("exceljs");
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: false,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet("series");
      sheet.addRow(header).commit();
      for (const row of seriesRows(flagged, moment)) {
        if (out.writableNeedDrain) await drained(out);
        if (out.destroyed) throw new ClientGone();
        sheet.addRow(xlsxTextRow(row)).commit();
      }
      sheet.commit();
      const about = aboutSheet(cite, conversionNotes(flagged));
      const other = workbook.addWorksheet(about.name);
      for (const row of about.rows) other.addRow(xlsxTextRow(row)).commit();
      other.commit();
      await workbook.commit();
    }, logger);
  } else {
    return c.json({ meta: metaOf(cite), data: flagged }, 200, exportHeaders(cite));
  }
  return c.body(body, 200, exportHeaders(cite));
}

export const seriesCsvHandler: AppRouteHandler<typeof seriesCsv> = (c) =>
  seriesExport(c, "csv", c.req.valid("query"));
export const seriesXlsxHandler: AppRouteHandler<typeof seriesXlsx> = (c) =>
  seriesExport(c, "xlsx", c.req.valid("query"));
export const seriesJsonHandler: AppRouteHandler<typeof seriesJson> = (c) =>
  seriesExport(c, "json", c.req.valid("query")) as never;

// ---------------------------------------------------------------------------------------------------------------
// The data dictionary

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
