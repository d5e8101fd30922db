import {
  CategoryId,
  CommitmentRecord,
  PartyId,
  Slug,
  SourceDataset,
  StageEvent,
  Tier,
  Tranche,
  TrancheRecord,
} from "@commitments/core";
import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, json, notFoundResponse } from "../../lib/openapi.ts";
import { RemarksMeta } from "../../lib/remarks.ts";
import { AsOfQuery, PageInfo, PageQuery, ReadMeta, VersionMeta } from "../../lib/representation.ts";
import { ledgerRoutes, Reason, settable, workflowRoute } from "../../lib/write-routes.ts";

export const CommitmentView = CommitmentRecord.safeExtend(VersionMeta)
  .safeExtend(RemarksMeta)
  .openapi("CommitmentView");
export const TrancheView = TrancheRecord.safeExtend(VersionMeta)
  .safeExtend(RemarksMeta)
  .openapi("TrancheView");
export const EventView = StageEvent.safeExtend(VersionMeta).safeExtend(RemarksMeta).openapi("EventView");

/** Drafts: the public and most accounts read published records only; a ministry may ask for its own drafts too. */
export const DraftsQuery = {
  drafts: z.enum(["exclude", "include"]).default("exclude").openapi({
    description:
      "include: also the drafts you may see (your own donor's as a ministry; all as an administrator).",
  }),
};

export const CommitmentFilters = {
  donor: PartyId.optional(),
  recipient: PartyId.optional(),
  agreement: Slug.optional(),
  category: CategoryId.optional().openapi({ description: "A category and everything under it." }),
  tier: z
    .union([Tier, z.literal("none")])
    .optional()
    .openapi({
      description: "The tier of the commitment's agreement; none for commitments under no agreement.",
    }),
  source: SourceDataset.optional().openapi({
    description:
      "Whose figures: one source's commitments only (kiel, sipri, iati, or tracker for the records kept in the tracker). Figures of two sources may count the same aid twice.",
  }),
};

export const listCommitments = createRoute({
  method: "get",
  path: "/v1/commitments",
  tags: ["Commitments"],
  summary: "Pledge lines: what was promised, by whom, under which agreement",
  request: { query: z.object({ ...CommitmentFilters, ...DraftsQuery, ...AsOfQuery, ...PageQuery }).strict() },
  responses: {
    200: json(
      z.object({ data: z.array(CommitmentView), page: PageInfo, meta: ReadMeta }),
      "The matching commitments, in id order.",
    ),
    ...errorResponses,
  },
});

export const CommitmentDetail = z
  .object({ commitment: CommitmentView, schedule: z.array(TrancheView), events: z.array(EventView) })
  .openapi("CommitmentDetail");

export const getCommitment = createRoute({
  method: "get",
  path: "/v1/commitments/{id}",
  tags: ["Commitments"],
  summary: "One commitment with its schedule and its stage events",
  request: { params: z.object({ id: Slug }), query: z.object({ ...AsOfQuery, ...DraftsQuery }).strict() },
  responses: {
    200: json(
      z.object({ data: CommitmentDetail, meta: ReadMeta }),
      "The commitment, its tranches and its events.",
    ),
    ...notFoundResponse,
    ...errorResponses,
  },
});

/**
 * A new commitment, with its schedule if any: each instalment becomes a tranche record in the same change set.
 * The whole is checked against Commitment once its id is known (a tranche must be measured like it).
 */
export const CommitmentCreate = z
  .object({
    ...CommitmentRecord.shape,
    id: Slug.optional(),
    schedule: z.array(Tranche).max(600).optional().openapi({
      description: "Created as tranches <id>-t1, <id>-t2, … in this order.",
    }),
    reason: Reason.optional(),
  })
  .strict()
  .openapi("CommitmentCreate");

export const commitmentWrites = ledgerRoutes({
  path: "/v1/commitments",
  tag: "Commitments",
  noun: "commitment",
  id: Slug,
  create: CommitmentCreate,
  set: settable(CommitmentRecord, "CommitmentChanges"),
  view: CommitmentDetail,
  record: CommitmentRecord,
});

export const commitmentStatus = workflowRoute({
  path: "/v1/commitments",
  tag: "Commitments",
  noun: "commitment",
  view: CommitmentDetail,
});
