import { LruCache, type LruCacheOptions } from "./lru-cache.ts";

/*
 * The store of public answers an app keeps (see read-cache.ts for what is kept and when): apart, so the app's
 * context can name it without depending on the middleware that fills it.
 */

/** A public answer as the cache keeps it: its bytes and the headers that describe them. */
export interface KeptAnswer {
  body: Uint8Array;
  headers: Record<string, string>;
}

export interface ReadCacheOptions extends LruCacheOptions {
  /** The largest answer kept (16 MiB by default); a larger one (a big export) streams past the cache. */
  maxAnswerBytes?: number | undefined;
}

export interface ReadCache {
  answers: LruCache<KeptAnswer>;
  maxAnswerBytes: number;
}

/** One per app: 128 MiB of answers by default. */
export function createReadCache({ maxBytes, maxEntries, maxAnswerBytes }: ReadCacheOptions = {}): ReadCache {
  return {
    answers: new LruCache({ maxBytes: maxBytes ?? 128 * 1024 * 1024, maxEntries: maxEntries ?? 4096 }),
    maxAnswerBytes: maxAnswerBytes ?? 16 * 1024 * 1024,
  };
}
