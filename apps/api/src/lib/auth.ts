import { createHash, timingSafeEqual } from "node:crypto";
import type { Action, Actor, Role, Target } from "@commitments/core";
import { authorise } from "@commitments/core";
import {
  authenticateToken,
  countRequest,
  type RateLimit,
  recordAuthEvent,
  sessionUser,
  tokenPrefix,
  type Visibility,
} from "@commitments/db";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv, Principal } from "./context.ts";
import { ApiError, RateLimited } from "./errors.ts";

/*
 * Who is asking. Two ways in: an API token (`Authorization: Bearer ct_…`, for machines) or the session cookie set
 * by sign-in (for people, in the browser). Without either, the request is the public's: it reads published data.
 * What each principal may then do is decided by core's `authorise`, per action and per record, in the handlers.
 */

/** The OpenAPI security schemes of writes. */
export const securitySchemes = {
  apiToken: {
    type: "http",
    scheme: "bearer",
    description:
      "An API token of your organisation (ct_…), created under /v1/tokens. Reads need no credentials.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "__Host-ct_session",
    description:
      "The session cookie set by POST /v1/session (named ct_session over plain HTTP). Writes with it also need the X-CSRF-Token header from the sign-in answer.",
  },
} as const;
export const writeSecurity: Record<string, string[]>[] = [{ apiToken: [] }, { session: [] }];

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

const sessionCookie = { secure: "__Host-ct_session", plain: "ct_session" } as const;

/**
 * The origin the browser sees. Behind a reverse proxy that terminates TLS (TRUST_PROXY=true), the proxy's
 * X-Forwarded-Proto and X-Forwarded-Host say it; otherwise the request URL does. Never trusted by default: a
 * client could otherwise claim any origin.
 */
export function requestOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  if (!c.get("trustProxy")) return url.origin;
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim() ?? url.host;
  return `${proto === "https" || proto === "http" ? proto : url.protocol.slice(0, -1)}://${host}`;
}

function isHttps(c: Context<AppEnv>): boolean {
  return requestOrigin(c).startsWith("https:");
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, and over TLS Secure with the __Host- prefix. */
export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  const secure = isHttps(c);
  // The host prefix makes the name __Host-ct_session: hono adds "__Host-" to the name it is given.
  setCookie(c, sessionCookie.plain, token, {
    httpOnly: true,
    secure,
    sameSite: "Strict",
    path: "/",
    expires: expiresAt,
    ...(secure ? { prefix: "host" as const } : {}),
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  if (isHttps(c)) deleteCookie(c, "ct_session", { path: "/", secure: true, prefix: "host" });
  deleteCookie(c, sessionCookie.plain, { path: "/" });
}

function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookie.secure) ?? getCookie(c, sessionCookie.plain);
}

/**
 * The CSRF token of a session: derived from the session token, which only the browser holding the HttpOnly cookie
 * has, so a third-party page can neither read nor compute it. Nothing to store.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHash("sha256").update(`csrf:${sessionToken}`).digest("base64url");
}

function sameText(a: string, b: string): boolean {
  const x = createHash("sha256").update(a).digest();
  const y = createHash("sha256").update(b).digest();
  return timingSafeEqual(x, y);
}

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

function principalOfToken(found: NonNullable<Awaited<ReturnType<typeof authenticateToken>>>): Principal {
  const { organisation } = found;
  return {
    actor: {
      organisation: { id: organisation.id, kind: organisation.kind, party: organisation.party ?? undefined },
      roles: found.roles,
      tokenScopes: found.scopes,
    },
    label: `${organisation.name} (API token "${found.name}")`,
    organisationId: organisation.id,
    organisationName: organisation.name,
    tokenId: found.tokenId,
  };
}

function principalOfSession(
  found: NonNullable<Awaited<ReturnType<typeof sessionUser>>>,
  sessionToken: string,
): Principal {
  const { organisation, user } = found;
  return {
    actor: {
      userId: user.id,
      organisation: { id: organisation.id, kind: organisation.kind, party: organisation.party ?? undefined },
      roles: user.roles as Role[],
    },
    label: `${organisation.name} (${user.name})`,
    organisationId: organisation.id,
    organisationName: organisation.name,
    userId: user.id,
    sessionToken,
  };
}

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Runs on every API request: finds the principal behind the token or the cookie. A presented token that is not
 * valid is refused outright (a machine should learn at once that its token died); a stale cookie just means the
 * public. Cookie-borne writes must carry the session's CSRF token and, if the browser sends one, a same-site Origin.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const db = c.get("db");
  c.set("principal", null);
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const token = /^Bearer +(\S+) *$/i.exec(header)?.[1];
    if (token === undefined) {
      throw new ApiError("UNAUTHORIZED", "Expected Authorization: Bearer <API token>", [
        { location: "header", path: "authorization", message: "expected Bearer <token>" },
      ]);
    }
    const found = await authenticateToken(db, token);
    if (!found) {
      await recordAuthEvent(db, {
        kind: "token_refused",
        tokenPrefix: tokenPrefix(token),
        address: c.get("address"),
        detail: `${c.req.method} ${c.req.path}`,
      });
      c.header("WWW-Authenticate", 'Bearer realm="commitments-tracker", error="invalid_token"');
      throw new ApiError("UNAUTHORIZED", "This API token is unknown, expired or revoked", [
        { location: "header", path: "authorization", message: "not a valid token" },
      ]);
    }
    await enforceLimit(c, `token:${found.tokenId}`, c.get("limits").perToken, "requests with this token");
    c.set("principal", principalOfToken(found));
    return next();
  }
  // Signing in does not act with the old session, so it needs no CSRF token from it.
  const signingIn = c.req.method === "POST" && c.req.path === "/v1/session";
  const sessionToken = signingIn ? undefined : readSessionCookie(c);
  if (sessionToken !== undefined) {
    const found = await sessionUser(db, sessionToken);
    if (!found) clearSessionCookie(c);
    else {
      if (unsafeMethods.has(c.req.method)) checkCsrf(c, sessionToken);
      c.set("principal", principalOfSession(found, sessionToken));
    }
  }
  return next();
};

function checkCsrf(c: Context<AppEnv>, sessionToken: string) {
  const origin = c.req.header("origin");
  if (origin !== undefined && origin !== requestOrigin(c)) {
    throw new ApiError("FORBIDDEN", "Cross-site requests may not use the session cookie", [
      { location: "header", path: "origin", message: "not this site" },
    ]);
  }
  const given = c.req.header("x-csrf-token");
  if (given === undefined || !sameText(given, csrfTokenOf(sessionToken))) {
    throw new ApiError(
      "FORBIDDEN",
      "Writes with the session cookie need the X-CSRF-Token header from sign-in",
      [{ location: "header", path: "x-csrf-token", message: given === undefined ? "missing" : "wrong" }],
    );
  }
}

/** Write routes run this first: the public may not write. */
export const requireSignIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  principalOf(c);
  await next();
};

/** The principal of a request that must have one; 401 for the public. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get("principal");
  if (!principal) {
    c.header("WWW-Authenticate", 'Bearer realm="commitments-tracker"');
    throw new ApiError("UNAUTHORIZED", "Sign in, or send Authorization: Bearer <API token>, to write", [
      { location: "header", path: "authorization", message: "missing" },
    ]);
  }
  return principal;
}

/** Refuses, with core's reason, what `authorise` does not allow. The refusal is logged by `onError`. */
export function allow(principal: Principal | null, action: Action, target: Target = {}): void {
  const decision = authorise(principal?.actor ?? null, action, target);
  if (!decision.allowed) {
    throw new ApiError(principal ? "FORBIDDEN" : "UNAUTHORIZED", `Not allowed: ${decision.reason}`, [
      { location: "action", path: action, message: decision.reason },
    ]);
  }
}

export function isAdministrator(actor: Actor | null | undefined): boolean {
  return actor?.roles.includes("administrator") ?? false;
}

/** What a read shows: published records, plus on request (`drafts=include`) the drafts the principal may see. */
export function readVisibility(c: Context<AppEnv>, drafts: "include" | "exclude"): Visibility {
  return drafts === "include" ? visibilityOf(c.get("principal")) : { drafts: "none" };
}

/**
 * Whose unpublished records a principal may read besides published ones: its own organisation's (those it wrote;
 * never another ministry's of the same country), or every one as an administrator. Core's `maySee` for one record.
 */
export function visibilityOf(principal: Principal | null): Visibility {
  if (!principal) return { drafts: "none" };
  if (isAdministrator(principal.actor)) return { drafts: "all" };
  return { drafts: "organisation", organisation: principal.organisationId };
}
