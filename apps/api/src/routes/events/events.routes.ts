import { Confidence, IsoDate, Slug, Stage, StageEvent } from "@commitments/core";
import { z } from "@hono/zod-openapi";
import { ledgerRoutes, settable, workflowRoute } from "../../lib/write-routes.ts";
import { partReadRoutes } from "../../schemas/part-routes.ts";
import { EventCreate, EventView } from "../../schemas/records.ts";

export const eventReadRoutes = partReadRoutes({
  path: "/v1/events",
  tag: "Events",
  noun: "event",
  plural: "events",
  summary: "Dated, sourced steps of commitments: pledged, committed, allocated, delivered",
  summaryOfOne: "One stage event",
  view: EventView,
  filters: {
    stage: Stage.optional(),
    confidence: Confidence.optional(),
    confirmed: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional()
      .openapi({
        description:
          "false: deliveries that still wait for their recipient to confirm receipt (confidence below confirmed_by_recipient); true: those confirmed by the recipient or independently verified. With recipient and stage=delivered, a recipient's verifiers' list of deliveries to confirm.",
      }),
    from: IsoDate.optional().openapi({ description: "Events that count on or after this day." }),
    to: IsoDate.optional().openapi({ description: "Events that count on or before this day." }),
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
