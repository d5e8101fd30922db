import * as accounts from "@commitments/db";
import type { Context } from "hono";
import { principalOf } from "../../lib/auth/authorise.ts";
import { clearSessionCookie, csrfTokenOf, setSessionCookie } from "../../lib/auth/cookies.ts";
import { enforceLimit } from "../../lib/auth/limits.ts";
import type { AppEnv } from "../../lib/context.ts";
import { ApiError, RateLimited } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { changePassword, currentSession, signIn, signOut, signOutEverywhere } from "./session.routes.ts";

function sessionView(
  user: { id: string; name: string; email: string } | null,
  organisation: accounts.Organisation,
  roles: accounts.User["roles"],
  sessionToken: string | undefined,
  expiresAt: Date | null,
) {
  return {
    user: user && { id: user.id, name: user.name, email: user.email },
    organisation: {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      party: organisation.party,
      demo: organisation.demo,
    },
    roles,
    csrfToken: sessionToken === undefined ? null : csrfTokenOf(sessionToken),
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}

/**
 * Signs in. Failures only are counted (see `defaultLimits`): an attempt is counted before the password is checked,
 * so concurrent guesses cannot slip past the count, and taken back when it succeeds.
 */
export const signInHandler: AppRouteHandler<typeof signIn> = async (c) => {
  const { email, password } = c.req.valid("json");
  const db = c.get("db");
  const address = c.get("address");
  const limits = c.get("limits");
  const account = accounts.normaliseEmail(email);
  const now = Date.now();
  const addressBucket = `sign-in-failures:address:${address}`;
  await enforceLimit(c, addressBucket, limits.signInPerAddress, "failed sign-ins from this address", now);
  const claim = await accounts.claimSignInAttempt(db, account, address, limits.signInBackoff, now);
  if (!claim.allowed) {
    await accounts.uncountRequest(db, addressBucket, limits.signInPerAddress, now);
    c.header("Retry-After", String(claim.retryAfterSeconds));
    // Recorded once per account, address and quarter of an hour; the log has every refusal.
    const first = await accounts.countRequest(db, `sign-in-slowed:${account}:${address}`, {
      limit: 1,
      windowSeconds: 15 * 60,
    });
    throw new RateLimited(
      `Too many failed sign-ins for this account from this address: try again in ${claim.retryAfterSeconds} seconds`,
      first.allowed,
    );
  }
  const found = await accounts.verifyPassword(db, { email, password });
  if (found) {
    await accounts.forgetSignInFailures(db, account, address);
    await accounts.uncountRequest(db, addressBucket, limits.signInPerAddress, now);
  } else {
    await accounts.recordAuthEvent(db, { kind: "sign_in_failed", email, address });
    throw new ApiError("UNAUTHORIZED", "Wrong e-mail or password", [
      { location: "json", path: "password", message: "wrong e-mail or password" },
    ]);
  }
  const session = await accounts.createSession(db, { userId: found.user.id });
  await accounts.recordAuthEvent(db, { kind: "signed_in", email, address });
  setSessionCookie(c as unknown as Context<AppEnv>, session.token, session.expiresAt);
  return c.json(
    { data: sessionView(found.user, found.organisation, found.user.roles, session.token, session.expiresAt) },
    200,
  );
};

export const current: AppRouteHandler<typeof currentSession> = async (c) => {
  const principal = c.get("principal");
  if (!principal) return c.json({ data: null }, 200);
  const db = c.get("db");
  const organisation = await accounts.getOrganisation(db, principal.organisationId);
  if (!organisation) return c.json({ data: null }, 200);
  const found = principal.sessionToken ? await accounts.sessionUser(db, principal.sessionToken) : null;
  return c.json(
    {
      data: sessionView(
        found?.user ?? null,
        organisation,
        [...principal.actor.roles],
        principal.sessionToken,
        found?.sessionExpiresAt ?? null,
      ),
    },
    200,
  );
};

export const signOutHandler: AppRouteHandler<typeof signOut> = async (c) => {
  const principal = c.get("principal");
  if (principal?.sessionToken) {
    await accounts.revokeSession(c.get("db"), principal.sessionToken);
    await accounts.recordAuthEvent(c.get("db"), { kind: "signed_out", address: c.get("address") });
  }
  clearSessionCookie(c as unknown as Context<AppEnv>);
  return c.json({ data: { signedOut: principal?.sessionToken !== undefined } }, 200);
};

function userOf(c: Context<AppEnv>): string {
  const principal = principalOf(c);
  if (!principal.userId || principal.tokenId) {
    throw new ApiError("FORBIDDEN", "Not allowed: sign in as a person for this, not with an API token");
  }
  return principal.userId;
}

export const signOutEverywhereHandler: AppRouteHandler<typeof signOutEverywhere> = async (c) => {
  const userId = userOf(c as unknown as Context<AppEnv>);
  const revoked = await accounts.revokeAllSessions(c.get("db"), userId);
  await accounts.recordAuthEvent(c.get("db"), { kind: "sessions_revoked", address: c.get("address") });
  clearSessionCookie(c as unknown as Context<AppEnv>);
  return c.json({ data: { revoked } }, 200);
};

export const changePasswordHandler: AppRouteHandler<typeof changePassword> = async (c) => {
  const userId = userOf(c as unknown as Context<AppEnv>);
  const { current, next } = c.req.valid("json");
  const problem = accounts.passwordProblem(next);
  if (problem) {
    throw new ApiError("VALIDATION_FAILED", `Invalid json field "next": ${problem}`, [
      { location: "json", path: "next", message: problem },
    ]);
  }
  const changed = await accounts.changePassword(c.get("db"), { userId, current, next });
  if (!changed) {
    throw new ApiError("FORBIDDEN", "Not allowed: the current password is wrong", [
      { location: "json", path: "current", message: "wrong password" },
    ]);
  }
  clearSessionCookie(c as unknown as Context<AppEnv>);
  return c.json({ data: { changed } }, 200);
};
