import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";

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

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
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

/** A cookie-borne write must carry the session's CSRF token and, if the browser sends one, a same-site Origin. */
export function checkCsrf(c: Context<AppEnv>, sessionToken: string) {
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
