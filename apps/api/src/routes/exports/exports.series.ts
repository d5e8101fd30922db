import { type FlagCounts, readSeries, type Series } from "@commitments/db";
import { csvLine, writeXlsxTextSheets } from "@commitments/importers";
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../../lib/context.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { seriesQueryOf } from "../../lib/series-query.ts";
import type { SeriesQuery as SeriesQueryParams } from "../../schemas/series.ts";
import { aboutSheet, citing, exportHeaders, exportMoment, type Moment, metaOf } from "./exports.citing.ts";
import { type Flags, type SeriesRowInput, seriesColumns } from "./exports.columns.ts";
import type { ExportFormat, seriesCsv, seriesJson, seriesXlsx } from "./exports.routes.ts";
import { paced, textStream, xlsxStream } from "./exports.streams.ts";

/* The series export: promised against delivered over time, as GET /v1/series gives it, with each point's flags. */

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
      const count = (flags: { promised: FlagCounts; delivered: FlagCounts } | undefined) => {
        if (!flags) return;
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

function* withHeader(header: string[], rows: Iterable<string[]>): Generator<string[]> {
  yield header;
  yield* rows;
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
    // The template's workbook writer, with the series sheet first and the About sheet after it.
    const about = aboutSheet(cite, conversionNotes(flagged));
    body = xlsxStream(
      (out) =>
        writeXlsxTextSheets(
          [{ name: "series", rows: paced(withHeader(header, seriesRows(flagged, moment)), out) }, about],
          out,
        ),
      logger,
    );
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
