import type { ChartFilters, ChartKind, ChartLang } from "@commitments/charts";
import { LruCache, type LruCacheOptions } from "../lru-cache.ts";
import { RenderPool, type RenderPoolOptions } from "./render-pool.ts";

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
