import { TokenScope } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";

export const TokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The token's first 8 characters, to tell tokens apart." }),
    scopes: z.array(TokenScope),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .openapi("ApiToken");

const refusals = {
  401: json(ErrorBody, "Not signed in."),
  403: json(ErrorBody, "Tokens are managed by a signed-in person of their own organisation."),
};

export const listTokens = createRoute({
  method: "get",
  path: "/v1/tokens",
  tags: ["Accounts"],
  summary: "Your organisation's API tokens, revoked ones included; never the tokens themselves",
  middleware: [requireSignIn] as const,
  responses: {
    200: json(z.object({ data: z.array(TokenView) }), "Newest first."),
    ...refusals,
    ...errorResponses,
  },
});

export const createToken = createRoute({
  method: "post",
  path: "/v1/tokens",
  tags: ["Accounts"],
  summary: "Create an API token for machine uploads: shown once, stored hashed",
  description:
    "The token acts with your roles (less approval: publishing stays a person's act) until it expires, is revoked, or your account is disabled.",
  middleware: [requireSignIn] as const,
  request: {
    body: {
      ...json(
        z
          .object({
            name: z.string().trim().min(1).max(100),
            scopes: z.array(TokenScope).min(1).max(2),
            expiresInDays: z.number().int().min(1).max(366).openapi({ description: "Every token expires." }),
          })
          .strict()
          .openapi("TokenCreate"),
        "What the token is for, what it may do, and for how long.",
      ),
      required: true,
    },
  },
  responses: {
    201: json(
      z.object({
        data: TokenView.extend({ token: z.string().openapi({ description: "Shown this once." }) }),
      }),
      "The token. Copy it now: it cannot be shown again.",
    ),
    ...refusals,
    ...errorResponses,
  },
});

export const revokeToken = createRoute({
  method: "post",
  path: "/v1/tokens/{id}/revoke",
  tags: ["Accounts"],
  summary: "Revoke one of your organisation's tokens; it is refused from now on",
  middleware: [requireSignIn] as const,
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: json(z.object({ data: z.object({ revoked: z.literal(true) }) }), "Revoked."),
    ...notFoundResponse,
    ...refusals,
    ...errorResponses,
  },
});
