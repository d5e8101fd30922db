import { Confidence, IsoDate, Slug, Stage, StageEvent } from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta } from "../../lib/representation.ts";
import { ledgerRoutes, settable, workflowRoute } from "../../lib/write-routes.ts";
import { CommitmentFilters, DraftsQuery, EventCreate, EventView } from "../../schemas/records.ts";

export const listEvents = createRoute({
  method: "get",
  path: "/v1/events",
  tags: ["Events"],
  summary: "Dated, sourced steps of commitments: pledged, committed, allocated, delivered",
  request: {
    query: z
      .object({
        commitment: Slug.optional().openapi({ description: "Events of this commitment." }),
        ...CommitmentFilters,
        stage: Stage.optional(),
        confidence: Confidence.optional(),
        from: IsoDate.optional().openapi({ description: "Events that count on or after this day." }),
        to: IsoDate.optional().openapi({ description: "Events that count on or before this day." }),
        ...DraftsQuery,
        ...AsOfQuery,
        ...PageQuery,
      })
      .strict(),
  },
  responses: {
    200: json(
      z.object({ data: z.array(EventView), page: PageInfo, meta: ReadMeta }),
      "The matching events, in id order.",
    ),
    ...errorResponses,
  },
});

export const getEvent = createRoute({
  method: "get",
  path: "/v1/events/{id}",
  tags: ["Events"],
  summary: "One stage event",
  request: { params: z.object({ id: Slug }), query: z.object({ ...AsOfQuery, ...DraftsQuery }).strict() },
  responses: {
    200: json(z.object({ data: EventView, meta: ReadMeta }), "The event."),
    ...notFoundResponse,
    ...errorResponses,
  },
});

export const eventWrites = ledgerRoutes({
  path: "/v1/events",
  tag: "Events",
  noun: "event",
  id: Slug,
  create: EventCreate,
  set: settable(StageEvent, "EventChanges"),
  view: EventView,
  record: StageEvent,
});

export const eventStatus = workflowRoute({
  path: "/v1/events",
  tag: "Events",
  noun: "event",
  view: EventView,
});
