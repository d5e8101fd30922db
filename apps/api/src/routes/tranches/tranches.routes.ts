import { Slug, TrancheRecord } from "@commitments/core";
import { ledgerRoutes, settable, workflowRoute } from "../../lib/write-routes.ts";
import { partReadRoutes } from "../../schemas/part-routes.ts";
import { TrancheCreate, TrancheView } from "../../schemas/records.ts";

export const trancheReadRoutes = partReadRoutes({
  path: "/v1/tranches",
  tag: "Tranches",
  noun: "tranche",
  plural: "tranches",
  summary: "Planned instalments of commitments: how much is due by when",
  summaryOfOne: "One tranche",
  view: TrancheView,
  filters: {},
});

export const trancheWrites = ledgerRoutes({
  path: "/v1/tranches",
  tag: "Tranches",
  noun: "tranche",
  id: Slug,
  create: TrancheCreate,
  set: settable(TrancheRecord, "TrancheChanges"),
  view: TrancheView,
  record: TrancheRecord,
});

export const trancheStatus = workflowRoute({
  path: "/v1/tranches",
  tag: "Tranches",
  noun: "tranche",
  view: TrancheView,
});
