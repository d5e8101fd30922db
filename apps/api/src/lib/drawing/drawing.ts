import type { ChartFilters, ChartKind, ChartLang, ChartTheme } from "@commitments/charts";
import { ApiError } from "../errors.ts";
import { LruCache, type LruCacheOptions } from "../lru-cache.ts";
import { ChartsBusy, ChartTimedOut, RenderPool, type RenderPoolOptions } from "./render-pool.ts";

/** A drawn chart as the cache keeps it: the SVG text or PNG bytes, and what its headers and file name say. */
export interface DrawnChart {
  body: string | Uint8Array;
  /** Of the format and the SVG: with the dataset version, the ETag. */
  digest: string;
  datasetVersion: number;
  kind: ChartKind;
  lang: ChartLang;
  title: string;
  filters: ChartFilters;
}

/** How an app draws its charts: the pool of drawing threads and the cache of drawn charts. */
export interface ChartDrawing {
  pool: RenderPool;
  cache: LruCache<DrawnChart>;
}

export type ChartDrawingOptions = RenderPoolOptions & LruCacheOptions;

/** One per app: threads are started on the first chart, not at start-up. */
export function createChartDrawing(options: ChartDrawingOptions = {}): ChartDrawing {
  return { pool: new RenderPool(options), cache: new LruCache(options) };
}

/**
 * Waits for a drawing on the pool: a full pool, or a drawing past its time, is the 503 with Retry-After that
 * tells a client to come back shortly.
 */
export async function drawnOnPool<T>(
  c: { header(name: string, value: string): void },
  draw: () => Promise<T>,
) {
  try {
    return await draw();
  } catch (error) {
    if (!(error instanceof ChartsBusy || error instanceof ChartTimedOut)) throw error;
    c.header("Retry-After", "5");
    throw new ApiError("SERVICE_UNAVAILABLE", error.message);
  }
}

/** A PNG has one ground: `auto` (both drawings, the reader's setting choosing) is for SVG and the embed. */
export function pngGround(theme: ChartTheme): void {
  if (theme === "auto")
    throw new ApiError(
      "VALIDATION_FAILED",
      'Invalid query field "theme": a PNG has one ground, light or dark (auto is for SVG and embeds)',
      [{ location: "query", path: "theme", message: "light or dark for a PNG" }],
    );
}
