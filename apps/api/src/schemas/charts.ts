import { chartThemes } from "@commitments/charts";
import { z } from "@hono/zod-openapi";
import { ErrorBody } from "../lib/errors.ts";
import { json } from "../lib/openapi.ts";

/** The ground a chart image is drawn on (the series chart's and the ladder's). */
export const ChartThemeQuery = z.enum(chartThemes).default("light").openapi({
  description:
    "light (white ground, the default), dark (a dark ground, light text), or auto (SVG only: both drawings in one image, the reader's light or dark setting choosing).",
});

/** Charts are drawn on a small pool of threads with a bounded queue: past it, try again. */
export const chartBusy = {
  503: json(
    ErrorBody,
    "Every drawing thread is busy and the queue is full, or the chart took too long to draw; Retry-After says when to try again.",
  ),
};
