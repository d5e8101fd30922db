import { createHash } from "node:crypto";
import { chartFileName, labels } from "@commitments/charts";
import { isId, label, type Stage, words } from "@commitments/core";
import { datasetVersion } from "@commitments/db";
import type { Context } from "hono";
import type { AppEnv } from "../../lib/context.ts";
import type { DrawnChart } from "../../lib/drawing/drawing.ts";
import { embedPage, embedThemeOf } from "../../lib/drawing/embed-page.ts";
import { drawnOnPool, pngGround } from "../../lib/drawing/refusals.ts";
import { ChartsBusy } from "../../lib/drawing/render-pool.ts";
import { validationError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import { notModified, publicCacheControl } from "../../lib/read-cache.ts";
import { seriesQueryOf } from "../../lib/series-query.ts";
import { type ChartParams, chartToDraw, sourcesUrl } from "./chart-input.ts";
import { ChartQuery, type seriesPng, type seriesSvg } from "./charts.routes.ts";

/** A chart for one request: the drawing, and the moment it answers for. */
interface Answer {
  chart: DrawnChart;
  asOf: string;
  /** The query answered past, asOf included when asked: a chart of a past moment never changes. */
  past: boolean;
}

/**
 * The chart of a series query in one format, drawn on the render pool, never on the event loop, and kept by the
 * chart cache. The key holds all the chart is drawn from: the dataset version, the moment (asOf, or today's date,
 * which the footer prints), the origin its source line names and every parameter. A busy pool is a 503 with
 * Retry-After, refused before the series is read.
 */
async function draw(c: Context<AppEnv>, params: ChartParams, format: "svg" | "png"): Promise<Answer> {
  const {
    chart: _kind,
    lang: _lang,
    width: _width,
    height: _height,
    title: _title,
    theme: _theme,
    ...seriesParams
  } = params;
  const query = seriesQueryOf(seriesParams);
  const at = query.asOf;
  const now = new Date();
  const moment = at ?? now;
  const { pool, cache } = c.get("charts");
  const { version } = await datasetVersion(c.get("db"), at);
  const { asOf: _asOf, ...rest } = params;
  const parameters = Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = JSON.stringify([
    format,
    version,
    at ? at.toISOString() : now.toISOString().slice(0, 10),
    c.get("publicOrigin"),
    parameters,
  ]);
  const chart = await drawnOnPool(c, () =>
    cache.get(key, async () => {
      if (pool.full()) throw new ChartsBusy();
      const toDraw = await chartToDraw(c, params, query, moment);
      const { body, digest } = await pool.render({ chart: "series", input: toDraw.input, format });
      const { datasetVersion: drawnVersion, title, filters } = toDraw;
      const value = {
        body,
        digest,
        datasetVersion: drawnVersion,
        kind: params.chart,
        lang: params.lang,
        title,
        filters,
      };
      return { value, bytes: typeof body === "string" ? body.length * 2 : body.byteLength };
    }),
  );
  return { chart, asOf: moment.toISOString(), past: at !== undefined && at.getTime() <= now.getTime() };
}

/** Strong validators: the dataset version, readable, and a digest of what is sent, which the query decides. */
function etagOf(version: number, digest: string): string {
  return `"v${version}-${digest}"`;
}

function chartHeaders({ chart, asOf, past }: Answer, etag: string): Record<string, string> {
  return {
    ETag: etag,
    "Cache-Control": publicCacheControl(past),
    "X-Dataset-Version": String(chart.datasetVersion),
    "X-As-Of": asOf,
  };
}

function disposition(chart: DrawnChart, format: "svg" | "png"): string {
  const name = chartFileName({
    kind: chart.kind,
    filters: chart.filters,
    datasetVersion: chart.datasetVersion,
    format,
  });
  return `inline; filename="${name}"`;
}

export const svgHandler: AppRouteHandler<typeof seriesSvg> = async (c) => {
  const answer = await draw(c, c.req.valid("query"), "svg");
  const { chart } = answer;
  const etag = etagOf(chart.datasetVersion, chart.digest);
  const headers = chartHeaders(answer, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(chart.body as string, 200, {
    ...headers,
    "Content-Type": "image/svg+xml; charset=utf-8",
    "Content-Disposition": disposition(chart, "svg"),
  });
};

export const pngHandler: AppRouteHandler<typeof seriesPng> = async (c) => {
  // The PNG is a function of the SVG (same fonts, same size): the SVG's digest names it.
  const query = c.req.valid("query");
  pngGround(query.theme);
  const answer = await draw(c, query, "png");
  const { chart } = answer;
  const etag = etagOf(chart.datasetVersion, chart.digest);
  const headers = chartHeaders(answer, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(chart.body as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    "Content-Type": "image/png",
    "Content-Disposition": disposition(chart, "png"),
  });
};

// ---------------------------------------------------------------------------------------------------------------
// The embed: a page other sites may frame

/**
 * A minimal page with no script: the chart inline, a caption with the source, date and dataset version, and a
 * link to the same chart in the tracker.
 */
export async function embedHandler(c: Context<AppEnv>) {
  const { theme: askedTheme, ...chartParams } = c.req.query();
  const theme = embedThemeOf(askedTheme);
  // The chart is drawn in the page's theme: with `auto`, both drawings, the reader's setting choosing.
  const parsed = ChartQuery.safeParse({ ...chartParams, theme });
  if (!parsed.success) throw validationError(parsed.error, "query");
  const answer = await draw(c, parsed.data, "svg");
  const { chart } = answer;
  const l = labels[chart.lang];
  // The tracker's page takes the same query; the request's own string is passed on as it came.
  const search = new URL(c.req.url).search.slice(1);
  const trackerUrl = `/?view=chart${search ? `&${search}` : ""}`;
  // The chart's own description (its <desc>), shown as text too, and the notes: what each stage drawn counts.
  const description = /<desc[^>]*>([^<]*)<\/desc>/.exec(chart.body as string)?.[1] ?? "";
  const stages = [...new Set([chart.filters.promisedStage, chart.filters.deliveredStage])].filter(
    (s): s is Stage => s !== undefined && isId("stage", s),
  );
  const notes = `${l.notes} ${stages.map((s) => `${label("stage", s, chart.lang)} — ${words("stage", s, chart.lang).description}`).join(" ")}`;
  // The figures behind it: the series export of the same query, without what only concerns the drawing.
  const dataQuery = new URLSearchParams(search);
  for (const name of ["chart", "lang", "width", "height", "title", "theme"]) dataQuery.delete(name);
  const dataUrl = `/v1/exports/series.csv${dataQuery.size ? `?${dataQuery}` : ""}`;
  const caption = [
    `${l.source} ${l.trackerSource(sourcesUrl(c, parsed.data))}`,
    `${l.asOf} ${answer.asOf.slice(0, 10)}`,
    `${l.datasetVersion} ${chart.datasetVersion}`,
  ].join(" · ");
  const html = embedPage({
    lang: chart.lang,
    title: chart.title,
    svg: chart.body as string,
    description,
    notes,
    caption,
    links: [
      { text: l.getTheData, href: dataUrl },
      { text: l.openInTracker, href: trackerUrl },
    ],
    theme,
  });
  const digest = createHash("sha256").update(`html\n${html}`).digest("base64url").slice(0, 22);
  const etag = etagOf(chart.datasetVersion, digest);
  const headers = chartHeaders(answer, etag);
  if (notModified(c, etag)) return c.body(null, 304, headers);
  return c.body(html, 200, { ...headers, "Content-Type": "text/html; charset=utf-8" });
}
