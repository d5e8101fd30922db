import type { Role } from "@commitments/core";
import { authenticateToken, recordAuthEvent, sessionUser, tokenPrefix } from "@commitments/db";
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "../context.ts";
import { ApiError } from "../errors.ts";
import { checkCsrf, clearSessionCookie, readSessionCookie } from "./cookies.ts";
import { enforceLimit } from "./limits.ts";

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
