import { OrganisationKind, PartyId, Role } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";

export const OrganisationView = z
  .object({
    id: z.string(),
    kind: OrganisationKind,
    name: z.string(),
    party: z.string().nullable(),
    demo: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi("Organisation");

export const UserView = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(Role),
    demo: z.boolean(),
    disabledAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi("User");

const refusals = {
  401: json(ErrorBody, "Not signed in."),
  403: json(ErrorBody, "Only the tracker's administrators manage organisations and their users."),
};

export const listOrganisations = createRoute({
  method: "get",
  path: "/v1/organisations",
  tags: ["Accounts"],
  summary: "Organisations: all of them for administrators, your own otherwise",
  middleware: [requireSignIn] as const,
  responses: {
    200: json(z.object({ data: z.array(OrganisationView) }), "By name."),
    ...refusals,
    ...errorResponses,
  },
});

export const createOrganisation = createRoute({
  method: "post",
  path: "/v1/organisations",
  tags: ["Accounts"],
  summary: "Create an organisation (administrators): a ministry names the party it speaks for",
  middleware: [requireSignIn] as const,
  request: {
    body: {
      ...json(
        z
          .object({
            kind: OrganisationKind,
            name: z.string().trim().min(1).max(200),
            party: PartyId.optional(),
          })
          .strict()
          .openapi("OrganisationCreate"),
        "The organisation.",
      ),
      required: true,
    },
  },
  responses: {
    201: json(z.object({ data: OrganisationView }), "Created."),
    ...refusals,
    422: json(ErrorBody, "A ministry without a party."),
    ...errorResponses,
  },
});

export const listUsers = createRoute({
  method: "get",
  path: "/v1/organisations/{id}/users",
  tags: ["Accounts"],
  summary: "An organisation's users (administrators, or its own members)",
  middleware: [requireSignIn] as const,
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: {
    200: json(z.object({ data: z.array(UserView) }), "By e-mail."),
    ...notFoundResponse,
    ...refusals,
    ...errorResponses,
  },
});

export const createUser = createRoute({
  method: "post",
  path: "/v1/organisations/{id}/users",
  tags: ["Accounts"],
  summary: "Create a user in an organisation (administrators)",
  description:
    "Without a password, one is generated and returned once, to hand over; the user should change it at first sign-in.",
  middleware: [requireSignIn] as const,
  request: {
    params: z.object({ id: z.string().min(1).max(100) }),
    body: {
      ...json(
        z
          .object({
            email: z.string().trim().min(3).max(320),
            name: z.string().trim().min(1).max(200),
            roles: z.array(Role).max(5),
            password: z.string().min(1).max(1024).optional(),
          })
          .strict()
          .openapi("UserCreate"),
        "The user.",
      ),
      required: true,
    },
  },
  responses: {
    201: json(
      z.object({ data: UserView.extend({ initialPassword: z.string().nullable() }) }),
      "Created; initialPassword is shown once when generated.",
    ),
    ...notFoundResponse,
    ...refusals,
    409: json(ErrorBody, "That e-mail address already has an account."),
    422: json(ErrorBody, "A role the organisation's kind may not hand out."),
    ...errorResponses,
  },
});

export const disableUser = createRoute({
  method: "post",
  path: "/v1/users/{id}/disable",
  tags: ["Accounts"],
  summary: "Disable a user (administrators): sessions end and their tokens stop working",
  middleware: [requireSignIn] as const,
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: {
    200: json(z.object({ data: UserView }), "Disabled."),
    ...notFoundResponse,
    ...refusals,
    ...errorResponses,
  },
});
