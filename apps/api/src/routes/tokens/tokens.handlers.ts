import * as accounts from "@commitments/db";
import { allow, principalOf } from "../../lib/auth/authorise.ts";
import { ApiError } from "../../lib/errors.ts";
import type { AppRouteHandler } from "../../lib/handler.ts";
import type { createToken, listTokens, revokeToken } from "./tokens.routes.ts";

const iso = (date: Date | null) => date?.toISOString() ?? null;

function tokenView(info: accounts.ApiTokenInfo) {
  return {
    id: info.id,
    name: info.name,
    prefix: info.prefix,
    scopes: info.scopes,
    createdBy: info.createdBy,
    createdAt: info.createdAt.toISOString(),
    expiresAt: iso(info.expiresAt),
    lastUsedAt: iso(info.lastUsedAt),
    revokedAt: iso(info.revokedAt),
  };
}

export const list: AppRouteHandler<typeof listTokens> = async (c) => {
  const principal = principalOf(c);
  allow(principal, "token.manage", { organisation: principal.organisationId });
  const tokens = await accounts.listApiTokens(c.get("db"), principal.organisationId);
  return c.json({ data: tokens.map(tokenView) }, 200);
};

export const create: AppRouteHandler<typeof createToken> = async (c) => {
  const principal = principalOf(c);
  allow(principal, "token.manage", { organisation: principal.organisationId });
  const { name, scopes, expiresInDays } = c.req.valid("json");
  const db = c.get("db");
  const { token, info } = await accounts.createApiToken(db, {
    organisationId: principal.organisationId,
    name,
    scopes,
    createdBy: principal.userId as string,
    expiresAt: new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000),
  });
  await accounts.recordAuthEvent(db, {
    kind: "token_created",
    tokenPrefix: info.prefix,
    address: c.get("address"),
    detail: `${principal.label}: "${name}" (${scopes.join(", ")})`,
  });
  return c.json({ data: { ...tokenView(info), token } }, 201);
};

export const revoke: AppRouteHandler<typeof revokeToken> = async (c) => {
  const principal = principalOf(c);
  allow(principal, "token.manage", { organisation: principal.organisationId });
  const { id } = c.req.valid("param");
  const db = c.get("db");
  // Another organisation's token is "not found": its existence is not ours to confirm.
  if (!(await accounts.revokeApiToken(db, { id, organisationId: principal.organisationId }))) {
    throw new ApiError("NOT_FOUND", `Your organisation has no open token "${id}"`);
  }
  await accounts.recordAuthEvent(db, {
    kind: "token_revoked",
    address: c.get("address"),
    detail: `${principal.label}: ${id}`,
  });
  return c.json({ data: { revoked: true as const } }, 200);
};
