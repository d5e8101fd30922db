import { countRequest, type RateLimit } from "@commitments/db";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import { RateLimited } from "../errors.ts";

export type Limits = AppEnv["Variables"]["limits"];

/**
 * Failed sign-ins slow guessing without locking anyone out: each account's failures from one address double the
 * wait there after the first five (up to 15 minutes), and one address may fail 30 times in 15 minutes across
 * accounts. Successful sign-ins never count, and the account holder's own address is never slowed by someone
 * else's failures. A token's requests a minute are enough for bulk uploads in pages, not for hammering the server. An
 * address's requests without credentials are enough for people browsing (the web page makes a few per view) and
 * for scripts reading politely, not for scraping at full speed.
 */
export const defaultLimits: Limits = {
  signInPerAddress: { limit: 30, windowSeconds: 15 * 60 },
  signInBackoff: { freeFailures: 5, baseDelaySeconds: 1, maxDelaySeconds: 15 * 60 },
  perToken: { limit: 600, windowSeconds: 60 },
  anonymousPerAddress: { limit: 1200, windowSeconds: 60 },
};

/** The address of a request made in-process (tests, app.request): it has no socket, so no client address. */
export const inProcessAddress = "local";

export function clientAddress(c: Context<AppEnv>): string {
  // Behind a trusted proxy, the client is the last address it appended; otherwise the socket's peer.
  const forwarded = c.get("trustProxy")
    ? c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim()
    : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return inProcessAddress;
  }
}

/** Counts a request against a limit; over it, 429 with Retry-After. */
export async function enforceLimit(
  c: Context<AppEnv>,
  bucket: string,
  limit: RateLimit,
  what: string,
  now = Date.now(),
) {
  const decision = await countRequest(c.get("db"), bucket, limit, now);
  if (!decision.allowed) {
    c.header("Retry-After", String(decision.retryAfterSeconds));
    throw new RateLimited(
      `Too many ${what}: try again in ${decision.retryAfterSeconds} seconds`,
      decision.count === limit.limit + 1,
    );
  }
}

/**
 * Requests without credentials, counted per client address (with TRUST_PROXY, the address the proxy appended to
 * X-Forwarded-For) in the database like a token's, so every API process sees the same count. It costs one upsert
 * a request, as the token's limit does. In-process requests come from no client and are not counted.
 */
export const limitAnonymous: MiddlewareHandler<AppEnv> = async (c, next) => {
  const address = c.get("address");
  if (!c.get("principal") && address !== inProcessAddress) {
    await enforceLimit(
      c,
      `address:${address}`,
      c.get("limits").anonymousPerAddress,
      "requests without credentials from this address",
    );
  }
  return next();
};
