import { createHash } from "node:crypto";
import { Instant } from "@commitments/core";
import { datasetVersion } from "@commitments/db";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.ts";
import type { KeptAnswer } from "./read-cache-store.ts";

export {
  createReadCache,
  type KeptAnswer,
  type ReadCache,
  type ReadCacheOptions,
} from "./read-cache-store.ts";

/*
 * Public reads keyed by the dataset version. Between two writes the same question has the same answer, and the
 * public asks the same few questions thousands of times (a chart shared on social media, an embed on a news site).
 * So every public read is named by a strong ETag made of its normalised query, the dataset version it describes
 * and its moment (asOf, or today's date); it answers 304 to If-None-Match, lets a CDN keep it, and is kept here so
 * a repeated read costs one cheap query (the version) and a lookup. The version is read from the database on
 * every request, never remembered by a process: a write in any process of any replica moves every process's keys.
 *
 * Authority first: an answer that may depend on who asks (any request with credentials, drafts=include) is never
 * served from the shared cache nor put into it, and is marked private, no-store for every cache on the way.
 */

/** An answer that may depend on who asks: no cache on the way keeps it. */
export const privateCacheControl = "private, no-store";

/**
 * A public answer: the current state may change with the next write, so browsers and CDNs keep it a minute and
 * then ask again with If-None-Match, which costs the server one query while nothing was written. A past moment
 * (asOf) changes only if a write still in progress when it was asked (an import of minutes) was recorded before
 * it: an hour, then the same cheap question.
 */
export function publicCacheControl(past: boolean): string {
  return past
    ? "public, max-age=3600, stale-while-revalidate=86400"
    : "public, max-age=60, stale-while-revalidate=600";
}

/** What a kept answer's headers say about its bytes; the rest (request id, rate limits) belongs to each request. */
const describing = ["content-type", "content-disposition", "x-dataset-version", "x-as-of", "x-citation"];

/** Whether If-None-Match names `etag` (or any). */
export function notModified(c: Context<AppEnv>, etag: string): boolean {
  const header = c.req.header("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** The query as its parameters say, in name order; drafts=exclude is the default, so it is left out. */
function normalisedQuery(c: Context<AppEnv>): [string, string[]][] {
  return Object.entries(c.req.queries())
    .filter(([name, values]) => !(name === "drafts" && values.every((v) => v === "exclude")))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The body as it streams to the client, its bytes gathered on the way up to `limit`: `done` gets them when the
 * last byte is passed on, or nothing when the answer is too large, fails or the client goes away.
 */
function gathering(
  body: ReadableStream<Uint8Array>,
  limit: number,
  done: (bytes: Uint8Array | undefined) => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let chunks: Uint8Array[] | undefined = [];
  let size = 0;
  let settled = false;
  const settle = (bytes: Uint8Array | undefined) => {
    if (settled) return;
    settled = true;
    chunks = undefined;
    done(bytes);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: ended, value } = await reader.read();
        if (ended) {
          controller.close();
          settle(chunks && Buffer.concat(chunks, size));
          return;
        }
        if (chunks) {
          size += value.byteLength;
          if (size > limit) chunks = undefined;
          else chunks.push(value);
        }
        controller.enqueue(value);
      } catch (error) {
        settle(undefined);
        controller.error(error);
      }
    },
    cancel(reason) {
      settle(undefined);
      return reader.cancel(reason);
    },
  });
}

/** The 304 for a handler's final answer: its headers, but not those of the bytes, and the validators. */
function notModifiedAnswer(response: Response, validators: Record<string, string>): Response {
  const headers = new Headers(response.headers);
  for (const name of [...describing, "content-length"]) headers.delete(name);
  for (const [name, value] of Object.entries(validators)) headers.set(name, value);
  return new Response(null, { status: 304, headers });
}

/** A computation that ended without an answer to keep: those waiting for it compute their own. */
class NotKept extends Error {}

/** The middleware of public reads: put it on every GET whose answer is the same for all who ask. */
export function cachedReads(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET") return next();
    if (c.get("principal") !== null || c.req.queries("drafts")?.some((v) => v !== "exclude")) {
      await next();
      c.res.headers.set("Cache-Control", privateCacheControl);
      return;
    }
    const rawAsOf = c.req.query("asOf");
    // A moment outside the date domain (year 0, 9999) is refused by the route's validation: nothing to keep, and
    // nothing to ask the database about.
    if (rawAsOf !== undefined && !Instant.safeParse(rawAsOf).success) return next();
    const at = rawAsOf === undefined ? undefined : new Date(rawAsOf);
    const db = c.get("db");
    const { version } = await datasetVersion(db, at);
    const now = new Date();
    const key = JSON.stringify([
      c.req.path,
      normalisedQuery(c),
      version,
      // Today's date for the current state: an answer never outlives the day it was made on.
      at ? at.toISOString() : now.toISOString().slice(0, 10),
      c.get("publicOrigin"),
    ]);
    const etag = `"v${version}-${createHash("sha256").update(key).digest("base64url").slice(0, 22)}"`;
    const validators = {
      ETag: etag,
      "Cache-Control": publicCacheControl(at !== undefined && at.getTime() <= now.getTime()),
      // A shared cache must not give this answer to a request with credentials, which may be asking for more.
      Vary: "Authorization, Cookie",
    };
    const conditional = notModified(c, etag);
    const serve = (kept: KeptAnswer) =>
      conditional
        ? c.body(null, 304, validators)
        : c.body(kept.body as Uint8Array<ArrayBuffer>, 200, { ...kept.headers, ...validators });

    const readCache = c.get("readCache");
    if (!readCache) {
      // No answers kept (the benchmark's uncached figures): named and validated all the same.
      await next();
      if (c.res.status !== 200) return;
      if (conditional) {
        const answer = c.res;
        // Cleared first: Hono would copy the old answer's headers onto the new one.
        c.res = undefined;
        c.res = notModifiedAnswer(answer, validators);
      } else for (const [name, value] of Object.entries(validators)) c.res.headers.set(name, value);
      return;
    }
    const { answers, maxAnswerBytes } = readCache;
    const kept = answers.peek(key);
    if (kept) return serve(kept);

    // This request computes the answer, kept once its last byte is sent. Others asking meanwhile compute their own:
    // waiting for it would tie them to how fast this one client reads (a stalled reader would stall them all).
    let settle: (answer: KeptAnswer | undefined) => void = () => {};
    const computed = new Promise<KeptAnswer | undefined>((resolve) => {
      settle = resolve;
    });
    answers
      .get(key, async () => {
        const answer = await computed;
        if (!answer) throw new NotKept();
        return { value: answer, bytes: answer.body.byteLength };
      })
      .catch(() => {});
    try {
      await next();
    } catch (error) {
      settle(undefined);
      throw error;
    }
    const response = c.res;
    if (response.status !== 200 || !response.body) {
      settle(undefined);
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of describing) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    // Kept only if no write came between the version read above and the handler's reads: an answer is never
    // kept under an older version than the one it shows.
    const keep = (bytes: Uint8Array | undefined) => {
      if (!bytes) return settle(undefined);
      datasetVersion(db, at).then(
        (after) => settle(after.version === version ? { body: bytes, headers } : undefined),
        () => settle(undefined),
      );
    };
    if (conditional) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      keep(bytes.byteLength <= maxAnswerBytes ? bytes : undefined);
      c.res = undefined;
      c.res = notModifiedAnswer(response, validators);
      return;
    }
    c.res = new Response(gathering(response.body, maxAnswerBytes, keep), response);
    for (const [name, value] of Object.entries(validators)) c.res.headers.set(name, value);
  };
}
