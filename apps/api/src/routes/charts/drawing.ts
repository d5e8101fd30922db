import { LruCache, type LruCacheOptions } from "../../lib/lru-cache.ts";
import type { DrawnChart } from "./charts.handlers.ts";
import { RenderPool, type RenderPoolOptions } from "./render-pool.ts";

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
