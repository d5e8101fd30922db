import {
  type CommitmentWithSchedule,
  type Db,
  listCommitmentsWithSchedules,
  publicVisibility,
} from "@commitments/db";
import {
  type ImportedRecords,
  type TemplateExportCells,
  writeTemplateCsv,
  writeTemplateXlsx,
} from "@commitments/importers";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../lib/context.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { withRemarks } from "../../lib/remarks.ts";
import { aboutSheet, citing, exportHeaders, exportMoment, type Moment, metaOf } from "./exports.citing.ts";
import type {
  ExportFormat,
  RecordsExportQuery,
  recordsCsv,
  recordsJson,
  recordsXlsx,
} from "./exports.routes.ts";
import { paced, textStream, xlsxStream } from "./exports.streams.ts";

/* The records export: the published commitments with their tranches and events, in the import template. */

/** Commitments read per page: each page is read, written out and let go before the next. */
const pageSize = 100;

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
