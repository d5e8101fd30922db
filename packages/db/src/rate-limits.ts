import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { rowsOf } from "./entities.ts";

export interface RateLimit {
  /** How many requests a bucket may make in one window. */
  limit: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the window turns over, for Retry-After. */
  retryAfterSeconds: number;
}

/** Windows this old have ended for every limit in use (the longest is 15 minutes). */
const staleAfterMs = 24 * 60 * 60 * 1000;

/**
 * Counts one request against a bucket ("sign-in:address:…", "token:…", "address:…") in fixed windows, in the
 * database so that every API process sees the same count: one upsert a request. A window's first request sweeps
 * the bucket's older windows, and every bucket's windows over a day old, so buckets of addresses that never come
 * back do not stay for ever (window_start is indexed).
 */
export async function countRequest(
  db: Db,
  bucket: string,
  { limit, windowSeconds }: RateLimit,
  now = Date.now(),
): Promise<RateDecision> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const [row] = rowsOf<{ count: number }>(
    await db.execute(sql`insert into rate_limits (bucket, window_start, count)
      values (${bucket}, ${windowStart.toISOString()}, 1)
      on conflict (bucket, window_start) do update set count = rate_limits.count + 1
      returning count`),
  );
  const count = row?.count ?? 1;
  if (count === 1) {
    await db.execute(
      sql`delete from rate_limits
        where (bucket = ${bucket} and window_start < ${windowStart.toISOString()})
          or window_start < ${new Date(now - staleAfterMs).toISOString()}`,
    );
  }
  return {
    allowed: count <= limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000)),
  };
}

/**
 * Takes back one request counted by `countRequest` at the same moment `now`: a sign-in that succeeded is no
 * failure, so it does not count against its address.
 */
export async function uncountRequest(
  db: Db,
  bucket: string,
  { windowSeconds }: RateLimit,
  now = Date.now(),
): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  await db.execute(sql`update rate_limits set count = count - 1
    where bucket = ${bucket} and window_start = ${windowStart.toISOString()} and count > 0`);
}
