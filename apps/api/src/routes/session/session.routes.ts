import { OrganisationKind, Role } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json } from "../../lib/openapi.ts";

export const SessionView = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable().openapi({
      description: "The signed-in person; null when an API token is asking.",
    }),
    organisation: z.object({
      id: z.string(),
      name: z.string(),
      kind: OrganisationKind,
      party: z.string().nullable(),
      demo: z.boolean(),
    }),
    roles: z.array(Role),
    csrfToken: z.string().nullable().openapi({
      description: "Send it as X-CSRF-Token with every write made with the session cookie.",
    }),
    expiresAt: z.iso.datetime().nullable(),
  })
  .openapi("Session");

const Credentials = z
  .object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1024) })
  .strict()
  .openapi("Credentials");

export const signIn = createRoute({
  method: "post",
  path: "/v1/session",
  tags: ["Accounts"],
  summary: "Sign in with e-mail and password; sets the session cookie",
  request: { body: { ...json(Credentials, "E-mail and password."), required: true } },
  responses: {
    200: json(z.object({ data: SessionView }), "Signed in; the cookie is set."),
    401: json(ErrorBody, "Wrong e-mail or password (which of the two is not said)."),
    429: json(ErrorBody, "Too many attempts from this address or for this e-mail; Retry-After says when."),
    ...errorResponses,
  },
});

export const currentSession = createRoute({
  method: "get",
  path: "/v1/session",
  tags: ["Accounts"],
  summary: "Who is signed in: the person or token behind this request, or null for the public",
  responses: {
    200: json(z.object({ data: SessionView.nullable() }), "The session, or null."),
    ...errorResponses,
  },
});

export const signOut = createRoute({
  method: "delete",
  path: "/v1/session",
  tags: ["Accounts"],
  summary: "Sign out of this session",
  responses: {
    200: json(z.object({ data: z.object({ signedOut: z.boolean() }) }), "Signed out."),
    ...errorResponses,
  },
});

export const signOutEverywhere = createRoute({
  method: "post",
  path: "/v1/session/sign-out-everywhere",
  tags: ["Accounts"],
  summary: "End every session of the signed-in person",
  middleware: [requireSignIn] as const,
  responses: {
    200: json(z.object({ data: z.object({ revoked: z.number().int() }) }), "How many sessions ended."),
    401: json(ErrorBody, "Not signed in."),
    403: json(ErrorBody, "An API token has no sessions to end."),
    ...errorResponses,
  },
});

export const changePassword = createRoute({
  method: "post",
  path: "/v1/session/password",
  tags: ["Accounts"],
  summary: "Change your password; every session ends, sign in again",
  middleware: [requireSignIn] as const,
  request: {
    body: {
      ...json(
        z.object({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) }).strict(),
        "The current password and the new one (at least 12 characters).",
      ),
      required: true,
    },
  },
  responses: {
    200: json(z.object({ data: z.object({ changed: z.boolean() }) }), "Changed."),
    400: json(ErrorBody, "The new password is too weak; `details` says why."),
    401: json(ErrorBody, "Not signed in."),
    403: json(ErrorBody, "The current password is wrong, or an API token is asking."),
    500: json(ErrorBody, "An unexpected failure."),
  },
});
