import { Instant } from "@commitments/core";
import { noticeKinds } from "@commitments/db";
import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json } from "../../lib/openapi.ts";

// A person's notices: read with the session cookie of sign-in (an API token names no person, and is refused).
const personSecurity: Record<string, string[]>[] = [{ session: [] }];

export const NoticeView = z
  .object({
    id: z.number().int(),
    kind: z.enum(noticeKinds).openapi({
      description:
        "returned or published: your submitted record; proposal_published or proposal_returned: your proposed change of a published record; disputed: a record of your organisation; submitted: a record of your organisation awaits your approval.",
    }),
    record: z.object({
      kind: z.string(),
      id: z.string().nullable().openapi({ description: "Null where you may no longer see the record." }),
      commitment: z.string().nullable().openapi({ description: "The commitment it belongs to." }),
      title: z.string().nullable().openapi({ description: "That commitment's title." }),
    }),
    by: z.string().openapi({ description: "Who acted: the person's name, or the API token's." }),
    at: z.iso.datetime(),
    reason: z
      .string()
      .nullable()
      .openapi({ description: "The approver's reason, or the dispute's statement." }),
    read: z.boolean(),
  })
  .openapi("Notice");

const refusals = {
  401: json(ErrorBody, "Not signed in."),
  403: json(ErrorBody, "An API token: notices are a signed-in person's."),
};

export const listNotices = createRoute({
  method: "get",
  path: "/v1/notices",
  tags: ["Accounts"],
  summary: "What happened to your and your organisation's work: returned, published, disputed, submitted",
  security: personSecurity,
  middleware: [requireSignIn] as const,
  request: {
    query: z.object({
      unread: z.enum(["true", "false"]).optional().openapi({ description: "Only the unread ones." }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: json(
      z.object({
        data: z.array(NoticeView),
        unread: z.number().int().openapi({ description: "Unread in all." }),
      }),
      "Newest first.",
    ),
    ...refusals,
    ...errorResponses,
  },
});

export const markNoticesRead = createRoute({
  method: "post",
  path: "/v1/notices/read",
  tags: ["Accounts"],
  summary: "Mark notices read: those up to a time, or those named",
  security: personSecurity,
  middleware: [requireSignIn] as const,
  request: {
    body: {
      ...json(
        z
          .object({
            upTo: Instant.optional().openapi({ description: "Every notice until then." }),
            ids: z.array(z.number().int().min(1)).min(1).max(500).optional(),
          })
          .strict()
          .refine((body) => body.upTo !== undefined || body.ids !== undefined, {
            message: "name the notices: upTo, ids or both",
            path: ["upTo"],
          })
          .openapi("NoticesRead"),
        "Which notices.",
      ),
      required: true,
    },
  },
  responses: {
    200: json(
      z.object({ data: z.object({ marked: z.number().int(), unread: z.number().int() }) }),
      "How many were marked, and how many remain unread.",
    ),
    ...refusals,
    ...errorResponses,
  },
});
