import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../../lib/openapi.ts";
import { ChartThemeQuery, chartBusy } from "../../schemas/charts.ts";
import { SeriesQuery } from "../../schemas/series.ts";

/*
 * Charts of GET /v1/series, drawn on the server by the same function the web page draws with
 * (@commitments/charts), so the page, its downloads, these images and the embedded chart are one picture.
 */

const tag = "Charts";

export const chartLimits = { width: { min: 320, max: 2400 }, height: { min: 200, max: 1600 } } as const;

/** The series query, and how to draw it. */
export const ChartQuery = z
  .object({
    ...SeriesQuery.shape,
    chart: z.enum(["cumulative", "bars"]).default("cumulative").openapi({
      description: "cumulative: promised and delivered lines per group; bars: per-period bars, grouped.",
    }),
    lang: z.enum(["en", "uk"]).default("en").openapi({ description: "The language of every word drawn." }),
    width: z.coerce
      .number()
      .int()
      .min(chartLimits.width.min)
      .max(chartLimits.width.max)
      .default(960)
      .openapi({ description: "Pixels." }),
    height: z.coerce
      .number()
      .int()
      .min(chartLimits.height.min)
      .max(chartLimits.height.max)
      .default(540)
      .openapi({ description: "Pixels." }),
    title: z.string().trim().min(1).max(200).optional().openapi({
      description:
        "The chart's title; without it, one built from the filters with the names of parties and categories.",
    }),
    theme: ChartThemeQuery,
  })
  .strict();

const ChartHeaders = z.object({
  ETag: z
    .string()
    .openapi({ description: "Changes with the dataset version and with what the chart shows." }),
  "Cache-Control": z.string().openapi({
    description:
      "A minute for the current state, then a revalidation with If-None-Match (a 304 while nothing was written); an hour for a past moment (asOf).",
  }),
  "Content-Disposition": z.string().openapi({
    example: 'inline; filename="commitments-tracker-chart-cumulative-by-donor-v42.svg"',
  }),
  "X-Dataset-Version": z.string().openapi({ example: "42" }),
  "X-As-Of": z.string().openapi({ example: "2026-01-01T00:00:00.000Z" }),
});

const description =
  "The series of GET /v1/series with the same query, drawn: title, axes, one colour per group (promised dashed and delivered solid, or promised light and delivered full bars), a legend, and a footer with the source, the date and the dataset version. Figures of synthetic demo data are drawn hollow or hatched, under a banner saying so; estimated ones carry a ~ and disputed ones a !. The SVG is accessible (role img, title, a description with the latest cumulative figures, a hover text on every point). GET /embed/series gives the same SVG in a page other sites may frame. Charts are drawn on worker threads and kept by dataset version and query: the same chart is drawn once until the next write.";

export const seriesSvg = createRoute({
  method: "get",
  path: "/v1/charts/series.svg",
  tags: [tag],
  summary: "A series as an SVG chart",
  description,
  request: { query: ChartQuery },
  responses: {
    200: {
      description: "The chart, a standalone SVG document.",
      headers: ChartHeaders,
      content: { "image/svg+xml": { schema: z.string() } },
    },
    304: { description: "The chart has not changed since the ETag sent in If-None-Match." },
    ...chartBusy,
    ...errorResponses,
  },
});

export const seriesPng = createRoute({
  method: "get",
  path: "/v1/charts/series.png",
  tags: [tag],
  summary: "A series as a PNG chart",
  description: `${description} The PNG is the SVG rasterised at the size asked, with the DejaVu Sans fonts shipped with the server, so it looks the same wherever the server runs.`,
  request: { query: ChartQuery },
  responses: {
    200: {
      description: "The chart as a PNG image of width × height pixels.",
      headers: ChartHeaders,
      content: { "image/png": { schema: z.string().openapi({ format: "binary" }) } },
    },
    304: { description: "The chart has not changed since the ETag sent in If-None-Match." },
    ...chartBusy,
    ...errorResponses,
  },
});
