import { createRoute, z } from "@hono/zod-openapi";
import { requireSignIn } from "../../lib/auth/authorise.ts";
import { writeSecurity } from "../../lib/auth/schemes.ts";
import { ErrorBody } from "../../lib/errors.ts";
import { errorResponses, json } from "../../lib/openapi.ts";

const count = (description: string) => z.number().int().min(0).nullable().openapi({ description });

export const Waiting = z
  .object({
    submitted: count(
      "Your organisation's records sent for approval (commitments, tranches, stage events); null unless you approve them.",
    ),
    proposals: count(
      "Proposed corrections and retractions of your organisation's published records; null unless you approve them.",
    ),
    toConfirm: count(
      "Published deliveries to your country, reported by donors' ministries in the tracker, that wait for its confirmation of receipt; null unless you verify them.",
    ),
  })
  .openapi("Waiting");

export const getWaiting = createRoute({
  method: "get",
  path: "/v1/waiting",
  tags: ["Accounts"],
  summary: "How much waits for you: submissions and proposals to decide, deliveries to confirm",
  description:
    "Counts only, for a header on every page: the lists are GET /v1/commitments (and tranches, events) with drafts=include, GET /v1/proposals?status=submitted and GET /v1/events?recipient=…&stage=delivered&confirmed=false&source=tracker.",
  security: writeSecurity,
  middleware: [requireSignIn] as const,
  responses: {
    200: json(z.object({ data: Waiting }), "The counts; null where your roles give you no such work."),
    401: json(ErrorBody, "Not signed in."),
    ...errorResponses,
  },
});
